package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ScalingRules.ScalingPolicy;
import dev.scalewise.policy.ScalingRules.SelectPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HPA knobs: the first metric's target, minReplicas, both stabilization windows and, when the manifest
 * states exactly one scale-down policy, its value (the scale-down rate). A policy on the legacy path
 * (no {@code behavior}) gets a behavior only when a window moves off the legacy values (scale-up 0 s,
 * scale-down 300 s): upstream's default behavior then matches the legacy path (scale-up max(4 pods,
 * 100 %) per 15 s; {@code pkg/apis/autoscaling/v2/defaults.go}).
 */
final class HpaTuner extends Tuner {
    static final double[] SCALE_UP_WINDOWS = {0, 30, 60, 120};
    static final double[] SCALE_DOWN_WINDOWS = {0, 60, 120, 180, 300, 600};
    static final double[] PERCENT_RATES = {10, 25, 50, 100};
    static final double[] POD_RATES = {1, 2, 4, 8};
    /** Legacy path: no scale-up window, --horizontal-pod-autoscaler-downscale-stabilization 5m. */
    static final int LEGACY_UP_WINDOW = 0;
    static final int LEGACY_DOWN_WINDOW = 300;
    /** Defaults of each direction (defaults.go GenerateHPAScaleUpRules / GenerateHPAScaleDownRules). */
    static final List<ScalingPolicy> DEFAULT_UP = List.of(new ScalingPolicy(ScalingPolicy.Type.PODS, 4, 15),
            new ScalingPolicy(ScalingPolicy.Type.PERCENT, 100, 15));
    static final List<ScalingPolicy> DEFAULT_DOWN = List.of(new ScalingPolicy(ScalingPolicy.Type.PERCENT, 100, 15));

    private final HpaPolicy hpa;
    private int upIndex = NONE;
    private int downIndex = NONE;
    private int rateIndex = NONE;

