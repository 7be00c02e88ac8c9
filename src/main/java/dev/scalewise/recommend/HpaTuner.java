package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.ManifestField;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ScalingRules.ScalingPolicy;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import dev.scalewise.policy.UpstreamDefaults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HPA knobs: the first metric's target, minReplicas, both stabilization windows and, when the manifest
 * states exactly one scale-down policy, its value (the scale-down rate). A policy on the legacy path
 * (no {@code behavior}) gets a behavior only when a window moves off the legacy values (no scale-up
 * window, the downscale stabilization flag's): upstream's default behavior
 * ({@link UpstreamDefaults.Hpa}) then matches the legacy path.
 */
final class HpaTuner extends Tuner {
    static final double[] SCALE_UP_WINDOWS = {0, 30, 60, 120};
    static final double[] SCALE_DOWN_WINDOWS = {0, 60, 120, 180, 300, 600};
    static final double[] PERCENT_RATES = {10, 25, 50, 100};
    static final double[] POD_RATES = {1, 2, 4, 8};

    private final HpaPolicy hpa;
    private int upIndex = NONE;
    private int downIndex = NONE;
    private int rateIndex = NONE;

    HpaTuner(HpaPolicy hpa, ServiceModel model, Limits limits) {
        super(hpa, model, limits);
        this.hpa = hpa;
        MetricTarget first = hpa.metrics().get(0);
        Optional<ManifestField> target = hpa.meta().field("metrics[0].target");
        ValueFormat targetFormat = target.isPresent() && target.get().text() ? ValueFormat.INT_STRING
                : first.targetType() == TargetType.UTILIZATION ? ValueFormat.INT : ValueFormat.NUMBER;
        LintBounds lint = limits.lint;
        boolean utilization = first.targetType() == TargetType.UTILIZATION;
        addTarget(TargetScale.of(first, model), "target", target, first.target(), 1, targetFormat,
                v -> !utilization || LintBounds.utilizationInRange(v));
        // SW103 judges HPAs and InferenceServices; a Knative Service of class hpa is not a kind it reads
        boolean servingFloor = !kind(hpa).equals("Service");
        addMin(hpa.minReplicas(), m -> !servingFloor || !LintBounds.belowServingFloor(m));
        setMax(hpa.maxReplicas());
        maxAboveMin = kind(hpa).equals("HorizontalPodAutoscaler");
        if (hpa.meta().field("behavior.scaleUp.stabilizationWindowSeconds").isPresent()) {
            Optional<Behavior> b = hpa.behavior();
            upIndex = addSeconds("scaleUpStabilizationSeconds", "behavior.scaleUp.stabilizationWindowSeconds",
                    b.map(x -> x.scaleUp().stabilizationWindowSeconds()).orElse(UpstreamDefaults.Hpa.SCALE_UP_WINDOW_SECONDS),
                    SCALE_UP_WINDOWS, ValueFormat.INT, Knob.Headroom.LOWER);
            downIndex = addSeconds("scaleDownStabilizationSeconds", "behavior.scaleDown.stabilizationWindowSeconds",
                    b.map(x -> x.scaleDown().stabilizationWindowSeconds()).orElse(UpstreamDefaults.Hpa.SCALE_DOWN_WINDOW_SECONDS),
                    lint.holdsFrom(SCALE_DOWN_WINDOWS), ValueFormat.INT, Knob.Headroom.HIGHER);
            boolean statedSingle = b.isPresent() && b.get().scaleDown().policies().size() == 1
                    && !hpa.meta().defaulted().contains("behavior.scaleDown.policies");
            if (statedSingle) {
                ScalingPolicy only = b.get().scaleDown().policies().get(0);
                rateIndex = addSeconds("scaleDownRate", "behavior.scaleDown.policies[0].value", only.value(),
                        only.type() == ScalingPolicy.Type.PERCENT ? PERCENT_RATES : POD_RATES, ValueFormat.INT,
                        Knob.Headroom.LOWER);
            }
        }
    }

    private static String kind(HpaPolicy hpa) {
        return hpa.meta().sourceKind();
    }

    @Override
    PolicySpec apply(double[] v) {
        int min = min(v);
        List<MetricTarget> metrics = new ArrayList<>(hpa.metrics());
        if (targetIndex != NONE) {
            MetricTarget m = metrics.get(0);
            metrics.set(0, new MetricTarget(m.source(), m.metricName(), m.signal(), m.targetType(), v[targetIndex]));
        }
        return new HpaPolicy(hpa.meta(), min, maxFor(v), metrics, behavior(v), hpa.tolerance(), hpa.syncPeriodSeconds());
    }

    private Optional<Behavior> behavior(double[] v) {
        if (upIndex == NONE) {
            return hpa.behavior();
        }
        int up = (int) Math.round(v[upIndex]);
        int down = (int) Math.round(v[downIndex]);
        if (hpa.behavior().isEmpty() && up == UpstreamDefaults.Hpa.SCALE_UP_WINDOW_SECONDS
                && down == UpstreamDefaults.Hpa.SCALE_DOWN_WINDOW_SECONDS) {
            return Optional.empty();
        }
        ScalingRules upRules = hpa.behavior().map(Behavior::scaleUp)
                .orElse(new ScalingRules(0, SelectPolicy.MAX, UpstreamDefaults.Hpa.SCALE_UP_POLICIES, hpa.tolerance()));
        ScalingRules downRules = hpa.behavior().map(Behavior::scaleDown)
                .orElse(new ScalingRules(UpstreamDefaults.Hpa.SCALE_DOWN_WINDOW_SECONDS, SelectPolicy.MAX,
                        UpstreamDefaults.Hpa.SCALE_DOWN_POLICIES, hpa.tolerance()));
        List<ScalingPolicy> downPolicies = downRules.policies();
        if (rateIndex != NONE) {
            ScalingPolicy only = downPolicies.get(0);
            downPolicies = List.of(new ScalingPolicy(only.type(), (int) Math.round(v[rateIndex]), only.periodSeconds()));
        }
        return Optional.of(new Behavior(
                new ScalingRules(up, upRules.selectPolicy(), upRules.policies(), upRules.tolerance()),
                new ScalingRules(down, downRules.selectPolicy(), downPolicies, downRules.tolerance())));
    }
}
