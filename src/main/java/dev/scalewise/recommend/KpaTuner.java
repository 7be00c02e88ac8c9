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
        addTarget(scale, "target", isvc ? "spec.predictor.scaleTarget" : key(ann, "target"), List.of(), kpa.target(),
                kpa.targetUtilization(), isvc ? ValueFormat.INT : ValueFormat.NUMBER_STRING);
        addMin(isvc ? "spec.predictor.minReplicas" : key(ann, "min-scale"), isvc ? List.of() : List.of(key(ann, "minScale")),
                kpa.minReplicas(), isvc ? ValueFormat.INT : ValueFormat.INT_STRING);
        setMax(isvc ? "spec.predictor.maxReplicas" : key(ann, "max-scale"), isvc ? List.of() : List.of(key(ann, "maxScale")),
                kpa.maxReplicas(), isvc ? ValueFormat.INT : ValueFormat.INT_STRING);
        addSeconds("stableWindowSeconds", key(ann, "window"), List.of(), kpa.stableWindowSeconds(), WINDOWS,
                ValueFormat.DURATION_STRING);
        windowIndex = knobs.size() - 1;
        addSeconds("scaleDownDelaySeconds", key(ann, "scale-down-delay"), List.of(), kpa.scaleDownDelaySeconds(), DELAYS,
                ValueFormat.DURATION_STRING);
        delayIndex = knobs.size() - 1;
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
