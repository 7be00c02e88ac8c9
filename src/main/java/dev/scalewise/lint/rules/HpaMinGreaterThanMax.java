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

/** SW101: minReplicas above maxReplicas. */
final class HpaMinGreaterThanMax extends AbstractRule {
    HpaMinGreaterThanMax() {
        super(new RuleMeta("SW101", "hpa-min-gt-max", Severity.ERROR,
                "the API server rejects the object",
                "HPA minReplicas is greater than maxReplicas",
                "The API server rejects an autoscaling/v2 HorizontalPodAutoscaler whose minReplicas exceeds maxReplicas"
                        + " (\"must be less than or equal to maxReplicas\"), so the change fails at deploy time and the"
                        + " previous HPA, if any, stays in force. minReplicas defaults to 1 when absent.",
                "Lower minReplicas or raise maxReplicas so that minReplicas <= maxReplicas.",
                Set.of(Kinds.HPA),
                List.of("https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest hpa : ctx.ofKind(Kinds.HPA)) {
            YNode max = hpa.spec().get("maxReplicas");
            if (max.isMissing()) {
                continue;
            }
            int min = HpaMetrics.minReplicas(hpa);
            int maxValue = max.requireInt();
            if (min > maxValue) {
                YNode minNode = hpa.spec().get("minReplicas");
                out.add(finding(hpa, minNode.isPresent() ? minNode : max,
                        "minReplicas " + min + " is greater than maxReplicas " + maxValue
                                + "; the API server rejects this HPA"));
            }
        }
        return out;
    }
}
