package dev.scalewise.sample;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The data generator's stand-in for the Kubernetes HPA controller on its legacy path (an
 * autoscaling/v2 HPA without {@code behavior}) with one Pods metric of type AverageValue. Written
 * from kubernetes/kubernetes pkg/controller/podautoscaler:
 * <ul>
 *   <li>replica_calculator.go {@code calcPlainMetricReplicas}: usage ratio = mean metric of the pods
 *       that report one / target; within {@code tolerance} of 1 keep the current count, else
 *       ceil(ratio x reporting pods). Pods without a metric yet ("missing": running but still
 *       loading the model) count as using the target on a scale-down and 0 on a scale-up; if that
 *       flips the direction or lands within tolerance, keep the current count.</li>
 *   <li>horizontal.go {@code stabilizeRecommendation}: the result is the maximum recommendation of
 *       the last {@code downscaleStabilizationSeconds} (samples at exactly now - window included).</li>
 *   <li>horizontal.go {@code convertDesiredReplicasWithRules}: clamp to [minReplicas,
 *       min(maxReplicas, max(2 x current, 4))]: the legacy scale-up limit per sync period.</li>
 * </ul>
 * The metric is averaged in milli-units with integer division, as {@code GetMetricUsageRatio} does.
 */
public final class HpaLegacyController {
    /**
     * @param targetPerReplica              AverageValue target of the metric (here rps_per_replica)
     * @param tolerance                     --horizontal-pod-autoscaler-tolerance, default 0.1
     * @param syncPeriodSeconds             --horizontal-pod-autoscaler-sync-period, default 15
     * @param downscaleStabilizationSeconds --horizontal-pod-autoscaler-downscale-stabilization, default 300
     */
    public record Params(int minReplicas, int maxReplicas, double targetPerReplica, double tolerance,
                        int syncPeriodSeconds, int downscaleStabilizationSeconds) {
        public static final double SCALE_UP_LIMIT_FACTOR = 2.0;
        public static final int SCALE_UP_LIMIT_MINIMUM = 4;

        /** The kube-controller-manager defaults around the given bounds and target. */
        public static Params defaults(int minReplicas, int maxReplicas, double targetPerReplica) {
            return new Params(minReplicas, maxReplicas, targetPerReplica, 0.1, 15, 300);
        }
    }

    private record Recommendation(long atSecond, int replicas) {
    }

    private final Params params;
    private final Deque<Recommendation> recent = new ArrayDeque<>();

    public HpaLegacyController(Params params) {
        this.params = params;
    }

    public Params params() {
        return params;
    }

    /**
     * One sync.
     *
     * @param nowSeconds      time of this sync
     * @param currentReplicas spec.replicas of the Deployment (all pods, ready or starting)
     * @param reportingPods   pods that report the metric (ready, serving)
     * @param metricSum       sum of the metric over the reporting pods
     * @return the new spec.replicas
     */
    public int decide(long nowSeconds, int currentReplicas, int reportingPods, double metricSum) {
        int proposal = proposal(currentReplicas, reportingPods, metricSum);
        int stabilized = stabilize(nowSeconds, proposal);
        return bound(currentReplicas, stabilized);
    }

    /** calcPlainMetricReplicas with a Pods metric; missing pods = current - reporting. */
    int proposal(int currentReplicas, int reportingPods, double metricSum) {
        if (reportingPods <= 0) {
            return currentReplicas; // upstream: "did not receive metrics", no change
        }
        long targetMilli = StrictMath.round(params.targetPerReplica() * 1000);
        long sumMilli = StrictMath.round(metricSum * 1000);
        double usageRatio = (double) (sumMilli / reportingPods) / targetMilli;
        int missing = Math.max(0, currentReplicas - reportingPods);
        if (missing == 0) {
            if (Math.abs(1 - usageRatio) <= params.tolerance()) {
                return currentReplicas;
            }
            return (int) Math.ceil(usageRatio * reportingPods);
        }
        long filledSum = sumMilli + (usageRatio < 1 ? missing * targetMilli : 0);
        int counted = reportingPods + missing;
        double newRatio = (double) (filledSum / counted) / targetMilli;
        if (Math.abs(1 - newRatio) <= params.tolerance()
                || (usageRatio < 1 && newRatio > 1) || (usageRatio > 1 && newRatio < 1)) {
            return currentReplicas;
        }
        int replicas = (int) Math.ceil(newRatio * counted);
        if ((newRatio < 1 && replicas > currentReplicas) || (newRatio > 1 && replicas < currentReplicas)) {
            return currentReplicas;
        }
        return replicas;
    }

    /** Max over the recommendations of the stabilization window, this one included. */
    int stabilize(long nowSeconds, int proposal) {
        long cutoff = nowSeconds - params.downscaleStabilizationSeconds();
        while (!recent.isEmpty() && recent.peekFirst().atSecond() < cutoff) {
            recent.removeFirst();
        }
        int max = proposal;
        for (Recommendation r : recent) {
            max = Math.max(max, r.replicas());
        }
        recent.addLast(new Recommendation(nowSeconds, proposal));
        return max;
    }

    /** Bounds and the legacy scale-up limit. */
    int bound(int currentReplicas, int desired) {
        int scaleUpLimit = (int) Math.max(Params.SCALE_UP_LIMIT_FACTOR * currentReplicas,
                Params.SCALE_UP_LIMIT_MINIMUM);
        int maxAllowed = Math.min(params.maxReplicas(), scaleUpLimit);
        if (desired < params.minReplicas()) {
            return params.minReplicas();
        }
        return Math.min(desired, maxAllowed);
    }
}
