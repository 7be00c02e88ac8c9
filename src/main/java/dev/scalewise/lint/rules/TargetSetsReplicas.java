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

/** SW107: the workload sets spec.replicas while an autoscaler owns the count. */
final class TargetSetsReplicas extends AbstractRule {
    TargetSetsReplicas() {
        super(new RuleMeta("SW107", "target-sets-replicas", Severity.WARNING,
                "a valid config; the jump happens only when the manifest is applied",
                "Workload sets spec.replicas while an autoscaler manages it",
                "When a manifest that sets spec.replicas is applied (kubectl apply, Helm upgrade, a GitOps sync),"
                        + " the replica count jumps to that value and the autoscaler has to climb back; during a peak"
                        + " a deploy can cut capacity to the static number. The Kubernetes documentation recommends"
                        + " removing spec.replicas from a workload once an HPA manages it.",
                "Delete spec.replicas from the workload's manifest (and from the last-applied annotation, see the"
                        + " linked migration guide).",
                Set.of(Kinds.HPA, Kinds.SCALED_OBJECT),
                List.of("https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest a : ctx.autoscalers()) {
            Optional<Manifest> target = ctx.target(a, a.spec().get("scaleTargetRef"));
            if (target.isPresent()) {
                YNode replicas = target.get().spec().get("replicas");
                if (replicas.isPresent()) {
                    out.add(finding(target.get(), replicas, "spec.replicas " + replicas.asText("?") + " is set while "
                            + a.ref().display() + " manages the replica count; every apply resets it"));
                }
            }
        }
        return out;
    }
}
