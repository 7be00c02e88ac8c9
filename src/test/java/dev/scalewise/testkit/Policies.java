package dev.scalewise.testkit;

import dev.scalewise.policy.ManifestField;
import dev.scalewise.policy.PolicyMeta;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.yaml.YamlPath;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Policies built by hand for tests and benchmarks, with what a reader would have recorded about them. */
public final class Policies {
    private Policies() {
    }

    /**
     * The metadata of an autoscaling/v2 HPA named {@code name} with one Pods metric and nothing defaulted,
     * its tunable fields where HpaReader records them.
     */
    public static PolicyMeta hpaMeta(String name, String service, String file) {
        Map<String, ManifestField> fields = new LinkedHashMap<>();
        fields.put("minReplicas", at("spec.minReplicas"));
        fields.put("maxReplicas", at("spec.maxReplicas"));
        fields.put("metrics[0].target", at("spec.metrics[0].pods.target.averageValue"));
        fields.put("behavior.scaleUp.stabilizationWindowSeconds", at("spec.behavior.scaleUp.stabilizationWindowSeconds"));
        fields.put("behavior.scaleDown.stabilizationWindowSeconds", at("spec.behavior.scaleDown.stabilizationWindowSeconds"));
        fields.put("behavior.scaleDown.policies[0].value", at("spec.behavior.scaleDown.policies[0].value"));
        return new PolicyMeta(name, "HorizontalPodAutoscaler", "autoscaling/v2", service, SourceLocation.unknown(file),
                Set.of(), fields);
    }

    private static ManifestField at(String path) {
        return ManifestField.at(YamlPath.parse(path));
    }
}
