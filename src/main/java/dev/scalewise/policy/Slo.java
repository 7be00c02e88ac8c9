package dev.scalewise.policy;

/**
 * A latency SLO: in at least `objective` of the minutes, the `percentile` latency stays at or below
 * `thresholdMs`. The error budget is 1 - objective of the minutes.
 */
public record Slo(Percentile percentile, double thresholdMs, double objective) {
    /** p95 under 1 s in 99 % of minutes: the default when services.yaml does not name the service. */
    public static final Slo DEFAULT = new Slo(Percentile.P95, 1000, 0.99);

    public enum Percentile { P50, P95, P99 }

    /**
     * A latency within this share of the threshold meets it: a percentile sitting exactly on the threshold
     * (load exactly at capacity) comes back from a monitoring system's histogram_quantile a few parts per
     * billion off (the sample's rerank minute 11309: 300 ms read back from Prometheus as 300.0000006 ms).
     */
    public static final double RELATIVE_TOLERANCE = 1e-6;

    /** The one breach rule, for replays, the observed run and the report's charts alike. */
    public static boolean exceeds(double latencyMs, double thresholdMs) {
        return latencyMs > thresholdMs * (1 + RELATIVE_TOLERANCE);
    }

    public boolean breachedBy(double latencyMs) {
        return exceeds(latencyMs, thresholdMs);
    }

    public double errorBudget() {
        return 1 - objective;
    }
}
