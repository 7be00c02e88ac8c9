package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.KpaPolicy;
import dev.scalewise.policy.PolicySpec;

import java.util.List;

/**
 * Knative KPA knobs: the soft target (per-replica concurrency or rps before target utilization, so the
 * searched load is target x utilization), min-scale / max-scale, the stable window and scale-down-delay.
 * All are revision annotations (strings) on a Knative Service; a KServe InferenceService keeps min, max
 * and target in its predictor and the rest in its own annotations.
 */
final class KpaTuner extends Tuner {
    static final String KNATIVE_ANNOTATIONS = "spec.template.metadata.annotations";
    static final double[] WINDOWS = {30, 60, 120, 300, 600};
    static final double[] DELAYS = {0, 60, 300, 600};

    private final KpaPolicy kpa;
    private int windowIndex = NONE;
    private int delayIndex = NONE;

    KpaTuner(KpaPolicy kpa, ServiceModel model, Limits limits) {
        super(kpa, model, limits);
        this.kpa = kpa;
        boolean isvc = kpa.meta().sourceKind().equals("InferenceService");
        String ann = isvc ? "metadata.annotations" : KNATIVE_ANNOTATIONS;
        var scale = kpa.metric() == KpaPolicy.Metric.CONCURRENCY ? TargetScale.concurrency(model) : TargetScale.rps(model);
        // SW301: a concurrency target above containerConcurrency is one no pod can report
        int cc = kpa.metric() == KpaPolicy.Metric.CONCURRENCY ? kpa.containerConcurrency() : 0;
        addTarget(scale, "target", isvc ? "spec.predictor.scaleTarget" : key(ann, "target"), List.of(), kpa.target(),
                kpa.targetUtilization(), isvc ? ValueFormat.INT : ValueFormat.NUMBER_STRING, t -> cc <= 0 || t <= cc);
        // SW302: no scale to zero when a cold start outlasts the SLO threshold; SW103 on an InferenceService
        boolean coldStartOverSlo = limits.lint.coldStartOverSlo();
        addMin(isvc ? "spec.predictor.minReplicas" : key(ann, "min-scale"), isvc ? List.of() : List.of(key(ann, "minScale")),
                kpa.minReplicas(), isvc ? ValueFormat.INT : ValueFormat.INT_STRING,
                m -> !(m == 0 && coldStartOverSlo) && !(isvc && LintBounds.belowServingFloor(m)));
        setMax(isvc ? "spec.predictor.maxReplicas" : key(ann, "max-scale"), isvc ? List.of() : List.of(key(ann, "maxScale")),
                kpa.maxReplicas(), isvc ? ValueFormat.INT : ValueFormat.INT_STRING);
        windowIndex = addSeconds("stableWindowSeconds", key(ann, "window"), List.of(), kpa.stableWindowSeconds(), WINDOWS,
                ValueFormat.DURATION_STRING, Knob.Headroom.NEITHER);
        delayIndex = addSeconds("scaleDownDelaySeconds", key(ann, "scale-down-delay"), List.of(), kpa.scaleDownDelaySeconds(),
                DELAYS, ValueFormat.DURATION_STRING, Knob.Headroom.HIGHER);
    }

    /** SW303: when the window or the delay changes, the longer of the two holds capacity for a startup. */
    @Override
    boolean lintAccepts(double[] v) {
        boolean changed = changes(v, windowIndex) || changes(v, delayIndex);
        return !changed || Math.max(v[windowIndex], v[delayIndex]) >= limits.lint.holdSeconds();
    }

    static String key(String annotations, String name) {
        return annotations + "[\"autoscaling.knative.dev/" + name + "\"]";
    }

    @Override
    PolicySpec apply(double[] v) {
        KpaPolicy k = kpa;
        return new KpaPolicy(k.meta(), min(v), maxFor(v), k.metric(), targetIndex == NONE ? k.target() : v[targetIndex],
                k.targetUtilization(), k.containerConcurrency(), (int) Math.round(v[windowIndex]), k.panicWindowPercentage(),
                k.panicThresholdPercentage(), k.maxScaleUpRate(), k.maxScaleDownRate(), (int) Math.round(v[delayIndex]),
                k.scaleToZeroGracePeriodSeconds(), k.initialScale(), k.activationScale(), k.tickSeconds());
    }
}
