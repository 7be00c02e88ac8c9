package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.KedaPolicy;
import dev.scalewise.policy.KedaPolicy.Trigger;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import dev.scalewise.policy.UpstreamDefaults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KEDA ScaledObject knobs: the first trigger's threshold (a string in the trigger's metadata),
 * minReplicaCount (0 allowed unless the floor forbids it), cooldownPeriod (the wait before 1 -> 0) and
 * the owned HPA's scale-down stabilization window. KServe InferenceServices of class keda expose only
 * min/max in the predictor. An Azure Container App is the KEDA policy Container Apps runs: its HTTP rule's
 * concurrentRequests, minReplicas and cooldownPeriod are searched (its behavior is Microsoft's, fixed).
 */
final class KedaTuner extends Tuner {
    static final double[] COOLDOWNS = {60, 120, 300, 600};

    private final KedaPolicy keda;
    private final int cooldownIndex;
    private final int downIndex;

    KedaTuner(KedaPolicy keda, ServiceModel model, Limits limits) {
        super(keda, model, limits);
        this.keda = keda;
        // an Azure Container Apps HTTP rule counts whole requests (concurrentRequests: '10')
        boolean http = keda.triggers().get(0).type().equals("http");
        addTarget(TargetScale.of(keda.triggers().get(0).metric(), model), "threshold",
                keda.meta().field("triggers[0].metric.target"), keda.triggers().get(0).metric().target(), 1,
                http ? ValueFormat.INT_STRING : ValueFormat.NUMBER_STRING);
        // SW103: 0 (scale to zero) or at least the serving floor
        addMin(keda.minReplicas(), m -> !LintBounds.belowServingFloor(m));
        setMax(keda.maxReplicas());
        cooldownIndex = addSeconds("cooldownPeriodSeconds", "cooldownPeriodSeconds", keda.cooldownPeriodSeconds(),
                COOLDOWNS, ValueFormat.INT, Knob.Headroom.HIGHER);
        downIndex = addSeconds("scaleDownStabilizationSeconds", "behavior.scaleDown.stabilizationWindowSeconds",
                keda.behavior().map(b -> b.scaleDown().stabilizationWindowSeconds())
                        .orElse(UpstreamDefaults.Hpa.SCALE_DOWN_WINDOW_SECONDS),
                limits.lint.holdsFrom(HpaTuner.SCALE_DOWN_WINDOWS), ValueFormat.INT, Knob.Headroom.HIGHER);
    }

    /**
     * SW203: a cooldownPeriod without behavior is flagged, so a changed cooldown on a ScaledObject without
     * behavior comes with a changed scale-down window (which writes the behavior).
     */
    @Override
    boolean lintAccepts(double[] v) {
        return cooldownIndex == NONE || keda.behavior().isPresent() || !changes(v, cooldownIndex)
                || (downIndex != NONE && changes(v, downIndex));
    }

    @Override
    PolicySpec apply(double[] v) {
        List<Trigger> triggers = new ArrayList<>(keda.triggers());
        if (targetIndex != NONE) {
            Trigger t = triggers.get(0);
            MetricTarget m = t.metric();
            triggers.set(0, new Trigger(t.type(), new MetricTarget(m.source(), m.metricName(), m.signal(), m.targetType(),
                    v[targetIndex]), t.activationThreshold(), t.query()));
        }
        int cooldown = cooldownIndex == NONE ? keda.cooldownPeriodSeconds() : (int) Math.round(v[cooldownIndex]);
        return new KedaPolicy(keda.meta(), min(v), maxFor(v), keda.pollingIntervalSeconds(), cooldown,
                keda.initialCooldownPeriodSeconds(), keda.idleReplicaCount(), keda.fallback(), triggers, behavior(v),
                keda.containerApp());
    }

    private Optional<Behavior> behavior(double[] v) {
        if (downIndex == NONE) {
            return keda.behavior();
        }
        int down = (int) Math.round(v[downIndex]);
        if (keda.behavior().isEmpty() && down == UpstreamDefaults.Hpa.SCALE_DOWN_WINDOW_SECONDS) {
            return Optional.empty();
        }
        ScalingRules up = keda.behavior().map(Behavior::scaleUp)
                .orElse(new ScalingRules(0, SelectPolicy.MAX, UpstreamDefaults.Hpa.SCALE_UP_POLICIES,
                        UpstreamDefaults.Hpa.TOLERANCE));
        ScalingRules d = keda.behavior().map(Behavior::scaleDown)
                .orElse(new ScalingRules(down, SelectPolicy.MAX, UpstreamDefaults.Hpa.SCALE_DOWN_POLICIES,
                        UpstreamDefaults.Hpa.TOLERANCE));
        return Optional.of(new Behavior(up, new ScalingRules(down, d.selectPolicy(), d.policies(), d.tolerance())));
    }
}
