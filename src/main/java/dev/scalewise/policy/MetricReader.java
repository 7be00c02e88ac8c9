package dev.scalewise.policy;

import dev.scalewise.Numbers;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HPA {@code spec.metrics} in the autoscaling/v2 (and v2beta2) shape — {@code <source>.metric.name}
 * (or {@code resource.name}) and {@code target: {type, averageUtilization|averageValue|value}} — and
 * in the older v2beta1 shape ({@code metricName}, {@code targetAverageUtilization},
 * {@code targetAverageValue}, {@code targetValue}); none at all is {@link UpstreamDefaults.Hpa#METRIC}.
 */
final class MetricReader {
    private MetricReader() {
    }

    static List<MetricTarget> read(YNode metrics, boolean v2beta1, Optional<YNode> signalOverride, Fields fields) {
        List<MetricTarget> out = new ArrayList<>();
        for (YNode m : metrics.items()) {
            out.add(v2beta1 ? v2beta1(m, signalOverride) : v2(m, signalOverride));
        }
        if (out.isEmpty()) {
            fields.mark("metrics");
            MetricTarget cpu = UpstreamDefaults.Hpa.METRIC;
            out.add(signalOverride.isEmpty() ? cpu : new MetricTarget(cpu.source(), cpu.metricName(),
                    SignalMapping.parse(signalOverride.get(), signalOverride.get().requireText()), cpu.targetType(),
                    cpu.target()));
        }
        return out;
    }

    static MetricSource source(YNode typeNode) {
        String t = typeNode.requireText();
        return switch (t) {
            case "Resource" -> MetricSource.RESOURCE;
            case "ContainerResource" -> MetricSource.CONTAINER_RESOURCE;
            case "Pods" -> MetricSource.PODS;
            case "Object" -> MetricSource.OBJECT;
            case "External" -> MetricSource.EXTERNAL;
            default -> throw typeNode.error(
                    "unknown metric type '" + t + "'; expected Resource, ContainerResource, Pods, Object or External");
        };
    }

    static String field(MetricSource s) {
        return switch (s) {
            case RESOURCE -> "resource";
            case CONTAINER_RESOURCE -> "containerResource";
            case PODS -> "pods";
            case OBJECT -> "object";
            case EXTERNAL -> "external";
        };
    }

    private static MetricTarget v2(YNode m, Optional<YNode> override) {
        MetricSource source = source(m.get("type"));
        YNode body = m.get(field(source));
        YNode nameNode = source == MetricSource.RESOURCE || source == MetricSource.CONTAINER_RESOURCE
                ? body.get("name") : body.get("metric").get("name");
        String name = nameNode.requireText();
        YNode target = body.get("target");
        YNode typeNode = target.get("type");
        TargetType type = targetType(typeNode);
        YNode valueNode = target.get(targetField(type));
        return build(source, nameNode, name, type, valueNode, override);
    }

    private static MetricTarget v2beta1(YNode m, Optional<YNode> override) {
        MetricSource source = source(m.get("type"));
        YNode body = m.get(field(source));
        YNode nameNode = source == MetricSource.RESOURCE || source == MetricSource.CONTAINER_RESOURCE
                ? body.get("name") : body.get("metricName");
        String name = nameNode.requireText();
        for (String[] f : new String[][]{{"targetAverageUtilization", "UTILIZATION"},
                {"targetAverageValue", "AVERAGE_VALUE"}, {"averageValue", "AVERAGE_VALUE"}, {"targetValue", "VALUE"}}) {
            if (body.has(f[0])) {
                return build(source, nameNode, name, TargetType.valueOf(f[1]), body.get(f[0]), override);
            }
        }
        throw body.error("no target: expected targetAverageUtilization, targetAverageValue or targetValue");
    }

    /** The v2 field holding a target's value: averageUtilization, averageValue or value. */
    static String targetField(TargetType t) {
        return switch (t) {
            case UTILIZATION -> "averageUtilization";
            case AVERAGE_VALUE -> "averageValue";
            case VALUE -> "value";
        };
    }

    static TargetType targetType(YNode typeNode) {
        String t = typeNode.requireText();
        return switch (t) {
            case "Utilization" -> TargetType.UTILIZATION;
            case "AverageValue" -> TargetType.AVERAGE_VALUE;
            case "Value" -> TargetType.VALUE;
            default -> throw typeNode.error(
                    "unknown metric target type '" + t + "'; expected Utilization, AverageValue or Value");
        };
    }

    static MetricTarget build(MetricSource source, YNode nameNode, String name, TargetType type, YNode valueNode,
                              Optional<YNode> override) {
        double value = valueNode.optQuantity().orElseThrow(() -> valueNode.error("required field is missing"));
        return build(source, nameNode, name, type, value, valueNode, override);
    }

    /** @param valueNode where the target was written (or its parent, when it is a default) */
    static MetricTarget build(MetricSource source, YNode nameNode, String name, TargetType type, double value,
                              YNode valueNode, Optional<YNode> override) {
        if (type == TargetType.UTILIZATION && source != MetricSource.RESOURCE && source != MetricSource.CONTAINER_RESOURCE) {
            throw valueNode.error("Utilization targets exist only for Resource and ContainerResource metrics");
        }
        if (value <= 0) {
            throw valueNode.error("the target must be positive, found " + Numbers.plain(value));
        }
        Signal signal = SignalMapping.map(nameNode, name, source, type, override);
        return new MetricTarget(source, name, signal, type, value);
    }
}
