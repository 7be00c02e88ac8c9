package dev.scalewise.lint.rules;

import dev.scalewise.lint.Manifest;
import dev.scalewise.policy.UpstreamDefaults;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an HPA's metrics as written, in autoscaling/v2, v2beta2 and v2beta1 shapes. */
final class HpaMetrics {
    private HpaMetrics() {
    }

    /**
     * A Resource or ContainerResource metric.
     *
     * @param node        the metrics[i] entry
     * @param resource    cpu or memory
     * @param container   the container of a ContainerResource metric
     * @param utilization the averageUtilization (v2beta1: targetAverageUtilization) node, when the
     *                    target is a utilization
     */
    record ResourceMetric(YNode node, String resource, Optional<String> container, Optional<YNode> utilization) {
    }

    static List<YNode> metrics(Manifest hpa) {
        return hpa.spec().get("metrics").items();
    }

    /** True when the HPA lists no metrics, so the controller falls back to CPU utilization 80 %. */
    static boolean noMetrics(Manifest hpa) {
        return metrics(hpa).isEmpty();
    }

    static List<ResourceMetric> resourceMetrics(Manifest hpa) {
        List<ResourceMetric> out = new ArrayList<>();
        for (YNode m : metrics(hpa)) {
            String type = m.get("type").asText("");
            YNode body = type.equals("Resource") ? m.get("resource")
                    : type.equals("ContainerResource") ? m.get("containerResource") : null;
            if (body == null) {
                continue;
            }
            Optional<String> container = type.equals("ContainerResource") ? body.get("container").text() : Optional.empty();
            YNode target = body.get("target");
            Optional<YNode> utilization;
            if (target.isPresent()) {
                utilization = target.get("type").asText("").equals("Utilization")
                        ? Optional.of(target.get("averageUtilization")) : Optional.empty();
            } else {
                YNode legacy = body.get("targetAverageUtilization");
                utilization = legacy.isPresent() ? Optional.of(legacy) : Optional.empty();
            }
            out.add(new ResourceMetric(m, body.get("name").asText(""), container, utilization));
        }
        return out;
    }

    static boolean hasObjectOrExternal(Manifest hpa) {
        return metrics(hpa).stream().map(m -> m.get("type").asText("")).anyMatch(t -> t.equals("Object") || t.equals("External"));
    }

    /** The minReplicas node and value (1 when absent). */
    static int minReplicas(Manifest hpa) {
        return hpa.spec().get("minReplicas").asInt(UpstreamDefaults.Hpa.MIN_REPLICAS);
    }
}
