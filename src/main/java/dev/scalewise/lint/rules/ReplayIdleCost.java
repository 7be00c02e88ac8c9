package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.sim.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW903: most of what the replayed policy pays for is capacity above demand. */
final class ReplayIdleCost extends EvidenceRuleBase {
    /** Above this share of cost buying idle capacity, the policy wastes money (1 replica in 2 idle). */
    static final double IDLE_SHARE = 0.5;

    ReplayIdleCost() {
        super(new RuleMeta("SW903", "replay-idle-cost", Severity.WARNING,
                "a replayed estimate on recent traffic",
                "most of the replayed cost buys capacity above demand",
                "Idle cost is the cost of replicas beyond demand / capacity per replica at the SLO. When more than"
                        + " half of what the policy pays for is idle, the floor (minReplicas) or the target is set for a"
                        + " load the service does not see; GPU replicas make that the largest line of the bill.",
                "Lower minReplicas or raise the target; `scalewise recommend` finds the cheapest setting that still"
                        + " meets the SLO on held-out weeks.",
                Set.of(RuleMeta.ANY_KIND), references()));
    }

    @Override
    public List<Finding> check(LintContext ctx, List<PolicyEvidence> evidence) {
        List<Finding> out = new ArrayList<>();
        for (PolicyEvidence e : evidence) {
            double cost = cost(e);
            double idle = e.daily().stream().mapToDouble(Outcome::idleCost).filter(Double::isFinite).sum();
            if (!(cost > 0) || idle / cost <= IDLE_SHARE) {
                continue;
            }
            double meanReplicas = e.daily().stream().mapToDouble(Outcome::meanReplicas).average().orElse(0);
            int min = e.policy().minReplicas();
            String pinned = meanReplicas <= min * 1.1 ? "; replicas sat at about minReplicas " + min
                    + " (mean " + Numbers.readable(meanReplicas) + ")" : "; mean replicas " + Numbers.readable(meanReplicas);
            out.add(atSpec(e.manifest(), String.format(java.util.Locale.ROOT,
                    "replayed over the last %s, %s %% of the cost (%s of %s %s) buys capacity above demand%s",
                    days(e), Numbers.readable(idle / cost * 100), Numbers.readable(idle), Numbers.readable(cost), e.daily().get(0).currency(), pinned)));
        }
        return out;
    }
}
