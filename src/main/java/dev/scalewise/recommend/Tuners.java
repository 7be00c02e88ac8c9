package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
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
        // Java 17 has no pattern switch; the sealed interface keeps this chain complete
        if (policy instanceof HpaPolicy p) {
            return new HpaTuner(p, model, Limits.of(opts, spec, model, train, 1));
        } else if (policy instanceof KedaPolicy p) {
            return new KedaTuner(p, model, Limits.of(opts, spec, model, train, 0));
        } else if (policy instanceof KpaPolicy p) {
            return new KpaTuner(p, model, Limits.of(opts, spec, model, train, 0));
        } else if (policy instanceof RayServePolicy p) {
            return new RayServeTuner(p, model, Limits.of(opts, spec, model, train, 0));
        } else if (policy instanceof ScheduledPolicy p) {
            int highestWindow = p.windows().stream().mapToInt(w -> w.replicas()).max().orElse(0);
            RecommendOptions o = opts.withMaxFloor(Math.max(opts.maxFloor(), highestWindow));
            return new BaseTuner(p, of(p.base(), model, spec, train, o), model);
        } else if (policy instanceof PredictivePolicy p) {
            return new BaseTuner(p, of(p.base(), model, spec, train, opts), model);
        }
        // AppAutoScalingPolicy: Recommender refuses it before searching
        throw new IllegalStateException("no tuner for " + policy.getClass().getSimpleName());
    }
}
