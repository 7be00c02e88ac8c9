package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.PredictivePolicy;
import dev.scalewise.policy.ScheduledPolicy;

/**
 * Scheduled and predictive policies: the search tunes their reactive base policy (its knobs, its
 * manifest), replayed under the unchanged schedule or forecast. The windows and forecast settings are
 * kept: they encode knowledge (release times, seasonality) the history may not show.
 */
final class BaseTuner extends Tuner {
    private final Tuner base;

    BaseTuner(PolicySpec wrapper, Tuner base, ServiceModel model) {
        super(wrapper, model, base.limits);
        this.base = base;
        knobs.addAll(base.knobs);
        maxKnob = base.maxKnob;
        scale = base.scale;
        targetDivisor = base.targetDivisor;
        targetIndex = base.targetIndex;
        minIndex = base.minIndex;
        maxAboveMin = base.maxAboveMin;
    }

    @Override
    boolean lintAccepts(double[] v) {
        return base.lintAccepts(v);
    }

    @Override
    PolicySpec apply(double[] v) {
        PolicySpec b = base.apply(v);
        return switch (current.kind()) {
            case SCHEDULED -> {
                ScheduledPolicy s = (ScheduledPolicy) current;
                yield new ScheduledPolicy(s.meta(), b, s.timeZone(), s.windows());
            }
            case PREDICTIVE -> {
                PredictivePolicy p = (PredictivePolicy) current;
                yield new PredictivePolicy(p.meta(), b, p.targetRpsPerReplica(), p.leadSeconds(), p.seasonality(),
                        p.headroom(), p.historyDays());
            }
            case HPA, KEDA, KPA, RAY_SERVE, APP_AUTO_SCALING, CLOUD_RUN ->
                    throw new IllegalStateException(current.kind() + " wraps no base policy");
        };
    }

    @Override
    String manifestKind() {
        return base.manifestKind();
    }

    @Override
    String manifestFile() {
        return base.manifestFile();
    }

    @Override
    String manifestName() {
        return base.manifestName();
    }
}
