package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.KpaPolicy;
import dev.scalewise.policy.ManifestField;
import dev.scalewise.policy.PolicySpec;

import java.util.Optional;

/**
 * Knative KPA knobs: the soft target (per-replica concurrency or rps before target utilization, so the
 * searched load is target x utilization), min-scale / max-scale, the stable window and scale-down-delay.
 * All are revision annotations (strings) on a Knative Service; a KServe InferenceService keeps min, max
 * and target in its predictor and the rest in its own annotations.
 */
final class KpaTuner extends Tuner {
    static final double[] WINDOWS = {30, 60, 120, 300, 600};
    static final double[] DELAYS = {0, 60, 300, 600};

    private final KpaPolicy kpa;
    private final int windowIndex;
    private final int delayIndex;

    KpaTuner(KpaPolicy kpa, ServiceModel model, Limits limits) {
        super(kpa, model, limits);
        this.kpa = kpa;
        var scale = kpa.metric() == KpaPolicy.Metric.CONCURRENCY ? TargetScale.concurrency(model) : TargetScale.rps(model);
        Optional<ManifestField> target = kpa.meta().field("target");
        addTarget(scale, "target", target, kpa.target(), kpa.targetUtilization(),
                target.isPresent() && target.get().text() ? ValueFormat.NUMBER_STRING : ValueFormat.INT);
        addMin(kpa.minReplicas());
        setMax(kpa.maxReplicas());
        windowIndex = addSeconds("stableWindowSeconds", "stableWindowSeconds", kpa.stableWindowSeconds(), WINDOWS,
                ValueFormat.DURATION_STRING);
        delayIndex = addSeconds("scaleDownDelaySeconds", "scaleDownDelaySeconds", kpa.scaleDownDelaySeconds(), DELAYS,
                ValueFormat.DURATION_STRING);
    }

    @Override
    PolicySpec apply(double[] v) {
        KpaPolicy k = kpa;
        return new KpaPolicy(k.meta(), min(v), maxFor(v), k.metric(), targetIndex == NONE ? k.target() : v[targetIndex],
                k.targetUtilization(), k.containerConcurrency(), (int) Math.round(valueAt(v, windowIndex, k.stableWindowSeconds())),
                k.panicWindowPercentage(), k.panicThresholdPercentage(), k.maxScaleUpRate(), k.maxScaleDownRate(),
                (int) Math.round(valueAt(v, delayIndex, k.scaleDownDelaySeconds())),
                k.scaleToZeroGracePeriodSeconds(), k.initialScale(), k.activationScale(), k.tickSeconds());
    }
}
