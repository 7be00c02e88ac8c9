package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AwsNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW506: a Lambda function's init is longer than its SLO threshold, so every request that spills cold breaches. */
final class AwsProvisionedSpilloverColdStartOverSlo extends AbstractRule {
    AwsProvisionedSpilloverColdStartOverSlo() {
        super(new RuleMeta("SW506", "aws-provisioned-spillover-cold-start-over-slo", Severity.WARNING,
                "a judgment from the stated startup time; how often it breaches depends on how bursty the traffic is",
                "Lambda provisioned concurrency whose spillover cold start is longer than the SLO threshold",
                "Requests beyond the provisioned environments run on standard (on-demand) concurrency, and each new"
                        + " on-demand environment runs the function's init first (the Lambda guide: the \"portion of"
                        + " requests that are served by new instances\" have higher latency). Target tracking adds"
                        + " provisioned concurrency only after 3 one-minute datapoints above the target, and the new"
                        + " environments are allocated after \"a minute or two\": every burst in between spills. When the"
                        + " init (startupSeconds in services.yaml) is longer than the SLO's latency threshold, each spilled"
                        + " request that starts an environment breaches by construction. Needs --services.",
                "Keep headroom in the provisioned level: a lower TargetValue, or MinCapacity at the concurrency of the"
                        + " bursts (schedule it with scheduled actions if the bursts are regular); or shorten the init"
                        + " (smaller package, lazy loading, SnapStart where the runtime has it).",
                Set.of(AppAutoScalingPolicy.KIND),
                List.of("https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html",
                        "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        AwsPolicies.eachWithStartup(ctx, (m, p, service, init) -> {
            double thresholdMs = service.slo().thresholdMs();
            if (p.provisionedConcurrency() && init * 1000 > thresholdMs) {
                out.add(AwsPolicies.finding(meta(), m, p, AwsNodes.targetField(m.doc(), p.meta().name(), "MinCapacity"),
                        "requests beyond the provisioned concurrency of " + p.meta().name() + " start cold: an init of "
                                + Numbers.plain(init) + " s exceeds the " + Numbers.plain(thresholdMs)
                                + " ms SLO threshold of '" + service.name() + "'"));
            }
        });
        return out;
    }
}
