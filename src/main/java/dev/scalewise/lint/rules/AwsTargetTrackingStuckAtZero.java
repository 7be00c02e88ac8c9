package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AwsNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW504: MinCapacity 0 with nothing that can scale out of zero. */
final class AwsTargetTrackingStuckAtZero extends AbstractRule {
    AwsTargetTrackingStuckAtZero() {
        super(new RuleMeta("SW504", "aws-no-scale-out-from-zero", Severity.ERROR,
                "certainly broken: once at zero instances nothing brings the target back",
                "MinCapacity 0 without a step scaling policy that can scale out of zero",
                "With no instance in service a per-instance metric (InvocationsPerInstance, CPUUtilization, ...) has"
                        + " no datapoints, so target tracking's alarm cannot fire: SageMaker's guide says to use step"
                        + " scaling to scale out from zero instances. Target tracking itself scales in to zero once"
                        + " traffic stops (capacity x 0 / target = 0), and the target then stays there.",
                "Add a step scaling policy with a CloudWatch alarm on NoCapacityInvocationFailures (inference"
                        + " components) or HasBacklogWithoutCapacity (asynchronous endpoints), or set MinCapacity to 1.",
                Set.of(AppAutoScalingPolicy.KIND),
                List.of("https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html",
                        "https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-policy.html")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        AwsPolicies.each(ctx, (m, p) -> {
            boolean leavesZero = p.scalesOutFromZero();
            boolean scales = !p.targetTracking().isEmpty() || !p.stepScaling().isEmpty();
            if (p.minReplicas() == 0 && scales && !leavesZero) {
                out.add(AwsPolicies.finding(meta(), m, p, AwsNodes.targetField(m.doc(), p.meta().name(), "MinCapacity"),
                        p.provisionedConcurrency() ? "MinCapacity 0: with no provisioned concurrency its utilization has"
                                + " no datapoints, so once scaled in to zero " + p.meta().name() + " stays there and every"
                                + " request runs on demand (Lambda scales provisioned concurrency with target tracking only:"
                                + " set MinCapacity to 1)"
                                : "MinCapacity 0 and no policy that sees traffic without instances: once scaled in to zero, "
                                + p.meta().name() + " stays there"));
            }
        });
        return out;
    }
}
