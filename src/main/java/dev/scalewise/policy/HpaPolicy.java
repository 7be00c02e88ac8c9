package dev.scalewise.policy;

import java.util.List;
import java.util.Optional;

/**
 * Kubernetes autoscaling/v2 HorizontalPodAutoscaler.
 *
 * @param metrics            never empty: a manifest without metrics gets CPU Utilization 80 %
 * @param behavior           empty when the manifest has no `behavior`: the controller then takes its
 *                           legacy path (scale-up limit max(2x, 4) per 15 s, 300 s downscale stabilization)
 * @param tolerance          the controller's global --horizontal-pod-autoscaler-tolerance (0.1)
 * @param syncPeriodSeconds  --horizontal-pod-autoscaler-sync-period (15 s)
 */
public record HpaPolicy(PolicyMeta meta, int minReplicas, int maxReplicas, List<MetricTarget> metrics,
                        Optional<Behavior> behavior, double tolerance, int syncPeriodSeconds)
        implements PolicySpec {
    public HpaPolicy {
        metrics = List.copyOf(metrics);
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.HPA;
    }
}
