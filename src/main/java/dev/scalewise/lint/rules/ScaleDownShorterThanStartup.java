package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.KedaPolicy;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.UpstreamDefaults;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SW111: the scale-down stabilization window is shorter than the service's startup. */
final class ScaleDownShorterThanStartup extends AbstractRule {
    ScaleDownShorterThanStartup() {
        super(new RuleMeta("SW111", "scale-down-window-shorter-than-startup", Severity.WARNING,
                "a judgment from the stated startup time; the config is valid",
                "Scale-down stabilization is shorter than the service's startup time",
                "The stabilization window is how long demand must stay low before replicas are removed. When it"
                        + " is shorter than the time a new replica needs to serve (schedule, image pull, model load;"
                        + " startupSeconds in services.yaml), a lull shorter than one startup removes capacity that the"
                        + " returning traffic then waits a full startup for. Without behavior the HPA uses the"
                        + " controller's 300 s window (the policy model's default). Needs --services.",
                "Set behavior.scaleDown.stabilizationWindowSeconds (KEDA:"
                        + " advanced.horizontalPodAutoscalerConfig.behavior) to at least the startup time; a"
                        + " Percent/Pods scale-down policy can keep the descent gradual.",
                Set.of(Kinds.HPA, Kinds.SCALED_OBJECT),
                List.of("https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#stabilization-window")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (!ctx.hasServices()) {
            return out;
        }
        for (Manifest a : ctx.autoscalers()) {
            Optional<ServiceSpec> service = ctx.serviceOf(a);
            Optional<PolicySpec> policy = ctx.policy(a);
            if (service.isEmpty() || service.get().startupSeconds().isEmpty() || policy.isEmpty()) {
                continue;
            }
            Optional<Behavior> behavior;
            if (policy.get() instanceof HpaPolicy h) {
                behavior = h.behavior();
            } else if (policy.get() instanceof KedaPolicy k) {
                behavior = k.behavior();
            } else {
                continue;
            }
            Optional<ScalingRules> down = behavior.map(Behavior::scaleDown);
            if (down.isPresent() && down.get().selectPolicy() == ScalingRules.SelectPolicy.DISABLED) {
                continue;
            }
            int window = down.map(ScalingRules::stabilizationWindowSeconds).orElse(UpstreamDefaults.Hpa.SCALE_DOWN_WINDOW_SECONDS);
            double startup = service.get().startupSeconds().getAsDouble();
            if (window < startup) {
                YNode behaviorNode = a.kind().equals(Kinds.HPA) ? a.spec().get("behavior")
                        : a.spec().get("advanced").get("horizontalPodAutoscalerConfig").get("behavior");
                YNode windowNode = behaviorNode.get("scaleDown").get("stabilizationWindowSeconds");
                out.add(findingOrSpec(a, windowNode, "scale-down stabilization " + window + " s"
                        + (windowNode.isMissing() ? " (default)" : "") + " is shorter than the startup of service '"
                        + service.get().name() + "' (" + Numbers.plain(startup) + " s)"));
            }
        }
        return out;
    }
}
