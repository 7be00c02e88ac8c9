package dev.scalewise.policy;

/**
 * Knative Pod Autoscaler (from a Knative Service, or a KServe InferenceService of class kpa).
 * Defaults are Knative's `config-autoscaler` ConfigMap.
 *
 * @param metric                   concurrency or rps
 * @param target                   per-replica target before utilization (100 concurrency / 200 rps)
 * @param targetUtilization        share of target aimed at, 0..1 (0.7)
 * @param containerConcurrency     hard limit per replica, 0 = unlimited
 * @param stableWindowSeconds      stable window (60 s; Knative allows 6 s..1 h)
 * @param panicWindowPercentage    panic window as percent of the stable window (10)
 * @param panicThresholdPercentage panic when desired/ready exceeds this percent (200)
 * @param maxScaleUpRate           max ratio up per tick (1000)
 * @param maxScaleDownRate         max ratio down per tick (2)
 * @param scaleDownDelaySeconds    hold the highest recommendation this long before scaling down (0)
 * @param scaleToZeroGracePeriodSeconds time a revision stays up after its last request (30 s)
 * @param initialScale             replicas at creation (1)
 * @param activationScale          minimum replicas once scaled up from zero (1)
 * @param tickSeconds              the autoscaler's decision interval (2 s)
 */
public record KpaPolicy(PolicyMeta meta, int minReplicas, int maxReplicas, Metric metric, double target,
                        double targetUtilization, int containerConcurrency, int stableWindowSeconds,
                        double panicWindowPercentage, double panicThresholdPercentage, double maxScaleUpRate,
                        double maxScaleDownRate, int scaleDownDelaySeconds, int scaleToZeroGracePeriodSeconds,
                        int initialScale, int activationScale, int tickSeconds) implements PolicySpec {
    @Override
    public PolicyKind kind() {
        return PolicyKind.KPA;
    }

    public enum Metric { CONCURRENCY, RPS }
}
