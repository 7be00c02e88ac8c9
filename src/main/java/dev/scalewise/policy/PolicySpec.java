package dev.scalewise.policy;

/**
 * A normalized autoscaling policy: every default filled in, every value validated. One record per
 * controller family; KServe InferenceServices map onto the family they really produce.
 */
public sealed interface PolicySpec
        permits HpaPolicy, KedaPolicy, KpaPolicy, RayServePolicy, ScheduledPolicy, PredictivePolicy,
        AppAutoScalingPolicy, CloudRunPolicy {
    /** Which of the kinds it is: what {@code switch}es over kinds dispatch on (see {@link PolicyKind}). */
    PolicyKind kind();

    PolicyMeta meta();

    int minReplicas();

    int maxReplicas();
}
