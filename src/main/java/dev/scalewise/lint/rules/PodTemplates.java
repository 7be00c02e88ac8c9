package dev.scalewise.lint.rules;

import dev.scalewise.lint.Manifest;
import dev.scalewise.yaml.YNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the pod template of a workload (Deployment, StatefulSet, ReplicaSet) and label selectors. */
final class PodTemplates {
    private PodTemplates() {
    }

    static List<YNode> containers(Manifest workload) {
        return workload.spec().get("template").get("spec").get("containers").items();
    }

    static Map<String, String> podLabels(Manifest workload) {
        Map<String, String> out = new LinkedHashMap<>();
        workload.spec().get("template").get("metadata").get("labels").entries()
                .forEach((k, v) -> out.put(k, v.asText("")));
        return out;
    }

    /**
     * Whether a LabelSelector (matchLabels and matchExpressions with In, NotIn, Exists, DoesNotExist)
     * selects pods with these labels. An empty selector selects nothing here: policy/v1 PDBs treat it
     * as "all pods", but a PDB that protects everything is not evidence for one workload.
     */
    static boolean selects(YNode selector, Map<String, String> labels) {
        Map<String, YNode> matchLabels = selector.get("matchLabels").entries();
        List<YNode> expressions = selector.get("matchExpressions").items();
        if (matchLabels.isEmpty() && expressions.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, YNode> e : matchLabels.entrySet()) {
            if (!e.getValue().asText("").equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (YNode x : expressions) {
            String key = x.get("key").asText("");
            List<String> values = x.get("values").items().stream().map(v -> v.asText("")).toList();
            boolean has = labels.containsKey(key);
            boolean ok = switch (x.get("operator").asText("")) {
                case "In" -> has && values.contains(labels.get(key));
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
