package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.sim.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** SW901: replaying the policy over the recent days spends more than the SLO's error budget. */
final class ReplayBreachesSlo extends EvidenceRuleBase {
    ReplayBreachesSlo() {
        super(new RuleMeta("SW901", "replay-breaches-slo", Severity.WARNING,
                "a replayed estimate on recent traffic, not a property of the config itself",
                "replaying the policy over the recent days breaks the service's SLO",
                "The policy is replayed against the service's own recent demand (lint --data"
                        + "): the controller's decisions, its metric pipeline, the replicas' startup"
                        + " time and the fitted latency curve of the service. When the minutes whose SLO percentile"
                        + " exceeds the threshold spend more than the error budget (1 - objective), the configuration"
                        + " would have broken the SLO on the traffic it is meant for.",
                "Run `scalewise replay` on the policy to see when it falls behind, then raise maxReplicas, lower"
                        + " the target, shorten scale-up stabilization, or raise minReplicas; `scalewise recommend`"
                        + " searches these knobs for the cheapest setting that holds.",
                Set.of(RuleMeta.ANY_KIND), references()));
    }

    @Override
    public List<Finding> check(LintContext ctx, List<PolicyEvidence> evidence) {
        List<Finding> out = new ArrayList<>();
        for (PolicyEvidence e : evidence) {
            long breach = breachMinutes(e);
            long judged = sloMinutes(e);
            double budget = e.service().slo().errorBudget();
            if (judged == 0 || breach <= budget * judged) {
                continue;
            }
            String worst = e.daily().stream().filter(o -> o.identifiedBreachMinutes() > 0)
                    .sorted(Comparator.comparingLong(Outcome::identifiedBreachMinutes).reversed()).limit(3)
                    .map(o -> o.periodStart().toString().substring(0, 10) + " (" + o.identifiedBreachMinutes() + " min)")
                    .collect(Collectors.joining(", "));
            String observed = e.observed().map(o -> "; the observed run had " + o.breachMinutes() + " breach minutes")
                    .orElse("");
            long beyond = unidentifiedBreachMinutes(e);
            if (beyond > 0) {
                observed += "; " + beyond + " more minutes rest on load above what the history shows (not identifiable)";
            }
            Manifest m = e.manifest();
            out.add(atSpec(m, String.format(java.util.Locale.ROOT,
                    "replayed over the last %s, %s breaches its SLO (%s <= %s ms in %s %% of minutes) for %d minutes,"
                            + " %s of the error budget; worst days %s%s",
                    days(e), e.policy().meta().name(), e.service().slo().percentile().name().toLowerCase(java.util.Locale.ROOT),
                    Numbers.readable(e.service().slo().thresholdMs()), Numbers.readable(e.service().slo().objective() * 100), breach,
                    Numbers.readable((double) breach / judged / budget) + "x", worst, observed)));
        }
        return out;
    }
}
