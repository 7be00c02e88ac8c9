package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW202: idleReplicaCount not below minReplicaCount. */
final class KedaIdleReplicaCount extends AbstractRule {
    KedaIdleReplicaCount() {
        super(new RuleMeta("SW202", "keda-idle-replica-count", Severity.ERROR,
                "KEDA rejects the object",
                "ScaledObject idleReplicaCount is not below minReplicaCount",
                "idleReplicaCount is the count KEDA holds while no trigger is active and must be less than"
                        + " minReplicaCount (ScaledObject spec: 'must be less than minReplicaCount'); KEDA rejects the"
                        + " object otherwise. The common misuse is idleReplicaCount: 0 with the default"
                        + " minReplicaCount 0, written to mean 'scale to zero', which is what minReplicaCount 0 does"
                        + " alone.",
                "To scale to zero when idle and to N when active, set idleReplicaCount: 0 and minReplicaCount: N"
                        + " (N >= 1); to just scale to zero, drop idleReplicaCount.",
                Set.of(Kinds.SCALED_OBJECT),
                List.of("https://keda.sh/docs/latest/reference/scaledobject-spec/#idlereplicacount")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest so : ctx.ofKind(Kinds.SCALED_OBJECT)) {
            YNode idle = so.spec().get("idleReplicaCount");
            if (idle.isMissing() || idle.isNull()) {
                continue;
            }
            int min = so.spec().get("minReplicaCount").asInt(0);
            int idleCount = idle.requireInt();
            if (idleCount >= min) {
                out.add(finding(so, idle, "idleReplicaCount " + idleCount + " must be less than minReplicaCount "
                        + min + (so.spec().has("minReplicaCount") ? "" : " (the default)")));
            }
        }
        return out;
    }
}