    HpaTuner(HpaPolicy hpa, ServiceModel model, Limits limits) {
        super(hpa, model, limits);
        this.hpa = hpa;
        Paths p = Paths.of(hpa);
        MetricTarget first = hpa.metrics().get(0);
        ValueFormat targetFormat = first.targetType() == TargetType.UTILIZATION ? ValueFormat.INT : ValueFormat.NUMBER;
        LintBounds lint = limits.lint;
        boolean utilization = first.targetType() == TargetType.UTILIZATION;
        addTarget(TargetScale.of(first, model), "target", p.target, List.of(), first.target(), 1,
                p.annotations ? ValueFormat.INT_STRING : targetFormat,
                v -> !utilization || LintBounds.utilizationInRange(v));
        // SW103 judges HPAs and InferenceServices; a Knative Service of class hpa is not a kind it reads
        boolean servingFloor = !kind(hpa).equals("Service");
        addMin(p.min, p.minAliases, hpa.minReplicas(), p.annotations ? ValueFormat.INT_STRING : ValueFormat.INT,
                m -> !servingFloor || !LintBounds.belowServingFloor(m));
        setMax(p.max, p.maxAliases, hpa.maxReplicas(), p.annotations ? ValueFormat.INT_STRING : ValueFormat.INT);
        maxAboveMin = kind(hpa).equals("HorizontalPodAutoscaler");
        if (!p.behavior.isEmpty()) {
            Optional<Behavior> b = hpa.behavior();
            upIndex = addSeconds("scaleUpStabilizationSeconds", p.behavior + ".scaleUp.stabilizationWindowSeconds",
                    List.of(), b.map(x -> x.scaleUp().stabilizationWindowSeconds()).orElse(LEGACY_UP_WINDOW),
                    SCALE_UP_WINDOWS, ValueFormat.INT, Knob.Headroom.LOWER);
            downIndex = addSeconds("scaleDownStabilizationSeconds", p.behavior + ".scaleDown.stabilizationWindowSeconds",
                    List.of(), b.map(x -> x.scaleDown().stabilizationWindowSeconds()).orElse(LEGACY_DOWN_WINDOW),
                    lint.holdsFrom(SCALE_DOWN_WINDOWS), ValueFormat.INT, Knob.Headroom.HIGHER);
            boolean statedSingle = b.isPresent() && b.get().scaleDown().policies().size() == 1
                    && !hpa.meta().defaulted().contains("behavior.scaleDown.policies");
            if (statedSingle) {
                ScalingPolicy only = b.get().scaleDown().policies().get(0);
                rateIndex = addSeconds("scaleDownRate", p.behavior + ".scaleDown.policies[0].value", List.of(),
                        only.value(), only.type() == ScalingPolicy.Type.PERCENT ? PERCENT_RATES : POD_RATES,
                        ValueFormat.INT, Knob.Headroom.LOWER);
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
        if (hpa.behavior().isEmpty() && up == LEGACY_UP_WINDOW && down == LEGACY_DOWN_WINDOW) {
            return Optional.empty();
        }
        ScalingRules upRules = hpa.behavior().map(Behavior::scaleUp)
                .orElse(new ScalingRules(0, SelectPolicy.MAX, DEFAULT_UP, hpa.tolerance()));
        ScalingRules downRules = hpa.behavior().map(Behavior::scaleDown)
                .orElse(new ScalingRules(LEGACY_DOWN_WINDOW, SelectPolicy.MAX, DEFAULT_DOWN, hpa.tolerance()));
        List<ScalingPolicy> downPolicies = downRules.policies();
        if (rateIndex != NONE) {
            ScalingPolicy only = downPolicies.get(0);
            downPolicies = List.of(new ScalingPolicy(only.type(), (int) Math.round(v[rateIndex]), only.periodSeconds()));
        }
        return Optional.of(new Behavior(
                new ScalingRules(up, upRules.selectPolicy(), upRules.policies(), upRules.tolerance()),
                new ScalingRules(down, downRules.selectPolicy(), downPolicies, downRules.tolerance())));
    }

    /** Where an HPA's knobs live, by the manifest it came from ("" = not editable there). */
    record Paths(String min, List<String> minAliases, String max, List<String> maxAliases, String target,
                 String behavior, boolean annotations) {
        static Paths of(HpaPolicy hpa) {
            String kind = hpa.meta().sourceKind();
            MetricTarget first = hpa.metrics().get(0);
            switch (kind) {
                case "HorizontalPodAutoscaler" -> {
                    boolean explicitMetrics = !hpa.meta().defaulted().contains("metrics");
                    boolean v2 = !hpa.meta().apiVersion().endsWith("v2beta1");
                    String target = explicitMetrics && v2 ? "spec.metrics[0]." + sourceField(first.source()) + ".target."
                            + targetField(first.targetType()) : "";
                    return new Paths("spec.minReplicas", List.of(), "spec.maxReplicas", List.of(), target,
                            v2 ? "spec.behavior" : "", false);
                }
                case "InferenceService" -> {
                    return new Paths("spec.predictor.minReplicas", List.of(), "spec.predictor.maxReplicas", List.of(),
                            "", "spec.predictor.autoScaling.behavior", false);
                }
                case "Service" -> {
                    String a = KpaTuner.KNATIVE_ANNOTATIONS;
                    return new Paths(a + "[\"autoscaling.knative.dev/min-scale\"]",
                            List.of(a + "[\"autoscaling.knative.dev/minScale\"]"),
                            a + "[\"autoscaling.knative.dev/max-scale\"]",
                            List.of(a + "[\"autoscaling.knative.dev/maxScale\"]"),
                            a + "[\"autoscaling.knative.dev/target\"]", "", true);
                }
                default -> {
                    return new Paths("", List.of(), "", List.of(), "", "", false);
                }
            }
        }

        /** The v2 field holding a source's body: resource, containerResource, pods, object, external. */
        static String sourceField(MetricSource s) {
            return s == MetricSource.CONTAINER_RESOURCE ? "containerResource" : s.name().toLowerCase(java.util.Locale.ROOT);
        }

        static String targetField(TargetType t) {
            return switch (t) {
                case UTILIZATION -> "averageUtilization";
                case AVERAGE_VALUE -> "averageValue";
                case VALUE -> "value";
            };
        }
    }
}
