package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.PolicyMeta;
import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ScalingRules.ScalingPolicy;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import dev.scalewise.policy.Signal;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.sim.MetricsView;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builders shared by the autoscaler tests. */
final class Fixtures {
    private Fixtures() {
    }

    static PolicyMeta meta(String name) {
        return new PolicyMeta(name, "Test", "test/v1", "svc", SourceLocation.unknown("test.yaml"), Set.of());
    }

    /** A mutable metrics view: set a signal, read it back. */
    static final class Metrics implements MetricsView {
        private final double[] values = new double[Signal.values().length];

        Metrics() {
            java.util.Arrays.fill(values, Double.NaN);
        }

        Metrics set(Signal s, double v) {
            values[s.ordinal()] = v;
            return this;
        }

        @Override
        public double value(Signal signal) {
            return values[signal.ordinal()];
        }
    }

    static MetricTarget cpuUtilization(double percent) {
        return new MetricTarget(MetricSource.RESOURCE, "cpu", Signal.CPU_UTIL, TargetType.UTILIZATION, percent);
    }

    static MetricTarget rpsAverageValue(double perPod) {
        return new MetricTarget(MetricSource.EXTERNAL, "rps", Signal.RPS, TargetType.AVERAGE_VALUE, perPod);
    }

    static ScalingPolicy pods(int value, int period) {
        return new ScalingPolicy(ScalingPolicy.Type.PODS, value, period);
    }

    static ScalingPolicy percent(int value, int period) {
        return new ScalingPolicy(ScalingPolicy.Type.PERCENT, value, period);
    }

    static ScalingRules rules(int window, SelectPolicy select, ScalingPolicy... policies) {
        return new ScalingRules(window, select, List.of(policies), 0.1);
    }

    /** The API server's defaults (autoscaling/v2 GenerateHPAScaleUpRules / GenerateHPAScaleDownRules). */
    static ScalingRules defaultScaleUp() {
        return rules(0, SelectPolicy.MAX, pods(4, 15), percent(100, 15));
    }

    static ScalingRules defaultScaleDown() {
        return rules(300, SelectPolicy.MAX, percent(100, 15));
    }

    static Behavior defaultBehavior() {
        return new Behavior(defaultScaleUp(), defaultScaleDown());
    }

    static HpaPolicy hpa(int min, int max, Optional<Behavior> behavior, MetricTarget... metrics) {
        return new HpaPolicy(meta("hpa"), min, max, List.of(metrics), behavior, 0.1, 15);
    }
}
