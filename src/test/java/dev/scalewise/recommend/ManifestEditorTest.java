package dev.scalewise.recommend;

import dev.scalewise.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Golden edits: exact expected text, byte for byte. */
class ManifestEditorTest {

    static KnobChange change(String path, double current, double recommended, ValueFormat f, String... aliases) {
        return new KnobChange(path.substring(path.lastIndexOf('.') + 1), path, List.of(aliases), current, recommended, f);
    }

    @Test
    void hpaWithoutBehaviorGetsABehaviorBlockAndKeepsComments() {
        String before = """
                # the OCR service
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: vision-ocr   # same name as the Deployment
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vision-ocr}
                  minReplicas: 2
                  maxReplicas: 12
                  metrics:
                    - type: Pods
                      pods:
                        metric:
                          name: DCGM_FI_DEV_GPU_UTIL
                        target:
                          type: AverageValue
                          averageValue: "70"   # percent
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: vision-ocr}
                """;
        String after = ManifestEditor.edit(before, 0, List.of(
                change("spec.minReplicas", 2, 3, ValueFormat.INT),
                change("spec.metrics[0].pods.target.averageValue", 70, 55, ValueFormat.NUMBER),
                change("spec.behavior.scaleDown.stabilizationWindowSeconds", 300, 120, ValueFormat.INT),
                change("spec.behavior.scaleUp.stabilizationWindowSeconds", 0, 30, ValueFormat.INT)));
        assertEquals("""
                # the OCR service
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: vision-ocr   # same name as the Deployment
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vision-ocr}
                  minReplicas: 3
                  maxReplicas: 12
                  metrics:
                    - type: Pods
                      pods:
                        metric:
                          name: DCGM_FI_DEV_GPU_UTIL
                        target:
                          type: AverageValue
                          averageValue: "55"   # percent
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 120
                    scaleUp:
                      stabilizationWindowSeconds: 30
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: vision-ocr}
                """, after);
    }

    @Test
    void hpaWithBehaviorIsEditedInPlace() {
        String before = """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: llm-chat}
                spec:
                  minReplicas: 2
                  maxReplicas: 20
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 600 # slow on purpose
                      policies:
                        - {type: Percent, value: 50, periodSeconds: 60}
                """;
        String after = ManifestEditor.edit(before, 0, List.of(
                change("spec.behavior.scaleDown.stabilizationWindowSeconds", 600, 180, ValueFormat.INT),
                change("spec.behavior.scaleDown.policies[0].value", 50, 25, ValueFormat.INT),
                change("spec.maxReplicas", 20, 14, ValueFormat.INT)));
        assertEquals(before.replace("600 #", "180 #").replace("value: 50", "value: 25").replace("maxReplicas: 20",
                "maxReplicas: 14"), after);
    }

