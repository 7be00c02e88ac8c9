package dev.scalewise.policy;

import dev.scalewise.yaml.YNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * HorizontalPodAutoscaler in autoscaling/v2, v2beta2 (removed in Kubernetes 1.26) and v2beta1
 * (removed in 1.25), with the defaults of {@link UpstreamDefaults.Hpa}.
 */
final class HpaReader {
    private HpaReader() {
    }

    static HpaPolicy read(ManifestReading m, Consumer<String> notes) {
        String version = m.doc.apiVersion();
        boolean v2beta1 = version.equals("autoscaling/v2beta1");
        if (v2beta1 || version.equals("autoscaling/v2beta2")) {
            notes.accept(m.root.location() + ": " + version + " HorizontalPodAutoscaler '" + m.doc.name()
                    + "' is deprecated and was removed in Kubernetes " + (v2beta1 ? "1.25" : "1.26")
                    + "; read as autoscaling/v2");
        }
        YNode spec = m.spec();
        int min = m.fields.integer(spec.get("minReplicas"), "minReplicas", UpstreamDefaults.Hpa.MIN_REPLICAS);
        Fields.atLeast(spec.get("minReplicas"), min, 0);
        YNode maxNode = spec.get("maxReplicas");
        int max = maxNode.requireInt();
        Fields.atLeast(maxNode, max, 1);
        Fields.checkBounds(maxNode, min, max);
        String target = spec.get("scaleTargetRef").get("name").requireText();
        List<MetricTarget> metrics = MetricReader.read(spec.get("metrics"), v2beta1, m.signalOverride(), m.fields);
        Optional<Behavior> behavior = v2beta1 ? Optional.empty() : BehaviorReader.read(spec.get("behavior"), m.fields, "behavior");
        m.editable("minReplicas", spec.get("minReplicas"));
        m.editable("maxReplicas", maxNode);
        if (!v2beta1) {
            // the v2beta1 shape has no behavior and another target syntax: only the replicas are tuned there
            if (!m.fields.defaulted().contains("metrics")) {
                MetricTarget first = metrics.get(0);
                m.editable("metrics[0].target", spec.get("metrics").items().get(0).get(MetricReader.field(first.source()))
                        .get("target").get(MetricReader.targetField(first.targetType())));
            }
            m.editableBehavior(spec.get("behavior"));
        }
        m.fields.mark("tolerance");
        m.fields.mark("syncPeriodSeconds");
        return new HpaPolicy(m.meta(m.name(), m.service(target)), min, max, metrics, behavior,
                UpstreamDefaults.Hpa.TOLERANCE, UpstreamDefaults.Hpa.SYNC_PERIOD_SECONDS);
    }
}
