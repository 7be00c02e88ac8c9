package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.KedaPolicy;
import dev.scalewise.policy.KpaPolicy;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.PredictivePolicy;
import dev.scalewise.policy.RayServePolicy;
import dev.scalewise.policy.ScheduledPolicy;
import dev.scalewise.sim.Autoscaler;

/** Builds the replayed controller for a normalized policy; a new, stateful instance per replay. */
public final class Autoscalers {
    private Autoscalers() {
    }

    public static Autoscaler create(PolicySpec policy, ReplayContext ctx) {
        // no default: a new PolicyKind does not compile until it has its controller here
        return switch (policy.kind()) {
            case HPA -> new Hpa((HpaPolicy) policy);
            case KEDA -> new Keda((KedaPolicy) policy);
            case KPA -> new KnativeKpa((KpaPolicy) policy);
            case RAY_SERVE -> new RayServe((RayServePolicy) policy);
            case APP_AUTO_SCALING -> new AppAutoScaling((AppAutoScalingPolicy) policy, ctx.startupSeconds());
            case CLOUD_RUN -> new CloudRun((CloudRunPolicy) policy);
            case SCHEDULED -> {
                ScheduledPolicy p = (ScheduledPolicy) policy;
                yield new Scheduled(p, create(p.base(), ctx), ctx.start());
            }
            case PREDICTIVE -> {
                PredictivePolicy p = (PredictivePolicy) policy;
                yield new Predictive(p, create(p.base(), ctx), ctx.startupSeconds());
            }
        };
    }
}
