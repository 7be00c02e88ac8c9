package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.model.Basis;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SW702: a Cloud Run service's containerConcurrency lets one instance take more requests at once than it serves
 * within the SLO, by the service model lint's evidence rests on (fitted from --data, or stated in services.yaml).
 */
final class CloudRunConcurrencyAboveSlo extends EvidenceRuleBase {
    CloudRunConcurrencyAboveSlo() {
        super(new RuleMeta("SW702", "cloud-run-concurrency-above-slo", Severity.WARNING,
                "an estimate from the service model (its capacity at the SLO and the requests in flight there)",
                "Cloud Run containerConcurrency is above what one instance serves within the SLO",
                "containerConcurrency is the most requests Cloud Run routes to one instance at once; its autoscaler"
                        + " aims at 60 % of it on a one-minute average, so a burst fills instances up to the maximum before"
                        + " new ones start (Cloud Run may send fewer when an instance's CPU is highly utilized, which a"
                        + " GPU-bound server's CPU need not show). The service model says how many requests one instance holds in flight at the"
                        + " load where it still meets the SLO (its capacity per replica, with the in-flight requests"
                        + " observed or by Little's law). When containerConcurrency is above that, a burst routed to an"
                        + " instance waits past the SLO instead of going to a new one. Needs --data (a model fitted to"
                        + " the service's history, or stated in services.yaml); silent with --results, which keep no"
                        + " model, and when history shows only a lower bound on the capacity.",
                "Set spec.template.spec.containerConcurrency to at most the requests in flight the finding quotes (gcloud:"
                        + " --concurrency); the autoscaler then aims at 60 % of it. Or make one instance serve more within"
                        + " the SLO (more CPU or GPU per instance) and lint again.",
                Set.of(Kinds.KNATIVE_SERVICE),
                List.of("https://cloud.google.com/run/docs/about-concurrency",
                        "https://cloud.google.com/run/docs/configuring/concurrency", "docs/replay.md")));
    }

    @Override
    public List<Finding> check(LintContext ctx, List<PolicyEvidence> evidence) {
        List<Finding> out = new ArrayList<>();
        for (PolicyEvidence e : evidence) {
            if (!(e.policy() instanceof CloudRunPolicy run) || e.model().isEmpty()) {
                continue;
            }
            ServiceModel model = e.model().get();
            Fitted capacity = model.capacityPerReplica();
            // a lower bound says an instance serves at least this much: no ground to call a maximum too high
            if (!capacity.known() || capacity.basis() == Basis.LOWER_BOUND || !model.concurrency().known()) {
                continue;
            }
            double inFlight = model.concurrencyPerReplica(capacity.value());
            if (run.containerConcurrency() > inFlight + 1e-9) {
                YNode at = e.manifest().spec().get("template").get("spec").get("containerConcurrency");
                out.add(finding(e.manifest(), at, "containerConcurrency " + run.containerConcurrency() + " lets one"
                        + " instance take " + run.containerConcurrency() + " requests at once, but it holds the "
                        + e.service().slo().percentile().name().toLowerCase(java.util.Locale.ROOT) + " SLO of "
                        + Numbers.readable(e.service().slo().thresholdMs()) + " ms only up to about " + Numbers.readable(inFlight)
                        + " in flight (capacity " + Numbers.readable(capacity.value())
                        + (model.work().tokens() ? " tokens/s" : " rps") + " per instance, "
                        + capacity.basis().label() + "; in flight " + model.concurrency().source().label()
                        + "): at most " + Math.max(1, (int) Math.floor(inFlight + 1e-9)) + " would keep a burst within the SLO"));
            }
        }
        return out;
    }
}
