package dev.scalewise.policy;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What services.yaml states about one replica's capacity, when history cannot show it (docs/replay.md,
 * "Stating capacity"): the capacity at the SLO, the saturation throughput, and latency-vs-load points (inline,
 * or read from load-test outputs), all per replica and in the first target's percentile, and the further targets'
 * points from load tests (docs/tokens.md). NaN = not stated. Plain numbers
 * and strings, so it travels to Spark executors as it is.
 *
 * @param rpsPerReplica           requests/s one replica serves within the SLO
 * @param saturationRpsPerReplica requests/s one replica serves at most (the rate a backlog drains at)
 * @param points                  latency at loads per replica, ascending in load
 * @param maxLoadTestRps          the highest throughput per replica a load test reached (NaN without one)
 * @param tokens                  the loads above are weighted tokens/s ({@code tokensPerSecondPerReplica}, ...),
 *                                not requests/s (docs/tokens.md)
 * @param promptTokenWeight       what a prompt token costs a replica in generated tokens; NaN = not stated
 * @param morePoints              the latency-vs-load points of the SLO's further targets (TTFT, TPOT, ...), by metric,
 *                                each in its target's percentile, ascending in load: read from load tests
 */
public record StatedCapacity(double rpsPerReplica, double saturationRpsPerReplica, List<Point> points,
                             double maxLoadTestRps, boolean tokens, double promptTokenWeight,
                             Map<Slo.Metric, List<Point>> morePoints) implements Serializable {
    /**
     * Unless stated, a prompt token counts as much as a generated one: a forward pass costs about 2 x the
     * model's parameters in FLOPs per token in prefill and decode alike, and a compute-bound batch serves about
     * the same total tokens per second whatever the split (vLLM's benchmark reports it as
     * {@code total_token_throughput}). Decode is memory-bound at small batches, so state the weight when it
     * matters (docs/tokens.md says how to read it off two load tests).
     */
    public static final double DEFAULT_PROMPT_TOKEN_WEIGHT = 1;

    public static final StatedCapacity NONE = new StatedCapacity(Double.NaN, Double.NaN, List.of(), Double.NaN);

    public StatedCapacity {
        points = List.copyOf(points);
        morePoints = Map.copyOf(morePoints);
    }

    /** No points for further targets: their curves are fitted from history. */
    public StatedCapacity(double rpsPerReplica, double saturationRpsPerReplica, List<Point> points,
                          double maxLoadTestRps, boolean tokens, double promptTokenWeight) {
        this(rpsPerReplica, saturationRpsPerReplica, points, maxLoadTestRps, tokens, promptTokenWeight, Map.of());
    }

    /** A capacity in requests/s. */
    public StatedCapacity(double rpsPerReplica, double saturationRpsPerReplica, List<Point> points,
                          double maxLoadTestRps) {
        this(rpsPerReplica, saturationRpsPerReplica, points, maxLoadTestRps, false, Double.NaN);
    }

    /** The services.yaml key of the capacity at the SLO. */
    public String loadKey() {
        return tokens ? "tokensPerSecondPerReplica" : "rpsPerReplica";
    }

    /** The services.yaml key of the saturation throughput. */
    public String saturationKey() {
        return tokens ? "saturationTokensPerSecondPerReplica" : "saturationRpsPerReplica";
    }

    /** What the loads are in, as outputs print it. */
    public String unit() {
        return tokens ? "tokens/s" : "rps";
    }

    /**
     * One stated point of the latency curve.
     *
     * @param rpsPerReplica load per replica (weighted tokens/s when the capacity is in tokens)
     * @param latencyMs     the SLO percentile's latency there
     * @param source        where it was stated (services.yaml:line, or the load-test file)
     */
    public record Point(double rpsPerReplica, double latencyMs, String source) implements Serializable {
    }

    public boolean any() {
        return !Double.isNaN(rpsPerReplica) || !Double.isNaN(saturationRpsPerReplica) || !points.isEmpty()
                || !morePoints.isEmpty();
    }

    /**
     * What is stated about a further target alone: its points (none when no load test gave it any), in this
     * capacity's unit; the capacity at the SLO and the saturation belong to the first target.
     */
    public StatedCapacity forTarget(Slo.Metric metric) {
        return new StatedCapacity(Double.NaN, Double.NaN, morePoints.getOrDefault(metric, List.of()), Double.NaN,
                tokens, promptTokenWeight);
    }
}
