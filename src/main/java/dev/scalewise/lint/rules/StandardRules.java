package dev.scalewise.lint.rules;

import dev.scalewise.lint.LintRule;
import dev.scalewise.policy.ManifestFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in static rules: those that span several formats or the objects around an autoscaler
 * (workloads, PodDisruptionBudgets, VPAs), then each {@link ManifestFormat}'s own. Ids: SW0xx the engine
 * (suppressions, objects the policy model refuses), SW1xx Kubernetes HPA and its neighbours, SW2xx KEDA,
 * SW3xx Knative, SW4xx KServe, SW5xx AWS Application Auto Scaling, SW6xx Azure Container Apps, SW7xx Google Cloud
 * Run, SW9xx evidence rules.
 */
public final class StandardRules {
    /** SW003, which the linter drops where a more specific error rule already reports the object. */
    public static final String INVALID_AUTOSCALER = InvalidAutoscaler.ID;

    private StandardRules() {
    }

    public static List<LintRule> all() {
        List<LintRule> rules = new ArrayList<>(shared());
        for (ManifestFormat f : ManifestFormat.values()) {
            rules.addAll(of(f));
        }
        return rules;
    }

    /** Rules about more than one format, or about the objects an autoscaler works with. */
    static List<LintRule> shared() {
        return List.of(
                new InvalidAutoscaler(),
                new MinReplicasBelowFloor(),
                new MaxReplicasAboveCap(),
                new ScaleTargetNotFound(),
                new TargetSetsReplicas(),
                new DeprecatedAutoscalingApi(),
                new ScaleDownShorterThanStartup(),
                new VpaAndHpaOnSameResource(),
                new MultipleAutoscalers(),
                new MissingPodDisruptionBudget(),
                new PdbBlocksEvictionAtMin(),
                new GpuUtilizationOnContinuousBatching());
    }

    /** The rules about one format's own fields (no default: a new format is given its list here). */
    static List<LintRule> of(ManifestFormat format) {
        return switch (format) {
            case HORIZONTAL_POD_AUTOSCALER -> List.of(
                    new HpaMinGreaterThanMax(),
                    new HpaMinEqualsMax(),
                    new UtilizationWithoutRequest(),
                    new HpaWithoutMetrics(),
                    new HpaScaleToZeroWithoutObjectMetric(),
                    new UtilizationTargetOutOfRange());
            case SCALED_OBJECT -> List.of(
                    new KedaMinGreaterThanMax(),
                    new KedaIdleReplicaCount(),
                    new KedaCooldownWithoutBehavior(),
                    ScaleToZeroOnLatencyCritical.keda(),
                    new KedaFallbackMissing());
            case KNATIVE_SERVICE -> List.of(
                    new KnativeTargetAboveContainerConcurrency(),
                    KnativeColdStart.scaleToZero(),
                    KnativeColdStart.windowShorterThanStartup(),
                    ScaleToZeroOnLatencyCritical.cloudRun());
            case INFERENCE_SERVICE -> List.of(
                    new KserveMetricInvalidForClass(),
                    ScaleToZeroOnLatencyCritical.kserve());
            case AWS_APPLICATION_AUTO_SCALING -> List.of(
                    new AwsScaleInCooldownShorterThanStartup(),
                    new AwsMinZeroLatencyCritical(),
                    new AwsTargetTrackingFleetMetric(),
                    new AwsTargetTrackingStuckAtZero(),
                    new AwsProvisionedUtilizationTargetAboveOne(),
                    new AwsProvisionedSpilloverColdStartOverSlo());
            case CONTAINER_APP -> List.of(ScaleToZeroOnLatencyCritical.containerApp());
            case RAY_SERVICE, SERVE_CONFIG, SCHEDULED_SCALING, PREDICTIVE_SCALING -> List.of();
        };
    }
}
