package dev.scalewise.policy;

/**
 * A Google Cloud Run service (the Knative-shaped YAML {@code gcloud run services describe --format export}
 * writes). Cloud Run runs its own autoscaler, not Knative's KPA; docs/autoscalers.md says what of it
 * Google documents and what the replay assumes.
 *
 * @param containerConcurrency  requests one instance takes at once (spec.template.spec.containerConcurrency)
 * @param concurrencyTarget     the share of containerConcurrency the autoscaler aims at (0.6)
 * @param cpuTarget             the CPU utilization it aims at (0.6)
 * @param cpuAlwaysAllocated    run.googleapis.com/cpu-throttling: false (instance-based billing)
 * @param startupCpuBoost       run.googleapis.com/startup-cpu-boost: true
 * @param idleRetentionSeconds  how long an instance no longer needed is kept (Cloud Run: "up to 15 minutes")
 * @param shape                 what an instance is allocated (the containers' resources.limits): what Google bills
 */
public record CloudRunPolicy(PolicyMeta meta, int minReplicas, int maxReplicas, int containerConcurrency,
                             double concurrencyTarget, double cpuTarget, boolean cpuAlwaysAllocated,
                             boolean startupCpuBoost, int idleRetentionSeconds, ReplicaShape shape) implements PolicySpec {
    /** Where the revision template's annotations hold the minimum instances (gcloud's --min-instances). */
    public static final String MIN_SCALE_ANNOTATION = "autoscaling.knative.dev/minScale";

    @Override
    public PolicyKind kind() {
        return PolicyKind.CLOUD_RUN;
    }
}
