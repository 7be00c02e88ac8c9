package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SW115: an autoscaled workload with no PDB selecting its pods. */
final class MissingPodDisruptionBudget extends AbstractRule {
    MissingPodDisruptionBudget() {
        super(new RuleMeta("SW115", "autoscaled-without-pdb", Severity.WARNING,
                "a valid config; the risk comes with disruptions",
                "Autoscaled workload has no PodDisruptionBudget",
                "Without a PDB a node drain (cluster upgrade, spot reclaim, consolidation by the cluster"
                        + " autoscaler or Karpenter) may evict every replica at once; an inference server then needs"
                        + " its full startup (image pull, model load) before it serves again. The rule looks for a"
                        + " PDB in the linted files whose selector matches the pod template's labels.",
                "Add a policy/v1 PodDisruptionBudget selecting the pods with maxUnavailable: 1 (or a minAvailable"
                        + " below the autoscaler's minimum, see SW116).",
                Set.of(Kinds.HPA, Kinds.SCALED_OBJECT),
                List.of("https://kubernetes.io/docs/tasks/run-application/configure-pdb/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest a : ctx.autoscalers()) {
            Optional<Manifest> target = ctx.target(a, a.spec().get("scaleTargetRef"));
            if (target.isPresent() && Pdbs.selecting(ctx, target.get()).isEmpty()) {
                out.add(finding(a, a.spec().get("scaleTargetRef"), target.get().ref().display()
                        + " is autoscaled by " + a.ref().display() + " but no PodDisruptionBudget selects its pods"));
            }
        }
        return out;
    }
}
