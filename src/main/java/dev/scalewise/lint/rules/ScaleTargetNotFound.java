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

/** SW105: an autoscaler whose scaleTargetRef names no workload among the linted files. */
final class ScaleTargetNotFound extends AbstractRule {
    ScaleTargetNotFound() {
        super(new RuleMeta("SW105", "scale-target-not-found", Severity.WARNING,
                "the target may be defined outside the linted files",
                "scaleTargetRef matches no workload in the linted files",
                "An HPA or ScaledObject whose target does not exist scales nothing; the usual cause is a renamed"
                        + " Deployment whose autoscaler was left behind, so the renamed service silently runs at its"
                        + " static replica count. The rules that read the target's pod template (requests, PDBs,"
                        + " spec.replicas) cannot run either. KEDA defaults scaleTargetRef.kind to Deployment.",
                "Point scaleTargetRef at the workload's kind and metadata.name, or lint the autoscaler together"
                        + " with the manifests of its workload (several paths may be given).",
                Set.of(Kinds.HPA, Kinds.SCALED_OBJECT), List.of()));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest a : ctx.autoscalers()) {
            YNode ref = a.spec().get("scaleTargetRef");
            if (ctx.target(a, ref).isEmpty()) {
                YNode name = ref.get("name");
                out.add(finding(a, name, name.text().isEmpty() ? "scaleTargetRef names no workload (no name)"
                        : "scaleTargetRef " + ref.get("kind").asText("Deployment") + "/" + name.asText("?")
                        + " matches no workload in the linted files"));
            }
        }
        return out;
    }
}
