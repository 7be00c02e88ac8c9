package dev.scalewise.policy;

import dev.scalewise.yaml.YamlPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readers record where each tunable field lives, in the one path syntax the editor walks. */
class ManifestFieldsTest {
    private static PolicySet set;

    @BeforeAll
    static void load() {
        set = PolicyLoader.load(List.of("policies"));
    }

    private static PolicyMeta meta(String name) {
        return set.policies().stream().filter(p -> p.meta().name().equals(name)).findFirst().orElseThrow().meta();
    }

    private static PolicyMeta meta(String name, String kind) {
        return set.policies().stream().filter(p -> p.meta().name().equals(name) && p.meta().sourceKind().equals(kind))
                .findFirst().orElseThrow().meta();
    }

    private static String path(String policy, String field) {
        return meta(policy).field(field).orElseThrow(() -> new AssertionError(policy + " has no " + field)).path().toString();
    }

    @Test
    void aKnativeServiceTunesItsRevisionAnnotationsAsStringsUnderTheirCurrentKeys() {
        ManifestField min = meta("llm-code").field("minReplicas").orElseThrow();
        String ann = "spec.template.metadata.annotations[\"autoscaling.knative.dev/";
        assertEquals(ann + "min-scale\"]", min.path().toString());
        assertEquals(List.of(ann + "minScale\"]"), min.aliases().stream().map(YamlPath::toString).toList());
        assertTrue(min.text());
        assertEquals(ann + "target\"]", path("llm-code", "target"));
        assertEquals(ann + "window\"]", path("llm-code", "stableWindowSeconds"));
        assertEquals(ann + "scale-down-delay\"]", path("llm-code", "scaleDownDelaySeconds"));
    }

    @Test
    void aKServeKpaTunesItsPredictorAndItsOwnAnnotations() {
        PolicyMeta isvc = meta("rerank", "InferenceService");
        assertEquals("spec.predictor.scaleTarget", isvc.field("target").orElseThrow().path().toString());
        assertEquals("spec.predictor.minReplicas", isvc.field("minReplicas").orElseThrow().path().toString());
        assertFalse(isvc.field("minReplicas").orElseThrow().text());
        assertEquals("metadata.annotations[\"autoscaling.knative.dev/window\"]",
                isvc.field("stableWindowSeconds").orElseThrow().path().toString());
    }

    @Test
    void aScaledObjectsThresholdIsAStringUnderAnyOfTheScalersKeys() {
        ManifestField t = meta("embed-search").field("triggers[0].metric.target").orElseThrow();
        assertEquals("spec.triggers[0].metadata.threshold", t.path().toString());
        assertTrue(t.text());
        assertEquals("spec.triggers[0].metadata.targetValue", t.aliases().get(0).toString());
        assertEquals("spec.minReplicaCount", path("embed-search", "minReplicas"));
        assertEquals("spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds",
                path("embed-search", "behavior.scaleDown.stabilizationWindowSeconds"));
    }

    @Test
    void aRayDeploymentIsFoundByItsNamesNotItsPosition() {
        assertEquals("applications[name=chat].deployments[name=llm-chat].autoscaling_config.min_replicas",
                path("chat/llm-chat", "minReplicas"));
        assertEquals("applications[name=chat].deployments[name=llm-chat].autoscaling_config.target_num_ongoing_requests_per_replica",
                meta("chat/llm-chat").field("targetOngoingRequests").orElseThrow().aliases().get(0).toString());
    }

    @Test
    void anHpaWithoutBehaviorStillSaysWhereTheWindowsWouldGo() {
        assertEquals("spec.behavior.scaleDown.stabilizationWindowSeconds",
                path("vision-ocr", "behavior.scaleDown.stabilizationWindowSeconds"));
        assertEquals("spec.behavior.scaleDown.policies[0].value", path("vision-ocr", "behavior.scaleDown.policies[0].value"));
        assertEquals("spec.metrics[0].pods.target.averageValue", path("vision-ocr", "metrics[0].target"));
    }

