package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SW116: a PDB whose minAvailable reaches the autoscaler's minimum, so no pod can be evicted at min. */
final class PdbBlocksEvictionAtMin extends AbstractRule {
    PdbBlocksEvictionAtMin() {
        super(new RuleMeta("SW116", "pdb-min-available-blocks-eviction", Severity.WARNING,
                "a valid config; drains stall only while the workload sits at its minimum",
                "PodDisruptionBudget minAvailable >= the autoscaler's minReplicas",
                "When the workload sits at its minimum, which is most nights, a PDB requiring as many pods as"
                        + " exist allows zero disruptions: node drains hang until a timeout and cluster upgrades stall."
                        + " minAvailable 100 % or maxUnavailable 0 block always. HPA minReplicas defaults to 1;"
                        + " a ScaledObject counts as at least 1, the floor of its HPA while the workload runs.",
                "Use maxUnavailable: 1, or a minAvailable below the autoscaler's minReplicas (raise the floor if"
                        + " the service needs that many pods to stay within its SLO).",
                Set.of(Kinds.PDB),
                List.of("https://kubernetes.io/docs/tasks/run-application/configure-pdb/#think-about-how-your-application-reacts-to-disruptions")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest a : ctx.autoscalers()) {
            Optional<Manifest> target = ctx.target(a, a.spec().get("scaleTargetRef"));
            if (target.isEmpty()) {
                continue;
            }
            // KEDA serves at least one replica whenever its workload runs (its HPA's floor is max(min, 1)).
            int min = a.kind().equals(Kinds.HPA) ? HpaMetrics.minReplicas(a)
                    : Math.max(1, a.spec().get("minReplicaCount").asInt(0));
            for (Manifest pdb : Pdbs.selecting(ctx, target.get())) {
                YNode minAvailable = pdb.spec().get("minAvailable");
                YNode maxUnavailable = pdb.spec().get("maxUnavailable");
                String ma = minAvailable.asText("");
                String mu = maxUnavailable.asText("");
                if (ma.equals("100%") || (ma.matches("\\d+") && Integer.parseInt(ma) >= min)) {
                    out.add(finding(pdb, minAvailable, "minAvailable " + ma + " >= " + a.ref().display()
                            + " minimum of " + min + " replicas: no pod can be evicted at the minimum"));
                } else if (mu.equals("0") || mu.equals("0%")) {
                    out.add(finding(pdb, maxUnavailable, "maxUnavailable " + mu + " forbids every eviction of "
                            + target.get().ref().display()));
                }
            }
        }
        return out;
    }
}
