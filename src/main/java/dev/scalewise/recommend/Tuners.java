package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.KedaPolicy;
import dev.scalewise.policy.KpaPolicy;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.PredictivePolicy;
import dev.scalewise.policy.RayServePolicy;
import dev.scalewise.policy.ScheduledPolicy;
import dev.scalewise.policy.ServiceSpec;

/** Builds the search space of a policy (one {@link Tuner} per family; wrappers tune their base). */
final class Tuners {
    private Tuners() {
    }

    static Tuner of(PolicySpec policy, ServiceModel model, ServiceSpec spec, ServiceHistory train, RecommendOptions opts) {
        // no default: a new PolicyKind does not compile until it has its tuner here
        return switch (policy.kind()) {
            case HPA -> new HpaTuner((HpaPolicy) policy, model, Limits.of(opts, spec, model, train, 1));
            case KEDA -> new KedaTuner((KedaPolicy) policy, model, Limits.of(opts, spec, model, train, 0));
            case KPA -> new KpaTuner((KpaPolicy) policy, model, Limits.of(opts, spec, model, train, 0));
            case RAY_SERVE -> new RayServeTuner((RayServePolicy) policy, model, Limits.of(opts, spec, model, train, 0));
            case APP_AUTO_SCALING -> {
                AppAutoScalingPolicy p = (AppAutoScalingPolicy) policy;
                // SageMaker endpoint variants keep at least one instance; inference components and ECS scale to 0
                int lowest = p.scalableDimension().equals(AppAutoScalingPolicy.VARIANT_DIMENSION) ? 1 : 0;
                yield new AppAutoScalingTuner(p, model, Limits.of(opts, spec, model, train, lowest));
            }
            case CLOUD_RUN -> new CloudRunTuner((CloudRunPolicy) policy, model, Limits.of(opts, spec, model, train, 0));
            case SCHEDULED -> {
                ScheduledPolicy p = (ScheduledPolicy) policy;
                int highestWindow = p.windows().stream().mapToInt(w -> w.replicas()).max().orElse(0);
                RecommendOptions o = opts.withMaxFloor(Math.max(opts.maxFloor(), highestWindow));
                yield new BaseTuner(p, of(p.base(), model, spec, train, o), model);
            }
            case PREDICTIVE -> new BaseTuner(policy, of(((PredictivePolicy) policy).base(), model, spec, train, opts), model);
        };
    }
}
