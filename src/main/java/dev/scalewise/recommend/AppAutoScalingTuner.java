package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AppAutoScalingPolicy.StepScaling;
import dev.scalewise.policy.AppAutoScalingPolicy.TargetTracking;
import dev.scalewise.policy.PolicySpec;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS Application Auto Scaling knobs of one scalable target: the first target tracking policy's
 * TargetValue (its CloudWatch metric at the searched load per instance), MinCapacity, and that policy's
 * ScaleInCooldown and ScaleOutCooldown; MaxCapacity is derived like every maxReplicas; how many instances the
 * first step scaling policy's first scale-out step adds. The step policies' alarms and bounds are kept: they
 * encode what the user alarms on. Written back at the fields' places in the CloudFormation template,
 * Terraform JSON or describe output they were read from.
 */
final class AppAutoScalingTuner extends Tuner {
    static final double[] SCALE_IN_COOLDOWNS = {60, 120, 300, 600, 900};
    static final double[] SCALE_OUT_COOLDOWNS = {0, 60, 120, 300};
    /** Instances a step scaling policy's scale-out step adds (ChangeInCapacity). */
    static final double[] STEP_ADJUSTMENTS = {1, 2, 3, 4, 6, 8};
    private static final String FIRST = "targetTracking[0].";

    private final AppAutoScalingPolicy aws;
    private final int inIndex;
    private final int outIndex;
    /** The first step policy's first scale-out step that adds instances, and its knob ({@link #NONE} when none). */
    private final int stepIndex;
    private final int stepKnob;

    AppAutoScalingTuner(AppAutoScalingPolicy aws, ServiceModel model, Limits limits) {
        super(aws, model, limits);
        this.aws = aws;
        boolean tracking = !aws.targetTracking().isEmpty();
        if (tracking) {
            TargetTracking t = aws.targetTracking().get(0);
            addTarget(TargetScale.of(t.metric(), model), "targetValue", aws.meta().field(FIRST + "targetValue"),
                    t.targetValue(), 1, ValueFormat.NUMBER);
        }
        // SW502: no MinCapacity 0 on a latency-critical service; SW504: none without a way out of zero
        addMin(aws.minReplicas(), m -> m > 0 || !limits.lint.latencyCritical() && aws.scalesOutFromZero());
        setMax(aws.maxReplicas());
        boolean scalesIn = tracking && !aws.targetTracking().get(0).disableScaleIn();
        // SW501: a scale-in cooldown at least the startup
        inIndex = scalesIn ? addSeconds("scaleInCooldownSeconds", FIRST + "scaleInCooldownSeconds",
                aws.targetTracking().get(0).scaleInCooldownSeconds(), limits.lint.holdsFrom(SCALE_IN_COOLDOWNS),
                ValueFormat.INT, Knob.Headroom.HIGHER) : NONE;
        outIndex = tracking ? addSeconds("scaleOutCooldownSeconds", FIRST + "scaleOutCooldownSeconds",
                aws.targetTracking().get(0).scaleOutCooldownSeconds(), SCALE_OUT_COOLDOWNS, ValueFormat.INT,
                Knob.Headroom.LOWER) : NONE;
        stepIndex = firstScaleOutStep(aws);
        stepKnob = stepIndex < 0 ? NONE : addSeconds("stepScalingAdjustment", "stepScaling[0].steps[" + stepIndex
                        + "].scalingAdjustment", aws.stepScaling().get(0).steps().get(stepIndex).scalingAdjustment(),
                java.util.Arrays.stream(STEP_ADJUSTMENTS).filter(a -> a <= aws.maxReplicas()).toArray(), ValueFormat.INT,
                Knob.Headroom.HIGHER);
    }

    /**
     * The step the first step scaling policy takes first to add instances (a ChangeInCapacity step with a positive
     * adjustment, e.g. leaving zero on NoCapacityInvocationFailures): how many it adds is searched; -1 when none.
     */
    private static int firstScaleOutStep(AppAutoScalingPolicy aws) {
        if (aws.stepScaling().isEmpty()
                || aws.stepScaling().get(0).adjustmentType() != AppAutoScalingPolicy.AdjustmentType.CHANGE_IN_CAPACITY) {
            return -1;
        }
        List<AppAutoScalingPolicy.Step> steps = aws.stepScaling().get(0).steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).scalingAdjustment() > 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    PolicySpec apply(double[] v) {
        List<TargetTracking> tracking = new ArrayList<>(aws.targetTracking());
        if (!tracking.isEmpty()) {
            TargetTracking t = tracking.get(0);
            tracking.set(0, new TargetTracking(t.name(), t.metric(), valueAt(v, targetIndex, t.targetValue()),
                    t.disableScaleIn(), (int) Math.round(valueAt(v, outIndex, t.scaleOutCooldownSeconds())),
                    (int) Math.round(valueAt(v, inIndex, t.scaleInCooldownSeconds())), t.outDatapoints(),
                    t.inDatapoints(), t.inThresholdRatio()));
        }
        List<StepScaling> steps = new ArrayList<>(aws.stepScaling());
        if (stepKnob != NONE) {
            // every alarm of the first step policy invokes the same steps
            String name = steps.get(0).name();
            int adjustment = (int) Math.round(v[stepKnob]);
            for (int i = 0; i < steps.size(); i++) {
                StepScaling s = steps.get(i);
                if (s.name().equals(name)) {
                    List<AppAutoScalingPolicy.Step> moved = new ArrayList<>(s.steps());
                    AppAutoScalingPolicy.Step old = moved.get(stepIndex);
                    moved.set(stepIndex, new AppAutoScalingPolicy.Step(old.lowerBound(), old.upperBound(), adjustment));
                    steps.set(i, new StepScaling(s.name(), s.alarm(), s.adjustmentType(), moved, s.cooldownSeconds(),
                            s.minAdjustmentMagnitude(), s.metricAggregation()));
                }
            }
        }
        return new AppAutoScalingPolicy(aws.meta(), min(v), maxFor(v), aws.serviceNamespace(), aws.resourceId(),
                aws.scalableDimension(), tracking, steps);
    }
}
