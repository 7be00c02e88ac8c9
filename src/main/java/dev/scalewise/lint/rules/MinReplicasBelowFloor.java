package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.UpstreamDefaults;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SW103: a serving workload's floor below the configured minimum (default 2). Zero is left to the
 * scale-to-zero rules (SW110, SW204, SW302, SW402): it is a deliberate choice with its own risks.
 */
final class MinReplicasBelowFloor extends AbstractRule {
    MinReplicasBelowFloor() {
        super(new RuleMeta("SW103", "min-replicas-below-floor", Severity.WARNING,
                "a valid config; the floor is a policy of the platform team",
                "minReplicas is below the floor for a serving workload",
                "With a single replica every rollout, node drain or crash leaves the service with no ready pod"
                        + " until a new one has pulled its image and loaded its model, often minutes for an inference"
                        + " server. The floor is configurable (minReplicasFloor in .scalewise-lint.yaml, default 2)."
                        + " HPA and KServe default minReplicas to 1 when it is absent. A floor of 0 (scale to zero) is"
                        + " checked by the scale-to-zero rules instead.",
                "Set minReplicas (KEDA: minReplicaCount) to at least the floor, or suppress with a reason for a"
                        + " batch or internal service that tolerates gaps.",
                Set.of(Kinds.HPA, Kinds.SCALED_OBJECT, Kinds.INFERENCE_SERVICE), List.of()));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        int floor = ctx.config().minReplicasFloor();
        List<Finding> out = new ArrayList<>();
        for (Manifest m : ctx.ofKind(Kinds.HPA, Kinds.SCALED_OBJECT, Kinds.INFERENCE_SERVICE)) {
            YNode parent = switch (m.kind()) {
                case Kinds.INFERENCE_SERVICE -> m.spec().get("predictor");
                default -> m.spec();
            };
            String key = m.kind().equals(Kinds.SCALED_OBJECT) ? "minReplicaCount" : "minReplicas";
            YNode node = parent.get(key);
            // KEDA's minReplicaCount defaults to 0, a scale-to-zero choice this rule leaves alone.
            int defaultMin = m.kind().equals(Kinds.SCALED_OBJECT) ? UpstreamDefaults.Keda.MIN_REPLICA_COUNT
                    : m.kind().equals(Kinds.HPA) ? UpstreamDefaults.Hpa.MIN_REPLICAS : UpstreamDefaults.KServe.MIN_REPLICAS;
            int min = node.asInt(defaultMin);
            if (min >= 1 && min < floor) {
                String what = node.isPresent() ? key + " " + min
                        : key + " is not set and defaults to " + min;
                out.add(node.isPresent() ? finding(m, node, what + " is below the floor of " + floor + " replicas")
                        : findingAtKey(m, m.root(), "spec", what + ", below the floor of " + floor + " replicas"));
            }
        }
        return out;
    }
}