    @Test
    void kedaThresholdKeepsItsQuotesAndAnAliasKeyIsEdited() {
        String before = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: embed-search
                spec:
                  scaleTargetRef:
                    name: embed-search
                  minReplicaCount: 1
                  triggers:
                    - type: prometheus
                      metadata:
                        serverAddress: http://prometheus:9090
                        query: sum(rate(http_requests_total{service="embed-search"}[1m]))
                        targetValue: '100'
                """;
        String after = ManifestEditor.edit(before, 0, List.of(
                change("spec.triggers[0].metadata.threshold", 100, 140, ValueFormat.NUMBER_STRING,
                        "spec.triggers[0].metadata.targetValue"),
                change("spec.cooldownPeriod", 300, 120, ValueFormat.INT)));
        assertEquals(before.replace("targetValue: '100'", "targetValue: '140'")
                + "  cooldownPeriod: 120\n", after);
    }

    @Test
    void knativeAnnotationsAreQuotedStrings() {
        String before = """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: asr-whisper
                spec:
                  template:
                    metadata:
                      annotations:
                        autoscaling.knative.dev/target: "2"
                        autoscaling.knative.dev/minScale: "1"
                    spec:
                      containerConcurrency: 4
                """;
        String ann = "spec.template.metadata.annotations[\"autoscaling.knative.dev/";
        String after = ManifestEditor.edit(before, 0, List.of(
                change(ann + "min-scale\"]", 1, 2, ValueFormat.INT_STRING, ann + "minScale\"]"),
                change(ann + "window\"]", 60, 120, ValueFormat.DURATION_STRING),
                change(ann + "target\"]", 2, 3.5, ValueFormat.NUMBER_STRING)));
        assertEquals("""
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: asr-whisper
                spec:
                  template:
                    metadata:
                      annotations:
                        autoscaling.knative.dev/target: "3.5"
                        autoscaling.knative.dev/minScale: "2"
                        autoscaling.knative.dev/window: "120s"
                    spec:
                      containerConcurrency: 4
                """, after);
    }

    @Test
    void rayServeConfigDeploymentIsFoundByName() {
        String before = """
                applications:
                  - name: chat
                    deployments:
                      - name: router
                        num_replicas: 2
                      - name: llm-chat
                        autoscaling_config:
                          min_replicas: 2
                          target_ongoing_requests: 6
                """;
        String cfg = "applications[name=chat].deployments[name=llm-chat].autoscaling_config.";
        String after = ManifestEditor.edit(before, 0, List.of(
                change(cfg + "target_ongoing_requests", 6, 4.5, ValueFormat.NUMBER),
                change(cfg + "downscale_delay_s", 600, 300, ValueFormat.NUMBER)));
        assertEquals(before.replace("target_ongoing_requests: 6", "target_ongoing_requests: 4.5")
                + "          downscale_delay_s: 300\n", after);
    }

    @Test
    void rayServiceEmbeddedConfigIsEditedInsideItsBlockLiteral() {
        String before = """
                apiVersion: ray.io/v1
                kind: RayService
                metadata:
                  name: llm
                spec:
                  serveConfigV2: |
                    applications:
                      - name: chat
                        deployments:
                          - name: llm-chat
                            autoscaling_config:
                              min_replicas: 2
                  rayClusterConfig: {}
                """;
        String cfg = "spec.serveConfigV2|applications[name=chat].deployments[name=llm-chat].autoscaling_config.";
        String after = ManifestEditor.edit(before, 0, List.of(
                change(cfg + "min_replicas", 2, 3, ValueFormat.INT),
                change(cfg + "max_replicas", 1, 9, ValueFormat.INT)));
        assertEquals(before.replace("min_replicas: 2", "min_replicas: 3\n              max_replicas: 9"), after);
    }

    @Test
    void flowMappingsAndEmptyValuesTakeNewKeys() {
        String before = """
                kind: HorizontalPodAutoscaler
                spec:
                  minReplicas: 1
                  behavior: {scaleUp: {stabilizationWindowSeconds: 0}}
                metadata:
                  annotations:
                """;
        String after = ManifestEditor.edit(before, 0, List.of(
                change("spec.behavior.scaleDown.stabilizationWindowSeconds", 300, 60, ValueFormat.INT),
                change("metadata.annotations[\"autoscaling.knative.dev/min-scale\"]", 0, 2, ValueFormat.INT_STRING)));
        assertEquals("""
                kind: HorizontalPodAutoscaler
                spec:
                  minReplicas: 1
                  behavior: {scaleUp: {stabilizationWindowSeconds: 0}, scaleDown: {stabilizationWindowSeconds: 60}}
                metadata:
                  annotations:
                    autoscaling.knative.dev/min-scale: "2"
                """, after);
    }

    @Test
    void crlfFilesStayCrlfAndAPlainNumberInAStringFieldGetsQuoted() {
        String before = "metadata:\r\n  annotations:\r\n    autoscaling.knative.dev/min-scale: 1\r\nspec: {}\r\n";
        String after = ManifestEditor.edit(before, 0, List.of(
                change("metadata.annotations[\"autoscaling.knative.dev/min-scale\"]", 1, 2, ValueFormat.INT_STRING),
                change("metadata.annotations[\"autoscaling.knative.dev/window\"]", 60, 30, ValueFormat.DURATION_STRING)));
        assertEquals("metadata:\r\n  annotations:\r\n    autoscaling.knative.dev/min-scale: \"2\"\r\n"
                + "    autoscaling.knative.dev/window: \"30s\"\r\nspec: {}\r\n", after);
    }

    @Test
    void aFileWithoutFinalNewlineGetsTheFieldOnANewLine() {
        assertEquals("spec:\n  minReplicas: 1\n  maxReplicas: 4\n", ManifestEditor.edit("spec:\n  minReplicas: 1", 0,
                List.of(change("spec.maxReplicas", 10, 4, ValueFormat.INT))));
    }

    @Test
    void aMissingListItemIsAnErrorNotAGuess() {
        String yaml = "spec:\n  metrics: []\n";
        UserError e = assertThrows(UserError.class, () -> ManifestEditor.edit(yaml, 0,
                List.of(change("spec.metrics[0].pods.target.averageValue", 1, 2, ValueFormat.NUMBER))));
        assertEquals("cannot set spec.metrics[0].pods.target.averageValue: no list item 0", e.getMessage());
    }
}
