package dev.scalewise.lint.rules;

import dev.scalewise.lint.LintRule;

import java.util.List;

/**
 * The built-in static rules. Ids: SW0xx the engine (suppressions, objects the policy model refuses), SW1xx Kubernetes HPA and its
 * neighbours (workload, PDB, VPA), SW2xx KEDA, SW3xx Knative, SW4xx KServe, SW5xx AWS
 * Application Auto Scaling, SW9xx evidence rules.
 */
public final class StandardRules {
    /** SW003, which the linter drops where a more specific error rule already reports the object. */
    public static final String INVALID_AUTOSCALER = InvalidAutoscaler.ID;

    private StandardRules() {
    }

    public static List<LintRule> all() {
        return List.of(
                new InvalidAutoscaler(),
                new HpaMinGreaterThanMax(),
                new HpaMinEqualsMax(),
                new MinReplicasBelowFloor(),
                new MaxReplicasAboveCap(),
                new ScaleTargetNotFound(),
                new UtilizationWithoutRequest(),
                new TargetSetsReplicas(),
                new DeprecatedAutoscalingApi(),
                new HpaWithoutMetrics(),
                new HpaScaleToZeroWithoutObjectMetric(),
                new ScaleDownShorterThanStartup(),
                new UtilizationTargetOutOfRange(),
                new VpaAndHpaOnSameResource(),
                new MultipleAutoscalers(),
                new MissingPodDisruptionBudget(),
                new PdbBlocksEvictionAtMin(),
                new KedaMinGreaterThanMax(),
                new KedaIdleReplicaCount(),
                new KedaCooldownWithoutBehavior(),
                ScaleToZeroOnLatencyCritical.keda(),
                new KedaFallbackMissing(),
                new KnativeTargetAboveContainerConcurrency(),
                KnativeColdStart.scaleToZero(),
                KnativeColdStart.windowShorterThanStartup(),
                new KserveMetricInvalidForClass(),
                ScaleToZeroOnLatencyCritical.kserve(),
                new AwsScaleInCooldownShorterThanStartup(),
                new AwsMinZeroLatencyCritical(),
                new AwsTargetTrackingFleetMetric(),
                new AwsTargetTrackingStuckAtZero());
    }
}
