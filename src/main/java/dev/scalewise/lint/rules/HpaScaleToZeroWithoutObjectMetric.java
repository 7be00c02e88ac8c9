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

/** SW110: HPA minReplicas 0 without an Object or External metric. */
final class HpaScaleToZeroWithoutObjectMetric extends AbstractRule {
    HpaScaleToZeroWithoutObjectMetric() {
        super(new RuleMeta("SW110", "hpa-zero-without-object-metric", Severity.ERROR,
                "the API server rejects minReplicas 0 without an Object or External metric",
                "HPA minReplicas 0 without an Object or External metric",
                "minReplicas 0 needs the HPAScaleToZero feature gate, and the API server accepts it only when at"
                        + " least one Object or External metric is configured: per-pod metrics (Resource, Pods)"
                        + " cannot wake a workload that has no pods. Without such a metric the HPA is rejected or,"
                        + " where the gate is off, minReplicas 0 is invalid.",
                "Add an External or Object metric (for example queue depth) that is non-zero while work waits, or"
                        + " set minReplicas >= 1; for event-driven scale to zero consider a KEDA ScaledObject.",
                Set.of(Kinds.HPA),
                List.of("https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest hpa : ctx.ofKind(Kinds.HPA)) {
            YNode min = hpa.spec().get("minReplicas");
            if (min.isPresent() && min.requireInt() == 0 && !HpaMetrics.hasObjectOrExternal(hpa)) {
                out.add(finding(hpa, min, "minReplicas 0 needs an Object or External metric to scale up from"
                        + " zero; this HPA has none"));
            }
        }
        return out;
    }
}
