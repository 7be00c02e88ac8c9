package dev.scalewise.loadtest;

import dev.scalewise.Numbers;
import dev.scalewise.UserError;

import java.util.Map;

/**
 * What one load-test run showed: the throughput it sustained and the latency percentiles it timed at it, per
 * {@link LatencyMeasure} the format reports (vLLM: end-to-end, time to first token, time per output token; Locust
 * and k6: end-to-end only).
 *
 * @param rps        requests per second completed over the run, all replicas under test together
 * @param latencies  what the file reports per measure; a measure the format never times is absent
 * @param source     the file and format, for notes and messages
 * @param format     the format the file was read as
 * @param inputTokensPerSecond  prompt tokens per second over the run (vLLM: total_input_tokens / duration);
 *                              NaN where the file does not say
 * @param outputTokensPerSecond generated tokens per second over the run; NaN where the file does not say
 */
public record LoadTestPoint(double rps, Map<LatencyMeasure, MeasuredLatency> latencies, String source,
                            LoadTestFormat format, double inputTokensPerSecond, double outputTokensPerSecond) {
    public LoadTestPoint {
        latencies = Map.copyOf(latencies);
    }

    /**
     * The measure's percentile (50, 95 or 99), in ms. A file without it is a user error naming the file, the field
     * expected, the fields it has for the measure and how to get it: another percentile is never taken instead.
     */
    public double latencyMs(LatencyMeasure m, int percentile) {
        MeasuredLatency l = latencies.get(m);
        double ms = l == null ? Double.NaN : l.at(percentile);
        if (ms > 0) {
            return ms;
        }
        if (!Double.isNaN(ms)) { // vLLM's numpy statistics of an empty list are 0 (vllm/benchmarks/serve.py)
            throw new UserError(source + ": " + format.field(m, percentile) + ": expected a latency above 0 ms, found "
                    + Numbers.plain(ms) + (format == LoadTestFormat.VLLM ? " (vLLM writes 0 when it timed no request: "
                    + "TTFT needs a streaming endpoint, TPOT outputs of 2 tokens or more)" : ""));
        }
        String expected = m.label() + " p" + percentile;
        if (l == null) {
            throw new UserError(source + ": expected " + expected + ", found " + format.notMeasured(m) + ": "
                    + format.howTo(m, percentile));
        }
        throw new UserError(source + ": expected " + format.field(m, percentile) + " (" + expected + "), found "
                + (l.fields().isEmpty() ? format.notMeasured(m) : "only " + String.join(", ", l.fields())) + ": "
                + format.howTo(m, percentile));
    }

    /** Whether the run reports its prompt and generated tokens. */
    public boolean hasTokens() {
        return Double.isFinite(inputTokensPerSecond) && Double.isFinite(outputTokensPerSecond);
    }
}
