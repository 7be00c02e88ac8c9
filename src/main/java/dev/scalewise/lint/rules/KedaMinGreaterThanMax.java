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

/** SW201: ScaledObject minReplicaCount above maxReplicaCount (defaults 0 and 100). */
final class KedaMinGreaterThanMax extends AbstractRule {
    KedaMinGreaterThanMax() {
        super(new RuleMeta("SW201", "keda-min-gt-max", Severity.ERROR,
                "KEDA's admission webhook rejects the object",
                "ScaledObject minReplicaCount is greater than maxReplicaCount",
                "KEDA's admission webhook rejects a ScaledObject whose minReplicaCount exceeds maxReplicaCount, and"
                        + " without the webhook the generated HPA is invalid. minReplicaCount defaults to 0 and"
                        + " maxReplicaCount to 100, so setting only minReplicaCount above 100 trips it too.",
                "Make minReplicaCount <= maxReplicaCount.",
                Set.of(Kinds.SCALED_OBJECT),
                List.of("https://keda.sh/docs/latest/reference/scaledobject-spec/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest so : ctx.ofKind(Kinds.SCALED_OBJECT)) {
            YNode minNode = so.spec().get("minReplicaCount");
            YNode maxNode = so.spec().get("maxReplicaCount");
            int min = minNode.asInt(0);
            int max = maxNode.asInt(UpstreamDefaults.Keda.MAX_REPLICA_COUNT);
            if (min > max) {
                out.add(finding(so, minNode, "minReplicaCount " + min + " is greater than maxReplicaCount " + max
                        + (maxNode.isMissing() ? " (the default)" : "")));
            }
        }
        return out;
    }
}
