package dev.scalewise.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The load-test outputs Scalewise reads, and how a file's format is told when services.yaml does not say. */
public enum LoadTestFormat {
    /** vLLM {@code benchmark_serving.py --save-result} (also {@code vllm bench serve}) result JSON. */
    VLLM,
    /** Locust {@code --csv PREFIX}: the {@code PREFIX_stats.csv} file. */
    LOCUST,
    /** k6 {@code --summary-export} JSON, or the {@code handleSummary} data written as JSON. */
    K6;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where a file of this format keeps a measure's percentile, as an error names it (Locust and k6: end to end). */
    String field(LatencyMeasure m, int percentile) {
        return switch (this) {
            case VLLM -> (percentile == 50 ? "median_" : "p" + percentile + "_") + m.vllmKey() + "_ms";
            case LOCUST -> "the column '" + percentile + "%'";
            case K6 -> "metrics.http_req_duration " + (percentile == 50 ? "med" : "p(" + percentile + ")");
        };
    }

    /** What a file of this format has instead of a measure it never reports (TTFT, TPOT from Locust or k6). */
    String notMeasured(LatencyMeasure m) {
        return switch (this) {
            case VLLM -> "no " + m.vllmKey() + " fields";
            case LOCUST -> "end-to-end latency only (a Locust stats file times whole requests; it has no " + m.label() + ")";
            case K6 -> "end-to-end latency only (a k6 summary times whole HTTP requests, http_req_duration; it has no "
                    + m.label() + ")";
        };
    }

    /** How to get a measure's percentile into a file of this format. */
    String howTo(LatencyMeasure m, int percentile) {
        if (this == VLLM) {
            return "run vllm bench serve (or benchmark_serving.py) --save-result with --percentile-metrics naming "
                    + m.vllmKey() + " and --metric-percentiles naming " + percentile + " (its defaults: ttft,tpot,itl and 99)";
        }
        if (m != LatencyMeasure.E2E) {
            return "a vLLM result file (vllm bench serve --save-result) reports it";
        }
        return this == K6 ? "run k6 with --summary-trend-stats naming p(" + percentile + ")"
                : "Locust writes it in PREFIX_stats.csv";
    }

    public static Optional<LoadTestFormat> of(String id) {
        for (LoadTestFormat f : values()) {
            if (f.id().equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** By content: a CSV header with "Requests/s" is Locust; JSON with request_throughput vLLM, with metrics k6. */
    static Optional<LoadTestFormat> detect(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1 << 16), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("{")) {
            if (head.contains("\"request_throughput\"")) {
                return Optional.of(VLLM);
            }
            if (head.contains("\"metrics\"") && head.contains("\"http_req_duration")) {
                return Optional.of(K6);
            }
            return Optional.empty();
        }
        String firstLine = head.lines().findFirst().orElse("");
        return firstLine.contains("Requests/s") ? Optional.of(LOCUST) : Optional.empty();
    }
}
