package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW112: a utilization target outside [low, high] (30 % .. 90 % by default). */
final class UtilizationTargetOutOfRange extends AbstractRule {
    UtilizationTargetOutOfRange() {
        super(new RuleMeta("SW112", "utilization-target-out-of-range", Severity.WARNING,
                "a judgment; the bounds are configurable",
                "Utilization target above 90 % or below 30 %",
                "Above ~90 % the HPA only reacts once replicas are already saturated, and with the default 10 %"
                        + " tolerance it may not react until they are overloaded; new pods need their startup time"
                        + " before they help, so latency breaches during every ramp. Below ~30 % most of every replica"
                        + " is paid for and idle. The bounds are configurable (utilizationLowPercent,"
                        + " utilizationHighPercent).",
                "Aim between the bounds: high enough to keep replicas busy, low enough to absorb the load that"
                        + " arrives during one startup time. `scalewise recommend` derives a target from history.",
                Set.of(Kinds.HPA), List.of()));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        double low = ctx.config().utilizationLowPercent();
        double high = ctx.config().utilizationHighPercent();
        List<Finding> out = new ArrayList<>();
        for (Manifest hpa : ctx.ofKind(Kinds.HPA)) {
            List<YNode> targets = new ArrayList<>();
            HpaMetrics.resourceMetrics(hpa).forEach(rm -> rm.utilization().ifPresent(targets::add));
            YNode v1 = hpa.spec().get("targetCPUUtilizationPercentage");
            if (v1.isPresent()) {
                targets.add(v1);
            }
            for (YNode t : targets) {
                double pct = t.asDouble(Double.NaN);
                if (pct > high) {
                    out.add(finding(hpa, t, "utilization target " + Numbers.plain(pct) + " % is above " + Numbers.plain(high)
                            + " %: no headroom while new replicas start"));
                } else if (pct < low) {
                    out.add(finding(hpa, t, "utilization target " + Numbers.plain(pct) + " % is below " + Numbers.plain(low)
                            + " %: most of every replica is paid for and idle"));
                }
            }
        }
        return out;
    }
}
