package dev.scalewise.loadtest;

/**
 * What one load-test run showed: the throughput it sustained and the end-to-end latency percentiles at
 * it (NaN where the file does not report one).
 *
 * @param rps    requests per second completed over the run, all replicas under test together
 * @param p50Ms  median end-to-end latency, ms
 * @param p95Ms  95th percentile, ms
 * @param p99Ms  99th percentile, ms
 * @param source the file and format, for notes and messages
 * @param inputTokensPerSecond  prompt tokens per second over the run (vLLM: total_input_tokens / duration);
 *                              NaN where the file does not say
 * @param outputTokensPerSecond generated tokens per second over the run; NaN where the file does not say
 */
public record LoadTestPoint(double rps, double p50Ms, double p95Ms, double p99Ms, String source,
                            double inputTokensPerSecond, double outputTokensPerSecond) {
    /** A run that reports no tokens (Locust, k6). */
    public LoadTestPoint(double rps, double p50Ms, double p95Ms, double p99Ms, String source) {
        this(rps, p50Ms, p95Ms, p99Ms, source, Double.NaN, Double.NaN);
    }

    /** Whether the run reports its prompt and generated tokens. */
    public boolean hasTokens() {
        return Double.isFinite(inputTokensPerSecond) && Double.isFinite(outputTokensPerSecond);
    }
}
