package dev.scalewise.loadtest;

/**
 * What a load test timed: the request end to end, or, for an LLM server that streams, the time to its first
 * token and the time per output token after it (vLLM's benchmark: {@code e2el}, {@code ttft}, {@code tpot}).
 */
public enum LatencyMeasure {
    E2E("e2el", "end-to-end latency"),
    TTFT("ttft", "time to first token"),
    TPOT("tpot", "time per output token");

    private final String vllmKey;
    private final String label;

    LatencyMeasure(String vllmKey, String label) {
        this.vllmKey = vllmKey;
        this.label = label;
    }

    /** The metric's name in vLLM's result JSON ({@code p95_ttft_ms}) and its --percentile-metrics. */
    public String vllmKey() {
        return vllmKey;
    }

    /** In words, for messages. */
    public String label() {
        return label;
    }
}