    @Test
    void anAwsTargetsKnobsAreFoundFromTheTemplatesRootInEveryFormat() {
        assertEquals("Resources.ScalableTarget.Properties.MinCapacity", path("endpoint/llm-chat/variant/AllTraffic", "minReplicas"));
        assertEquals("Resources.InvocationsPolicy.Properties.TargetTrackingScalingPolicyConfiguration.ScaleInCooldown",
                path("endpoint/llm-chat/variant/AllTraffic", "targetTracking[0].scaleInCooldownSeconds"));
        PolicyMeta plan = PolicyLoader.load(List.of("src/test/resources/fixtures/aws/terraform-plan.json")).policies().get(0).meta();
        assertEquals("planned_values.root_module.child_modules[0].resources[1].values"
                        + ".target_tracking_scaling_policy_configuration[0].target_value",
                plan.field("targetTracking[0].targetValue").orElseThrow().path().toString());
        assertEquals("planned_values.root_module.child_modules[0].resources[0].values.max_capacity",
                plan.field("maxReplicas").orElseThrow().path().toString());
        PolicyMeta cli = PolicyLoader.load(List.of("src/test/resources/fixtures/aws/describe.json")).policies().get(0).meta();
        assertEquals("ScalingPolicies[0].TargetTrackingScalingPolicyConfiguration.ScaleOutCooldown",
                cli.field("targetTracking[0].scaleOutCooldownSeconds").orElseThrow().path().toString());
    }

    @Test
    void anAwsValueFromAParameterIsNotEditedWhereItIsUsed() {
        String template = """
                Parameters:
                  Floor: {Type: Number, Default: 2}
                Resources:
                  T:
                    Type: AWS::ApplicationAutoScaling::ScalableTarget
                    Properties: {ServiceNamespace: ecs, ResourceId: service/prod/api,
                      ScalableDimension: ecs:service:DesiredCount, MinCapacity: 2, MaxCapacity: 9}
                  P:
                    Type: AWS::ApplicationAutoScaling::ScalingPolicy
                    Properties:
                      PolicyName: cpu
                      PolicyType: TargetTrackingScaling
                      ScalingTargetId: !Ref T
                      TargetTrackingScalingPolicyConfiguration:
                        TargetValue: !Ref Floor
                        PredefinedMetricSpecification: {PredefinedMetricType: ECSServiceAverageCPUUtilization}
                """;
        PolicyMeta m = PolicyReader.readAll(dev.scalewise.yaml.SafeYaml.parse("t.yaml",
                template.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0), PolicyReader.Context.standalone())
                .get(0).meta();
        assertTrue(m.field("targetTracking[0].targetValue").isEmpty());
        assertEquals("Resources.P.Properties.TargetTrackingScalingPolicyConfiguration.ScaleInCooldown",
                m.field("targetTracking[0].scaleInCooldownSeconds").orElseThrow().path().toString());
        assertEquals("Resources.T.Properties.MinCapacity", m.field("minReplicas").orElseThrow().path().toString());
    }

    @Test
    void aCloudRunServiceTunesItsInstancesAsAnnotationsAndItsConcurrencyAsANumber() {
        String ann = "spec.template.metadata.annotations[\"autoscaling.knative.dev/";
        assertEquals(ann + "minScale\"]", path("llm-chat-run", "minReplicas"));
        assertTrue(meta("llm-chat-run").field("maxReplicas").orElseThrow().text());
        assertEquals("spec.template.spec.containerConcurrency", path("llm-chat-run", "containerConcurrency"));
        assertFalse(meta("llm-chat-run").field("containerConcurrency").orElseThrow().text());
    }

    @Test
    void pathsParseBack() {
        for (String p : List.of("spec.minReplicas", "spec.metrics[0].pods.target.averageValue",
                "spec.template.metadata.annotations[\"autoscaling.knative.dev/min-scale\"]",
                "spec.serveConfigV2|applications[name=chat].deployments[name=llm].autoscaling_config.min_replicas")) {
            assertEquals(p, YamlPath.parse(p).toString());
        }
        YamlPath inline = YamlPath.parse("spec.basePolicy.inline");
        assertEquals("spec.minReplicas", inline.then(YamlPath.parse("spec.minReplicas")).relativeTo(inline).toString());
        assertThrows(IllegalArgumentException.class, () -> YamlPath.parse("spec.minReplicas").relativeTo(inline));
    }
}
