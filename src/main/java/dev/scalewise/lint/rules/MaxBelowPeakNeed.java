package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW902: the busiest minute of the recent days needed more replicas than maxReplicas allows. */
final class MaxBelowPeakNeed extends EvidenceRuleBase {
    MaxBelowPeakNeed() {
        super(new RuleMeta("SW902", "max-below-peak-need", Severity.WARNING,
                "an estimate from a fitted capacity per replica",
                "maxReplicas is below the replicas the recent peak needed",
                "The replicas a minute needs are its demand divided by the capacity of one replica at the SLO"
                        + " (fitted from the service's latency history). When the busiest recent minute needed more"
                        + " than maxReplicas, no tuning of targets or windows can hold the SLO at that peak: the"
                        + " controller is pinned at its ceiling while latency climbs.",
                "Raise maxReplicas to at least the replicas the peak needed (plus headroom for growth), after checking"
                        + " quota and budget.",
                Set.of(RuleMeta.ANY_KIND), references()));
    }

    @Override
    public List<Finding> check(LintContext ctx, List<PolicyEvidence> evidence) {
        List<Finding> out = new ArrayList<>();
        for (PolicyEvidence e : evidence) {
            int max = e.policy().maxReplicas();
            if (e.peakReplicasNeeded() > max) {
                out.add(finding(e.manifest(), maxReplicasNode(e.manifest()), "the busiest minute of the last "
                        + days(e) + " needed " + e.peakReplicasNeeded() + " replicas at the SLO, but maxReplicas is "
                        + max));
            }
        }
        return out;
    }
}
