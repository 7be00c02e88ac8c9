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
 */
public record LoadTestPoint(double rps, double p50Ms, double p95Ms, double p99Ms, String source) {
}
