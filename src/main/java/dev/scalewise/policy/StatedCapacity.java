package dev.scalewise.policy;

import java.io.Serializable;
import java.util.List;

/**
 * What services.yaml states about one replica's capacity, when history cannot show it (docs/replay.md,
 * "Stating capacity"): the capacity at the SLO, the saturation throughput, and latency-vs-load points (inline,
 * or read from load-test outputs), all per replica and in the SLO's percentile. NaN = not stated. Plain numbers
 * and strings, so it travels to Spark executors as it is.
 *
 * @param rpsPerReplica           requests/s one replica serves within the SLO
 * @param saturationRpsPerReplica requests/s one replica serves at most (the rate a backlog drains at)
 * @param points                  latency at loads per replica, ascending in load
 * @param maxLoadTestRps          the highest throughput per replica a load test reached (NaN without one)
 */
public record StatedCapacity(double rpsPerReplica, double saturationRpsPerReplica, List<Point> points,
                             double maxLoadTestRps) implements Serializable {
    public static final StatedCapacity NONE = new StatedCapacity(Double.NaN, Double.NaN, List.of(), Double.NaN);

    public StatedCapacity {
        points = List.copyOf(points);
    }

    /**
     * One stated point of the latency curve.
     *
     * @param rpsPerReplica load per replica
     * @param latencyMs     the SLO percentile's latency there
     * @param source        where it was stated (services.yaml:line, or the load-test file)
     */
    public record Point(double rpsPerReplica, double latencyMs, String source) implements Serializable {
    }

    public boolean any() {
        return !Double.isNaN(rpsPerReplica) || !Double.isNaN(saturationRpsPerReplica) || !points.isEmpty();
    }
}
