package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AppAutoScalingPolicy.Form;
import dev.scalewise.policy.AwsNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW503: target tracking on a metric that does not fall when instances are added. */
final class AwsTargetTrackingFleetMetric extends AbstractRule {
    AwsTargetTrackingFleetMetric() {
        super(new RuleMeta("SW503", "aws-target-tracking-fleet-metric", Severity.WARNING,
                "a valid config that cannot hold its target; a judgment, since a capped max may be intended",
                "Target tracking on a metric that does not scale with the number of instances",
                "Target tracking assumes that adding capacity brings the metric down in proportion (AWS: \"the metric"
                        + " must be a valid utilization metric and describe how busy a scalable target is\") and asks"
                        + " for capacity x metric / target. A fleet total such as Invocations or ApproximateBacklogSize"
                        + " stays as high with more instances, so every scale-out is followed by another until"
                        + " MaxCapacity, and scale-in waits for the traffic itself to fall.",
                "Track a per-instance metric: SageMakerVariantInvocationsPerInstance (or InvocationsPerInstance),"
                        + " ApproximateBacklogSizePerInstance, CPUUtilization, GPUUtilization; or use step scaling on"
                        + " the total.",
                Set.of(AppAutoScalingPolicy.KIND),
                List.of("https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        AwsPolicies.each(ctx, (m, p) -> {
            for (AppAutoScalingPolicy.TargetTracking t : p.targetTracking()) {
                AppAutoScalingPolicy.CloudMetric metric = t.metric();
                if (metric.form() == Form.SIGNAL && !metric.signal().perReplica()) {
                    out.add(AwsPolicies.finding(meta(), m, p, AwsNodes.policyField(m.doc(), t.name(), "TargetTrackingScalingPolicyConfiguration",
                            "CustomizedMetricSpecification"), t.name() + " tracks " + metric.name()
                            + ", a total over all instances: adding instances does not bring it down"));
                }
            }
        });
        return out;
    }
}
