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

/** SW104: maxReplicas above the configured cap (off unless maxReplicasCap is set). */
final class MaxReplicasAboveCap extends AbstractRule {
    MaxReplicasAboveCap() {
        super(new RuleMeta("SW104", "max-replicas-above-cap", Severity.WARNING,
                "a valid config; the cap is a policy of the platform team",
                "maxReplicas is above the configured cap",
                "maxReplicas is the cost ceiling of a service: a metric that misbehaves (a stuck queue, a mislabeled"
                        + " GPU metric) drives the workload to it. GPU replicas are expensive and quota-limited, so a"
                        + " platform team sets a cap (maxReplicasCap in .scalewise-lint.yaml; the rule is off without"
                        + " one). KEDA's maxReplicaCount defaults to 100 when absent; a KServe predictor without"
                        + " maxReplicas is unbounded.",
                "Lower maxReplicas to the cap, or raise the cap in .scalewise-lint.yaml after checking quota and budget.",
                Set.of(Kinds.HPA, Kinds.SCALED_OBJECT, Kinds.INFERENCE_SERVICE),
                List.of("https://keda.sh/docs/latest/reference/scaledobject-spec/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (ctx.config().maxReplicasCap().isEmpty()) {
            return out;
        }
        int cap = ctx.config().maxReplicasCap().getAsInt();
        for (Manifest m : ctx.ofKind(Kinds.HPA, Kinds.SCALED_OBJECT, Kinds.INFERENCE_SERVICE)) {
            YNode parent = m.kind().equals(Kinds.INFERENCE_SERVICE) ? m.spec().get("predictor") : m.spec();
            String key = m.kind().equals(Kinds.SCALED_OBJECT) ? "maxReplicaCount" : "maxReplicas";
            YNode node = parent.get(key);
            if (node.isPresent()) {
                int max = node.requireInt();
                if (max > cap || (max == 0 && m.kind().equals(Kinds.INFERENCE_SERVICE))) {
                    out.add(finding(m, node, key + " " + (max == 0 ? "0 (unbounded)" : String.valueOf(max))
                            + " is above the cap of " + cap));
                }
            } else if (m.kind().equals(Kinds.SCALED_OBJECT) && UpstreamDefaults.Keda.MAX_REPLICA_COUNT > cap) {
                out.add(findingAtKey(m, m.root(), "spec", "maxReplicaCount is not set and defaults to "
                        + UpstreamDefaults.Keda.MAX_REPLICA_COUNT + ", above the cap of " + cap));
            } else if (m.kind().equals(Kinds.INFERENCE_SERVICE)) {
                out.add(findingAtKey(m, m.spec(), "predictor", "maxReplicas is not set, so the predictor is"
                        + " unbounded; the cap is " + cap));
            }
        }
        return out;
    }
}
