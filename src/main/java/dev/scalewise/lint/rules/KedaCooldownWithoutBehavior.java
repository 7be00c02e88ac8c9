package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW203: cooldownPeriod set without advanced.horizontalPodAutoscalerConfig.behavior. */
final class KedaCooldownWithoutBehavior extends AbstractRule {
    KedaCooldownWithoutBehavior() {
        super(new RuleMeta("SW203", "keda-cooldown-without-behavior", Severity.WARNING,
                "a valid config that likely does not do what was meant",
                "cooldownPeriod is set but HPA behavior is not",
                "KEDA's cooldownPeriod only governs the last step, from 1 replica to 0 (and does nothing when"
                        + " minReplicaCount > 0). Scaling between N and 1 is done by the HPA KEDA creates, with the"
                        + " HPA's default 300 s scale-down stabilization. Authors who set cooldownPeriod to slow or"
                        + " speed up scale-down usually meant advanced.horizontalPodAutoscalerConfig.behavior.",
                "Set advanced.horizontalPodAutoscalerConfig.behavior.scaleDown (stabilizationWindowSeconds,"
                        + " policies) for scale-down between N and 1, and keep cooldownPeriod for the step to zero.",
                Set.of(Kinds.SCALED_OBJECT),
                List.of("https://keda.sh/docs/latest/reference/scaledobject-spec/#cooldownperiod")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest so : ctx.ofKind(Kinds.SCALED_OBJECT)) {
            YNode cooldown = so.spec().get("cooldownPeriod");
            YNode behavior = so.spec().get("advanced").get("horizontalPodAutoscalerConfig").get("behavior");
            if (cooldown.isPresent() && behavior.isMissing()) {
                int min = so.spec().get("minReplicaCount").asInt(0);
                out.add(finding(so, cooldown, "cooldownPeriod " + cooldown.asText("?") + " s applies only to the step"
                        + " from 1 to 0 replicas" + (min > 0 ? ", which minReplicaCount " + min + " never takes" : "")
                        + "; scale-down between N and 1 keeps the HPA default (300 s stabilization)"));
            }
        }
        return out;
    }
}
