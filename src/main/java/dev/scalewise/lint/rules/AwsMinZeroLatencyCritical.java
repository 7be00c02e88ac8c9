package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AwsNodes;
import dev.scalewise.policy.ServiceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SW502: MinCapacity 0 on a service services.yaml marks latency-critical. */
final class AwsMinZeroLatencyCritical extends AbstractRule {
    AwsMinZeroLatencyCritical() {
        super(new RuleMeta("SW502", "aws-min-zero-latency-critical", Severity.WARNING,
                "a valid config; a judgment from services.yaml's latency-critical flag",
                "Application Auto Scaling MinCapacity 0 on a latency-critical service",
                "With MinCapacity 0 a SageMaker inference component (or an ECS service) can lose its last instance;"
                        + " the next requests fail or wait until a step scaling alarm notices them and a new instance"
                        + " has launched and loaded the model, far beyond a user-facing latency SLO. The service is"
                        + " latency-critical per services.yaml (latencyCritical, default true). Needs --services.",
                "Set the scalable target's MinCapacity (Terraform: min_capacity) to at least 1, or mark the service"
                        + " latencyCritical: false in services.yaml if cold starts are acceptable.",
                Set.of(AppAutoScalingPolicy.KIND),
                List.of("https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        AwsPolicies.each(ctx, (m, p) -> {
            Optional<ServiceSpec> service = ctx.service(p.meta().service());
            if (p.minReplicas() > 0 || service.isEmpty() || !service.get().latencyCritical()) {
                return;
            }
            out.add(AwsPolicies.finding(meta(), m, p, AwsNodes.targetField(m.doc(), p.meta().name(), "MinCapacity"), "MinCapacity 0, but service '"
                    + service.get().name() + "' is latency-critical: the first request after idle waits a cold start"
                    + service.get().startupSeconds().stream().mapToObj(s -> " of " + Numbers.plain(s) + " s").findFirst()
                    .orElse("")));
        });
        return out;
    }
}
