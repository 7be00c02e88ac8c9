package dev.scalewise.policy;

import dev.scalewise.policy.KedaPolicy.Fallback;
import dev.scalewise.policy.KedaPolicy.Trigger;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * KEDA ScaledObject (keda.sh/v1alpha1), with the defaults of {@link UpstreamDefaults.Keda}.
 */
final class KedaReader {
    /** Metadata keys that hold the per-replica target of common scalers (KEDA scaler docs). */
    private static final List<String> THRESHOLD_KEYS =
            List.of("threshold", "targetValue", "value", "queueLength", "lagThreshold", "listLength", "targetQueryValue");

    private KedaReader() {
    }

    static KedaPolicy read(ManifestReading m) {
        YNode spec = m.spec();
        Fields f = m.fields;
        String target = spec.get("scaleTargetRef").get("name").requireText();
        int min = f.integer(spec.get("minReplicaCount"), "minReplicas", UpstreamDefaults.Keda.MIN_REPLICA_COUNT);
        Fields.atLeast(spec.get("minReplicaCount"), min, 0);
        int max = f.integer(spec.get("maxReplicaCount"), "maxReplicas", UpstreamDefaults.Keda.MAX_REPLICA_COUNT);
        Fields.atLeast(spec.get("maxReplicaCount"), max, 1);
        Fields.checkBounds(spec.get("maxReplicaCount"), min, max);
        int polling = f.integer(spec.get("pollingInterval"), "pollingIntervalSeconds", UpstreamDefaults.Keda.POLLING_INTERVAL_SECONDS);
        Fields.atLeast(spec.get("pollingInterval"), polling, 1);
        int cooldown = f.integer(spec.get("cooldownPeriod"), "cooldownPeriodSeconds", UpstreamDefaults.Keda.COOLDOWN_PERIOD_SECONDS);
        Fields.atLeast(spec.get("cooldownPeriod"), cooldown, 0);
        int initialCooldown = f.integer(spec.get("initialCooldownPeriod"), "initialCooldownPeriodSeconds",
                UpstreamDefaults.Keda.INITIAL_COOLDOWN_PERIOD_SECONDS);
        OptionalInt idle = OptionalInt.empty();
        YNode idleNode = spec.get("idleReplicaCount");
        if (idleNode.optInt().isPresent()) {
            idle = OptionalInt.of(idleNode.requireInt());
            // KEDA's admission webhook: idleReplicaCount must be lower than minReplicaCount
            if (idle.getAsInt() >= min) {
                throw idleNode.error("idleReplicaCount " + idle.getAsInt() + " must be less than minReplicaCount " + min);
            }
        }
        Optional<Fallback> fallback = Optional.empty();
        YNode fb = spec.get("fallback");
        if (fb.isMapping()) {
            fallback = Optional.of(new Fallback(Fields.atLeast(fb.get("failureThreshold"), fb.get("failureThreshold").requireInt(), 0),
                    Fields.atLeast(fb.get("replicas"), fb.get("replicas").requireInt(), 0)));
        }
        YNode triggersNode = spec.get("triggers");
        List<Trigger> triggers = new ArrayList<>();
        List<YNode> items = triggersNode.items();
        for (int i = 0; i < items.size(); i++) {
            triggers.add(trigger(items.get(i), i, m, "triggers[" + i + "]"));
        }
        if (triggers.isEmpty()) {
            throw triggersNode.error("a ScaledObject needs at least one trigger");
        }
        YNode behaviorNode = spec.get("advanced").get("horizontalPodAutoscalerConfig").get("behavior");
        Optional<Behavior> behavior = BehaviorReader.read(behaviorNode, f, "behavior");
        m.editable("minReplicas", spec.get("minReplicaCount"));
        m.editable("maxReplicas", spec.get("maxReplicaCount"));
        m.editable("cooldownPeriodSeconds", spec.get("cooldownPeriod"));
        m.editableBehavior(behaviorNode);
        editableThreshold(m, items.get(0));
        return new KedaPolicy(m.meta(m.name(), m.service(target)), min, max, polling, cooldown, initialCooldown,
                idle, fallback, triggers, behavior);
    }

    /**
     * The first trigger's target, a string in the trigger's metadata: {@code value} for the cpu and memory
     * scalers, else {@code threshold} or whichever of the other scalers' keys it has.
     */
    static void editableThreshold(ManifestReading m, YNode t) {
        YNode md = t.get("metadata");
        String type = t.get("type").asText("");
        if (type.equals("cpu") || type.equals("memory")) {
            m.editableText("triggers[0].metric.target", md.get("value"));
        } else {
            m.editableText("triggers[0].metric.target", md.get(THRESHOLD_KEYS.get(0)),
                    THRESHOLD_KEYS.subList(1, THRESHOLD_KEYS.size()).stream().map(md::get).toArray(YNode[]::new));
        }
    }

    static Trigger trigger(YNode t, int index, ManifestReading m, String path) {
        String type = t.get("type").requireText();
        YNode md = t.get("metadata");
        boolean resource = type.equals("cpu") || type.equals("memory");
        TargetType metricType = m.fields.value(t.get("metricType"), path + ".metric.targetType",
                resource ? TargetType.UTILIZATION : TargetType.AVERAGE_VALUE,
                n -> n.text().map(x -> MetricReader.targetType(n)));
        if (resource) {
            YNode value = md.get("value");
            MetricTarget metric = MetricReader.build(MetricSource.RESOURCE, t.get("type"), type, metricType, value,
                    m.signalOverride());
            m.fields.mark(path + ".activationThreshold");
            return new Trigger(type, metric, 0, "");
        }
        YNode thresholdNode = md.get("threshold");
        for (String key : THRESHOLD_KEYS) {
            if (md.has(key)) {
                thresholdNode = md.get(key);
                break;
            }
        }
        String query = type.equals("prometheus") ? md.get("query").requireText() : "";
        YNode nameNode = type.equals("prometheus") ? md.get("query") : t.get("type");
        // KEDA names a trigger's external metric "s<index>-<scaler>" (pkg/scalers/scaler.go GenerateMetricNameWithIndex)
        String metricName = "s" + index + "-" + md.get("metricName").asText(type);
        MetricTarget metric = MetricReader.build(MetricSource.EXTERNAL, nameNode,
                query.isEmpty() ? metricName : query, metricType, thresholdNode, m.signalOverride());
        metric = new MetricTarget(metric.source(), metricName, metric.signal(), metric.targetType(), metric.target());
        double activation = m.fields.value(md.get("activationThreshold"), path + ".activationThreshold", 0.0,
                YNode::optQuantity);
        return new Trigger(type, metric, activation, query);
    }
}
