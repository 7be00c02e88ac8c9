package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW904: on the steepest recent ramp, the replayed policy stayed short of the needed replicas too long. */
final class ScaleUpTooSlow extends EvidenceRuleBase {
    /** Slack over the startup time before a catch-up counts as slow: two HPA sync periods and a scrape window. */
    static final double SLACK_SECONDS = 120;

    ScaleUpTooSlow() {
        super(new RuleMeta("SW904", "scale-up-too-slow", Severity.WARNING,
                "a replayed estimate on recent traffic",
                "scale-up is too slow for the observed demand ramps",
                "A new replica serves only after its startup time, so some lag on a ramp is unavoidable. When the"
                        + " replayed policy stays below the replicas demand needs for longer than the startup time plus"
                        + " two minutes, the lag comes from the configuration: a scale-up stabilization window, a"
                        + " rate-limit policy, a long metric window or a target too close to capacity.",
                "Shorten behavior.scaleUp.stabilizationWindowSeconds, allow larger scale-up steps, lower the target, or"
                        + " add a scheduled or predictive floor ahead of the known ramps.",
                Set.of(RuleMeta.ANY_KIND), references()));
    }

    @Override
    public List<Finding> check(LintContext ctx, List<PolicyEvidence> evidence) {
        List<Finding> out = new ArrayList<>();
        for (PolicyEvidence e : evidence) {
            double startup = e.service().startupSeconds().orElse(0);
            if (e.rampSecondsToPeak() > startup + SLACK_SECONDS) {
                out.add(atSpec(e.manifest(), "on the longest recent shortfall the"
                        + " replayed policy took " + Numbers.readable(e.rampSecondsToPeak()) + " s to reach the replicas demand needed;"
                        + " startup is " + Numbers.readable(startup) + " s"));
            }
        }
        return out;
    }
}
