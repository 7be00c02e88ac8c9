package dev.scalewise.sim.autoscaler;

/**
 * One HPA metric's replica proposal, one function per metric shape, as in Kubernetes'
 * {@code pkg/controller/podautoscaler/replica_calculator.go}. Each returns {@link #NO_PROPOSAL} when the
 * metric has nothing to say (no ready pod to average over, unknown value) — upstream an error that makes
 * the controller skip the metric.
 *
 * <p>Pods that exist but are not ready ({@code current - ready}) are still starting. For Resource metrics
 * they are upstream's "unready pods" (metrics-server reports CPU while the model loads): dropped from
 * the average and, on a scale-up only, counted again at 0 usage. For Pods metrics, which the serving
 * process itself exports once it is up, they are "missing pods": counted at 0 on a scale-up and at the
 * target on a scale-down ({@code calcPlainMetricReplicas}). Either way the controller refuses to act when
 * counting them flips the direction.
 */
public final class ReplicaCalculator {
    public static final int NO_PROPOSAL = -1;

    private ReplicaCalculator() {
    }

    /**
     * A per-pod metric averaged over ready pods: Resource/ContainerResource (Utilization or AverageValue)
     * and Pods metrics ({@code GetResourceReplicas}, {@code calcPlainMetricReplicas}).
     *
     * @param usageRatio mean over ready pods divided by the target
     */
    public static int perPod(int currentReplicas, int readyReplicas, double usageRatio, Tolerances tolerances) {
        return perPod(currentReplicas, readyReplicas, usageRatio, tolerances, false);
    }

    /**
     * @param startingAtTargetOnScaleDown true for Pods metrics: starting pods are missing-metric pods,
     *                                    counted at the target when the ready ones ask to scale down
     */
    public static int perPod(int currentReplicas, int readyReplicas, double usageRatio, Tolerances tolerances,
                             boolean startingAtTargetOnScaleDown) {
        if (readyReplicas <= 0 || Double.isNaN(usageRatio)) {
            return NO_PROPOSAL; // "did not receive metrics for targeted pods (pods might be unready)"
        }
        int starting = Math.max(0, currentReplicas - readyReplicas);
        boolean countStarting = starting > 0 && (usageRatio > 1.0 || startingAtTargetOnScaleDown && usageRatio < 1.0);
        if (!countStarting) {
            return tolerances.within(usageRatio) ? currentReplicas : ceil(usageRatio * readyReplicas);
        }
        // scale-up: starting pods use nothing; scale-down (Pods metrics): they sit exactly at the target
        int pods = readyReplicas + starting;
        double startingUsage = usageRatio > 1.0 ? 0 : 1;
        double newUsageRatio = (usageRatio * readyReplicas + startingUsage * starting) / pods;
        return countingStarting(currentReplicas, pods, usageRatio, newUsageRatio, tolerances);
    }

    /**
     * A Resource or ContainerResource metric with a Utilization target ({@code GetResourceReplicas}): the
     * pods' utilization is a whole percent of their requests, truncated as upstream's
     * {@code int32(metricsTotal * 100 / requestsTotal)} ({@code GetResourceUtilizationRatio}), and so is the
     * recount with starting pods at 0 on a scale-up. A ratio of 30.9 % to a 30 % target is 1.0: no change.
     *
     * @param meanPercent   mean utilization of the ready pods, in percent of their requests
     * @param targetPercent the target utilization, in percent
     */
    public static int resourceUtilization(int currentReplicas, int readyReplicas, double meanPercent,
                                          double targetPercent, Tolerances tolerances) {
        double usageRatio = wholePercent(meanPercent) / targetPercent;
        if (readyReplicas <= 0 || currentReplicas <= readyReplicas || !(usageRatio > 1.0)) {
            return perPod(currentReplicas, readyReplicas, usageRatio, tolerances); // starting pods not counted
        }
        int pods = currentReplicas;
        double newUsageRatio = wholePercent(meanPercent * readyReplicas / pods) / targetPercent;
        return countingStarting(currentReplicas, pods, usageRatio, newUsageRatio, tolerances);
    }

    /** The proposal once starting pods are counted: none when that flips the direction or lands in the band. */
    private static int countingStarting(int currentReplicas, int pods, double usageRatio, double newUsageRatio,
                                        Tolerances tolerances) {
        if (tolerances.within(newUsageRatio) || (usageRatio > 1.0) != (newUsageRatio > 1.0)) {
            return currentReplicas; // within tolerance, or counting the starting pods flips the direction
        }
        int newReplicas = ceil(newUsageRatio * pods);
        return newUsageRatio > 1.0 ? Math.max(newReplicas, currentReplicas) : Math.min(newReplicas, currentReplicas);
    }

    /**
     * A service-wide total against a per-pod target: External or Object metric with AverageValue
     * ({@code GetExternalPerPodMetricReplicas}). The ratio is judged against the pods that exist.
     */
    public static int totalPerPod(int currentReplicas, double total, double targetPerPod, Tolerances tolerances) {
        if (Double.isNaN(total) || !(targetPerPod > 0)) {
            return NO_PROPOSAL;
        }
        double usageRatio = total / (targetPerPod * currentReplicas);
        if (currentReplicas > 0 && tolerances.within(usageRatio)) {
            return currentReplicas;
        }
        return ceil(total / targetPerPod);
    }

    /**
     * A value against a total target: External or Object metric with Value
     * ({@code getUsageRatioReplicaCount}): ratio x ready pods, or ceil(ratio) from zero.
     */
    public static int value(int currentReplicas, int readyReplicas, double usageRatio, Tolerances tolerances) {
        if (Double.isNaN(usageRatio)) {
            return NO_PROPOSAL;
        }
        if (currentReplicas == 0) {
            return ceil(usageRatio);
        }
        if (tolerances.within(usageRatio)) {
            return currentReplicas;
        }
        return ceil(usageRatio * readyReplicas);
    }

    /** Ceil that forgives floating-point noise (0.5 / 0.3 x 3 must give 5, not 6). */
    static int ceil(double x) {
        return (int) Math.ceil(x - 1e-9);
    }

    /** Truncation to a whole percent that forgives the same noise (0.29 x 100 is 28.999999999999996: 29). */
    static double wholePercent(double percent) {
        return Math.floor(percent + 1e-9);
    }
}
