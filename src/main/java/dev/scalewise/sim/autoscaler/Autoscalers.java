package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.AppAutoScalingPolicy;
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
        // Java 17 has no pattern switch; the sealed interface keeps this chain complete
        if (policy instanceof HpaPolicy p) {
            return new Hpa(p);
        } else if (policy instanceof KedaPolicy p) {
            return new Keda(p);
        } else if (policy instanceof KpaPolicy p) {
            return new KnativeKpa(p);
        } else if (policy instanceof RayServePolicy p) {
            return new RayServe(p);
        } else if (policy instanceof ScheduledPolicy p) {
            return new Scheduled(p, create(p.base(), ctx), ctx.start());
        } else if (policy instanceof PredictivePolicy p) {
            return new Predictive(p, create(p.base(), ctx), ctx.startupSeconds());
        } else if (policy instanceof AppAutoScalingPolicy p) {
            return new AppAutoScaling(p, ctx.startupSeconds());
        } else if (policy instanceof CloudRunPolicy p) {
            return new CloudRun(p);
        }
        throw new IllegalStateException("no autoscaler for " + policy.getClass().getSimpleName());
    }
}
