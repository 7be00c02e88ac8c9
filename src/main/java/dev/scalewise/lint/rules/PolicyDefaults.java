package dev.scalewise.lint.rules;

import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.yaml.SafeYaml;

import java.nio.charset.StandardCharsets;

/**
 * Controller defaults the rules need, taken from the policy model rather than re-coded here.
 */
final class PolicyDefaults {
    /**
     * The scale-down stabilization of an HPA without {@code behavior}: the controller's
     * --horizontal-pod-autoscaler-downscale-stabilization, which the policy model also fills in for an
     * absent {@code behavior.scaleDown.stabilizationWindowSeconds}. Read by giving the model an HPA with
     * {@code behavior: {}}, because the model exposes no public constant for it.
     */
    static final int HPA_SCALE_DOWN_WINDOW_SECONDS = defaultScaleDownWindow();

    private PolicyDefaults() {
    }

    private static int defaultScaleDownWindow() {
        String yaml = """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: defaults}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: defaults}
                  maxReplicas: 2
                  behavior: {}
                """;
        HpaPolicy p = (HpaPolicy) PolicyReader.read(SafeYaml.parse("<defaults>", yaml.getBytes(StandardCharsets.UTF_8)).get(0))
                .orElseThrow();
        return p.behavior().orElseThrow().scaleDown().stabilizationWindowSeconds();
    }
}
