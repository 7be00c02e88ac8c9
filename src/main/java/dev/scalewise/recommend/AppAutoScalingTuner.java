package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AppAutoScalingPolicy.TargetTracking;
import dev.scalewise.policy.PolicySpec;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS Application Auto Scaling knobs of one scalable target: the first target tracking policy's
 * TargetValue (its CloudWatch metric at the searched load per instance), MinCapacity, and that policy's
 * ScaleInCooldown and ScaleOutCooldown; MaxCapacity is derived like every maxReplicas. Step scaling
 * policies and their alarms are kept: they encode what the user alarms on. Written back at the fields'
 * places in the CloudFormation template, Terraform JSON or describe output they were read from.
 */
final class AppAutoScalingTuner extends Tuner {
    static final double[] SCALE_IN_COOLDOWNS = {60, 120, 300, 600, 900};
    static final double[] SCALE_OUT_COOLDOWNS = {0, 60, 120, 300};
    private static final String FIRST = "targetTracking[0].";

    private final AppAutoScalingPolicy aws;
    private final int inIndex;
    private final int outIndex;

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
        return new AppAutoScalingPolicy(aws.meta(), min(v), maxFor(v), aws.serviceNamespace(), aws.resourceId(),
                aws.scalableDimension(), tracking, aws.stepScaling());
    }
}
