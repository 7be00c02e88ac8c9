package dev.scalewise.loadtest;

import java.util.List;

/**
 * One {@link LatencyMeasure} as a load-test file reports it: its median, 95th and 99th percentiles in ms (NaN where
 * the file has none) and the file's own fields for the measure, which an error names when a percentile is missing.
 */
public record MeasuredLatency(double p50Ms, double p95Ms, double p99Ms, List<String> fields) {
    public MeasuredLatency {
        fields = List.copyOf(fields);
    }

    /** @param percentile 50, 95 or 99; NaN when the file does not report it */
    public double at(int percentile) {
        return switch (percentile) {
            case 50 -> p50Ms;
            case 95 -> p95Ms;
            case 99 -> p99Ms;
            default -> throw new IllegalArgumentException("p" + percentile + ": SLOs hold p50, p95 or p99");
        };
    }

    boolean any() {
        return !Double.isNaN(p50Ms) || !Double.isNaN(p95Ms) || !Double.isNaN(p99Ms);
    }
}
