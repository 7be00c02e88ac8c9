package dev.scalewise.sim.autoscaler;

/**
 * One HPA metric's replica proposal, one function per metric shape, as in Kubernetes'
 * {@code pkg/controller/podautoscaler/replica_calculator.go}. Each returns {@link #NO_PROPOSAL} when the
 * metric has nothing to say (no ready pod to average over, unknown value) — upstream an error that makes
 * the controller skip the metric.
 *
 * <p>Pods that exist but are not ready ({@code current - ready}) are "unready pods": upstream drops them
 * from the average and, on a scale-up only, counts them again at 0 usage, refusing to act when that
 * flips the direction. Missing-metric pods do not occur in the replay.
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
        if (readyReplicas <= 0 || Double.isNaN(usageRatio)) {
            return NO_PROPOSAL; // "did not receive metrics for targeted pods (pods might be unready)"
        }
        int unready = Math.max(0, currentReplicas - readyReplicas);
        boolean scaleUpWithUnready = unready > 0 && usageRatio > 1.0;
        if (!scaleUpWithUnready) {
            if (tolerances.within(usageRatio)) {
                return currentReplicas;
            }
            return ceil(usageRatio * readyReplicas);
        }
        // on a scale-up, unready pods count as using nothing: the ratio over all pods shrinks
        int pods = readyReplicas + unready;
        double newUsageRatio = usageRatio * readyReplicas / pods;
        if (tolerances.within(newUsageRatio) || newUsageRatio < 1.0) {
            return currentReplicas; // within tolerance, or the unready pods would flip the direction
        }
        int newReplicas = ceil(newUsageRatio * pods);
        return Math.max(newReplicas, currentReplicas);
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
}
