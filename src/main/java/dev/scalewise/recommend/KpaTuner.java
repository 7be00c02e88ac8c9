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
        boolean isvc = kpa.meta().sourceKind().equals("InferenceService");
        // SW301: a concurrency target above containerConcurrency is one no pod can report
        int cc = kpa.metric() == KpaPolicy.Metric.CONCURRENCY ? kpa.containerConcurrency() : 0;
        addTarget(scale, "target", target, kpa.target(), kpa.targetUtilization(),
                target.isPresent() && target.get().text() ? ValueFormat.NUMBER_STRING : ValueFormat.INT,
                t -> cc <= 0 || t <= cc);
        // SW302: no scale to zero when a cold start outlasts the SLO threshold; SW103 on an InferenceService
        boolean coldStartOverSlo = limits.lint.coldStartOverSlo();
        addMin(kpa.minReplicas(), m -> !(m == 0 && coldStartOverSlo) && !(isvc && LintBounds.belowServingFloor(m)));
        setMax(kpa.maxReplicas());
        windowIndex = addSeconds("stableWindowSeconds", "stableWindowSeconds", kpa.stableWindowSeconds(), WINDOWS,
                ValueFormat.DURATION_STRING, Knob.Headroom.NEITHER);
        delayIndex = addSeconds("scaleDownDelaySeconds", "scaleDownDelaySeconds", kpa.scaleDownDelaySeconds(), DELAYS,
                ValueFormat.DURATION_STRING, Knob.Headroom.HIGHER);
    }

    /** SW303: when the window or the delay changes, the longer of the two holds capacity for a startup. */
    @Override
    boolean lintAccepts(double[] v) {
        boolean changed = (windowIndex != NONE && changes(v, windowIndex)) || (delayIndex != NONE && changes(v, delayIndex));
        return !changed || Math.max(valueAt(v, windowIndex, kpa.stableWindowSeconds()),
                valueAt(v, delayIndex, kpa.scaleDownDelaySeconds())) >= limits.lint.holdSeconds();
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
