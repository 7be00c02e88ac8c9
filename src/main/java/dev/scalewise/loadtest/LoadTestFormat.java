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
