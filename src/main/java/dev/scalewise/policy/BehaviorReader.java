package dev.scalewise.policy;

import dev.scalewise.policy.ScalingRules.ScalingPolicy;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HPA {@code spec.behavior} with the API server's defaults ({@link UpstreamDefaults.Hpa}, from
 * SetDefaults_HorizontalPodAutoscalerBehavior): each direction is defaulted on its own, and only when
 * {@code behavior} is present at all — without it the controller keeps its legacy path.
 * Bounds from {@code pkg/apis/autoscaling/validation/validation.go} (window 0..3600 s, period
 * 1..1800 s, value > 0, at least one policy).
 */
final class BehaviorReader {
    private BehaviorReader() {
    }

    /** Empty when the node is absent (legacy path); {@code behavior: {}} gets every default. */
    static Optional<Behavior> read(YNode behavior, Fields fields, String prefix) {
        if (behavior.isMissing() || behavior.isNull()) {
            return Optional.empty();
        }
        if (!behavior.isMapping()) {
            throw behavior.error("expected a mapping with scaleUp and/or scaleDown");
        }
        return Optional.of(new Behavior(
                rules(behavior.get("scaleUp"), fields, prefix + ".scaleUp", UpstreamDefaults.Hpa.SCALE_UP_WINDOW_SECONDS,
                        UpstreamDefaults.Hpa.SCALE_UP_POLICIES),
                rules(behavior.get("scaleDown"), fields, prefix + ".scaleDown", UpstreamDefaults.Hpa.SCALE_DOWN_WINDOW_SECONDS,
                        UpstreamDefaults.Hpa.SCALE_DOWN_POLICIES)));
    }

    /** The behavior an HPA gets when only the stabilization windows are given (Knative's HPA class). */
    static Behavior withWindows(int windowSeconds) {
        return new Behavior(new ScalingRules(windowSeconds, SelectPolicy.MAX, UpstreamDefaults.Hpa.SCALE_UP_POLICIES,
                UpstreamDefaults.Hpa.TOLERANCE), new ScalingRules(windowSeconds, SelectPolicy.MAX,
                UpstreamDefaults.Hpa.SCALE_DOWN_POLICIES, UpstreamDefaults.Hpa.TOLERANCE));
    }

    private static ScalingRules rules(YNode n, Fields fields, String path, int window, List<ScalingPolicy> policies) {
        int w = fields.integer(n.get("stabilizationWindowSeconds"), path + ".stabilizationWindowSeconds", window);
        Fields.within(n.get("stabilizationWindowSeconds"), w, 0, 3600, "stabilizationWindowSeconds");
        SelectPolicy select = fields.value(n.get("selectPolicy"), path + ".selectPolicy", SelectPolicy.MAX,
                node -> node.text().map(t -> selectPolicy(node, t)));
        double tolerance = fields.number(n.get("tolerance"), path + ".tolerance", UpstreamDefaults.Hpa.TOLERANCE);
        Fields.within(n.get("tolerance"), tolerance, 0, 1, "tolerance");
        YNode list = n.get("policies");
        List<ScalingPolicy> read;
        if (list.isMissing() || list.isNull()) {
            fields.mark(path + ".policies");
            read = policies;
        } else {
            read = new ArrayList<>();
            for (YNode p : list.items()) {
                read.add(policy(p));
            }
            if (read.isEmpty()) {
                throw list.error("must specify at least one policy (omit the field for the defaults)");
            }
        }
        return new ScalingRules(w, select, read, tolerance);
    }

    private static ScalingPolicy policy(YNode p) {
        YNode typeNode = p.get("type");
        ScalingPolicy.Type type = switch (typeNode.requireText()) {
            case "Pods" -> ScalingPolicy.Type.PODS;
            case "Percent" -> ScalingPolicy.Type.PERCENT;
            default -> throw typeNode.error("expected Pods or Percent, found '" + typeNode.requireText() + "'");
        };
        YNode valueNode = p.get("value");
        int value = valueNode.requireInt();
        if (value <= 0) {
            throw valueNode.error("a " + typeNode.requireText() + " policy must allow a positive change, found " + value);
        }
        YNode periodNode = p.get("periodSeconds");
        int period = periodNode.requireInt();
        Fields.within(periodNode, period, 1, 1800, "periodSeconds");
        return new ScalingPolicy(type, value, period);
    }

    private static SelectPolicy selectPolicy(YNode at, String t) {
        return switch (t) {
            case "Max" -> SelectPolicy.MAX;
            case "Min" -> SelectPolicy.MIN;
            case "Disabled" -> SelectPolicy.DISABLED;
            default -> throw at.error("expected Max, Min or Disabled, found '" + t + "'");
        };
    }
}
