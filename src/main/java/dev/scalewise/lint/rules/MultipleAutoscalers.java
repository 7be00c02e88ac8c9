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

/** SW114: two HPAs/ScaledObjects on one workload. */
final class MultipleAutoscalers extends AbstractRule {
    MultipleAutoscalers() {
        super(new RuleMeta("SW114", "multiple-autoscalers", Severity.ERROR,
                "the controllers refuse it: the HPA controller stops scaling pods that several HPAs select "
                        + "(ScalingActive false, AmbiguousSelector, Kubernetes 1.26 and later), and KEDA's webhook rejects a "
                        + "ScaledObject whose target has another HPA",
                "Two autoscalers (HPA or ScaledObject) target the same workload",
                "Each controller writes the scale subresource from its own metric, so the replica count flips"
                        + " between their answers at every sync. A KEDA ScaledObject creates and owns an HPA of its"
                        + " own, so an extra HPA on the same workload fights it (KEDA's admission webhook rejects"
                        + " a ScaledObject whose target already has an HPA it does not own).",
                "Keep one autoscaler per workload; put all metrics into it (an HPA takes the largest proposal"
                        + " over its metrics; KEDA accepts several triggers).",
                Set.of(Kinds.HPA, Kinds.SCALED_OBJECT),
                List.of("https://keda.sh/docs/latest/concepts/scaling-deployments/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<Manifest> all = ctx.autoscalers();
        for (int i = 0; i < all.size(); i++) {
            Manifest a = all.get(i);
            YNode refA = a.spec().get("scaleTargetRef");
            for (int j = 0; j < i; j++) {
                Manifest first = all.get(j);
                // The same kind/namespace/name twice is one object in two variants (overlays), not two controllers.
                boolean sameObject = first.kind().equals(a.kind()) && first.name().equals(a.name())
                        && first.namespace().equals(a.namespace());
                if (!sameObject && VpaAndHpaOnSameResource.sameTarget(a, refA, first, first.spec().get("scaleTargetRef"))) {
                    out.add(finding(a, refA.get("name"), a.ref().display() + " and " + first.ref().display()
                            + " (" + first.location() + ") both scale " + refA.get("kind").asText("Deployment") + "/"
                            + refA.get("name").asText("?")));
                    break;
                }
            }
        }
        return out;
    }
}
