package dev.scalewise.policy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * KEDA ScaledObject (keda.sh/v1alpha1). KEDA feeds an HPA it owns (with `behavior`) and itself
 * handles activation (0 <-> 1) at `pollingIntervalSeconds` with `cooldownPeriodSeconds`. An Azure Container
 * App is read as the ScaledObject it amounts to and keeps how Azure bills its replicas in {@code containerApp}.
 */
public record KedaPolicy(PolicyMeta meta, int minReplicas, int maxReplicas, int pollingIntervalSeconds,
                         int cooldownPeriodSeconds, int initialCooldownPeriodSeconds,
                         OptionalInt idleReplicaCount, Optional<Fallback> fallback, List<Trigger> triggers,
                         Optional<Behavior> behavior, Optional<ContainerAppPlan> containerApp) implements PolicySpec {
    public KedaPolicy {
        triggers = List.copyOf(triggers);
    }

    /** A KEDA ScaledObject proper (no Container Apps billing). */
    public KedaPolicy(PolicyMeta meta, int minReplicas, int maxReplicas, int pollingIntervalSeconds,
                      int cooldownPeriodSeconds, int initialCooldownPeriodSeconds, OptionalInt idleReplicaCount,
                      Optional<Fallback> fallback, List<Trigger> triggers, Optional<Behavior> behavior) {
        this(meta, minReplicas, maxReplicas, pollingIntervalSeconds, cooldownPeriodSeconds, initialCooldownPeriodSeconds,
                idleReplicaCount, fallback, triggers, behavior, Optional.empty());
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.KEDA;
    }

    /**
     * @param type                 scaler type (prometheus, cpu, ...)
     * @param metric               the metric it feeds to the HPA (AverageValue by default)
     * @param activationThreshold  the scaler is active only when the metric exceeds this (default 0)
     * @param query                Prometheus query text when type is prometheus, else empty
     */
    public record Trigger(String type, MetricTarget metric, double activationThreshold, String query) {
    }

    /** Replicas to hold after `failureThreshold` failed reads of a trigger. */
    public record Fallback(int failureThreshold, int replicas) {
    }
}
