package dev.scalewise.policy;

import dev.scalewise.yaml.YNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * HorizontalPodAutoscaler in autoscaling/v2, v2beta2 (removed in Kubernetes 1.26) and v2beta1
 * (removed in 1.25). Defaults: {@code minReplicas} 1 and CPU 80 % without metrics
 * ({@code pkg/apis/autoscaling/v2/defaults.go}); tolerance 0.1 and sync period 15 s are
 * kube-controller-manager flags ({@code --horizontal-pod-autoscaler-tolerance},
 * {@code --horizontal-pod-autoscaler-sync-period}).
 */
final class HpaReader {
    static final int DEFAULT_MIN_REPLICAS = 1;
    static final int SYNC_PERIOD_SECONDS = 15;

    private HpaReader() {
    }

    static HpaPolicy read(Manifest m, Consumer<String> notes) {
        String version = m.doc.apiVersion();
        boolean v2beta1 = version.equals("autoscaling/v2beta1");
        if (v2beta1 || version.equals("autoscaling/v2beta2")) {
            notes.accept(m.root.location() + ": " + version + " HorizontalPodAutoscaler '" + m.doc.name()
                    + "' is deprecated and was removed in Kubernetes " + (v2beta1 ? "1.25" : "1.26")
                    + "; read as autoscaling/v2");
        }
        YNode spec = m.spec();
        int min = m.fields.integer(spec.get("minReplicas"), "minReplicas", DEFAULT_MIN_REPLICAS);
        Fields.atLeast(spec.get("minReplicas"), min, 0);
        YNode maxNode = spec.get("maxReplicas");
        int max = maxNode.requireInt();
        Fields.atLeast(maxNode, max, 1);
        Fields.checkBounds(maxNode, min, max);
        String target = spec.get("scaleTargetRef").get("name").requireText();
        List<MetricTarget> metrics = MetricReader.read(spec.get("metrics"), v2beta1, m.signalOverride(), m.fields);
        Optional<Behavior> behavior = v2beta1 ? Optional.empty() : BehaviorReader.read(spec.get("behavior"), m.fields, "behavior");
        m.fields.mark("tolerance");
        m.fields.mark("syncPeriodSeconds");
        return new HpaPolicy(m.meta(m.name(), m.service(target)), min, max, metrics, behavior,
                BehaviorReader.GLOBAL_TOLERANCE, SYNC_PERIOD_SECONDS);
    }
}
