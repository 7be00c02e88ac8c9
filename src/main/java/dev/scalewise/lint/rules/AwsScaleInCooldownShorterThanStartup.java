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

/** SW501: a target tracking policy's ScaleInCooldown is shorter than the service's startup. */
final class AwsScaleInCooldownShorterThanStartup extends AbstractRule {
    AwsScaleInCooldownShorterThanStartup() {
        super(new RuleMeta("SW501", "aws-scale-in-cooldown-shorter-than-startup", Severity.WARNING,
                "a judgment from the stated startup time; the config is valid",
                "Application Auto Scaling scale-in cooldown is shorter than the service's startup time",
                "After a scale-in, target tracking may remove capacity again as soon as ScaleInCooldown has passed"
                        + " (300 s by default for SageMaker endpoint variants and ECS services). When the cooldown is"
                        + " shorter than the time a new instance needs to serve (instance launch, container pull, model"
                        + " load; startupSeconds in services.yaml), a lull removes capacity step after step faster than"
                        + " it could be brought back, and the returning traffic waits a full startup. Needs --services.",
                "Set TargetTrackingScalingPolicyConfiguration.ScaleInCooldown (Terraform: scale_in_cooldown) to at"
                        + " least the startup time.",
                Set.of(AppAutoScalingPolicy.KIND),
                List.of("https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        AwsPolicies.eachWithStartup(ctx, (m, p, service, startup) -> {
            for (AppAutoScalingPolicy.TargetTracking t : p.targetTracking()) {
                if (!t.disableScaleIn() && t.scaleInCooldownSeconds() < startup) {
                    AwsNodes.Place at = AwsNodes.policyField(m.doc(), t.name(), "TargetTrackingScalingPolicyConfiguration",
                            "ScaleInCooldown");
                    boolean written = !p.meta().defaulted().contains("targetTracking["
                            + p.targetTracking().indexOf(t) + "].scaleInCooldownSeconds");
                    out.add(AwsPolicies.finding(meta(), m, p, at, "scale-in cooldown of " + t.name() + " is "
                            + t.scaleInCooldownSeconds() + " s" + (written ? "" : " (default)") + ", shorter than the startup of service '"
                            + service.name() + "' (" + Numbers.plain(startup) + " s)"));
                }
            }
        });
        return out;
    }
}
