package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AppAutoScalingPolicy.Form;
import dev.scalewise.policy.AwsNodes;
import dev.scalewise.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW505: a Lambda provisioned concurrency utilization target of 1 or more, which the metric never exceeds. */
final class AwsProvisionedUtilizationTargetAboveOne extends AbstractRule {
    AwsProvisionedUtilizationTargetAboveOne() {
        super(new RuleMeta("SW505", "aws-provisioned-utilization-target-above-one", Severity.ERROR,
                "certainly broken: the scale-out alarm can never fire",
                "Lambda provisioned concurrency utilization target of 1 or more",
                "LambdaProvisionedConcurrencyUtilization is ProvisionedConcurrentExecutions divided by the provisioned"
                        + " concurrency allocated, a fraction from 0 to 1 (the Lambda guide: \".5 indicates that 50 percent"
                        + " of allocated provisioned concurrency is in use\"): requests beyond the provisioned environments"
                        + " run on demand and do not count. Target tracking scales out only while the metric is above the"
                        + " target, so a TargetValue of 1 or more (70 meant as 70 %) never adds provisioned concurrency:"
                        + " every burst runs on demand, with a cold start on each new environment, while the scale-in"
                        + " alarm (below 90 % of the target) keeps removing it down to MinCapacity.",
                "Write the target as a fraction, e.g. TargetValue: 0.7 for 70 %.",
                Set.of(AppAutoScalingPolicy.KIND),
                List.of("https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html",
                        "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-concurrency.html")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        AwsPolicies.each(ctx, (m, p) -> {
            for (AppAutoScalingPolicy.TargetTracking t : p.targetTracking()) {
                if (t.metric().form() == Form.PROVISIONED_UTILIZATION && t.targetValue() >= 1) {
                    out.add(AwsPolicies.finding(meta(), m, p, AwsNodes.policyField(m.doc(), t.name(),
                            "TargetTrackingScalingPolicyConfiguration", "TargetValue"), t.name() + " tracks "
                            + t.metric().name() + " at " + Numbers.plain(t.targetValue())
                            + ", which a fraction of 0 to 1 never exceeds: provisioned concurrency never scales out"));
                }
            }
        });
        return out;
    }
}
