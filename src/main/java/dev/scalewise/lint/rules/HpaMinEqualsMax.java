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

/** SW102: minReplicas equal to maxReplicas: the HPA never changes the replica count. */
final class HpaMinEqualsMax extends AbstractRule {
    HpaMinEqualsMax() {
        super(new RuleMeta("SW102", "hpa-min-eq-max", Severity.WARNING,
                "a valid config; a fixed size may be intended",
                "HPA minReplicas equals maxReplicas: autoscaling is off",
                "With minReplicas = maxReplicas the controller can only ever ask for that one count. The HPA costs"
                        + " a metrics pipeline and hides the fact that the service is statically sized; a reviewer"
                        + " reading 'HorizontalPodAutoscaler' expects elasticity that is not there.",
                "Give the HPA a range (raise maxReplicas to the peak the service needs), or delete the HPA and set"
                        + " spec.replicas on the workload if a fixed size is intended.",
                Set.of(Kinds.HPA), List.of()));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest hpa : ctx.ofKind(Kinds.HPA)) {
            YNode max = hpa.spec().get("maxReplicas");
            if (max.isPresent() && HpaMetrics.minReplicas(hpa) == max.requireInt()) {
                out.add(finding(hpa, max, "minReplicas and maxReplicas are both " + max.requireInt()
                        + "; the HPA can never scale"));
            }
        }
        return out;
    }
}
