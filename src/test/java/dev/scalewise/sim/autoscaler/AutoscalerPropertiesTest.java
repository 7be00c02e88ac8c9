package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.KedaPolicy;
import dev.scalewise.policy.KpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.PredictivePolicy;
import dev.scalewise.policy.RayServePolicy;
import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import dev.scalewise.policy.ScheduledPolicy;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;

import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static dev.scalewise.sim.autoscaler.Fixtures.percent;
import static dev.scalewise.sim.autoscaler.Fixtures.pods;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property: whatever the signals (spikes, zeros, unknown values) and however slowly pods become ready,
 * every controller's answer stays within the policy's [minReplicas, maxReplicas]. Seeded, so a failure
 * names its seed and replays.
 */
class AutoscalerPropertiesTest {
    private static final Signal[] SIGNALS = Signal.values();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void alwaysWithinBounds(long seed) {
        Random rnd = new Random(seed);
        for (int kind = 0; kind < 6; kind++) {
            PolicySpec policy = randomPolicy(rnd, kind);
            Autoscaler a = Autoscalers.create(policy, new ReplayContext(Instant.parse("2026-11-30T00:00:00Z"), 90));
            run(rnd, policy, a, seed);
        }
    }

    private static void run(Random rnd, PolicySpec policy, Autoscaler a, long seed) {
        Fixtures.Metrics m = new Fixtures.Metrics();
        int current = policy.minReplicas() + rnd.nextInt(policy.maxReplicas() - policy.minReplicas() + 1);
        int ready = current;
        double level = rnd.nextDouble() * 5;
        for (int step = 0; step < 3000; step++) {
            long now = (long) step * a.periodSeconds();
            if (rnd.nextInt(50) == 0) {
                level = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * 10; // regime change, sometimes idle
            }
            for (Signal s : SIGNALS) {
                double v = rnd.nextInt(200) == 0 ? Double.NaN : level * (0.5 + rnd.nextDouble());
                m.set(s, s.perReplica() && ready == 0 ? Double.NaN : (s == Signal.RPS ? v * 20 : v));
            }
            int out = a.decide(now, current, ready, m);
            if (out < policy.minReplicas() || out > policy.maxReplicas()) {
                fail(policy.getClass().getSimpleName() + " seed " + seed + " step " + step + ": " + out
                        + " outside [" + policy.minReplicas() + ", " + policy.maxReplicas() + "] from current "
                        + current + ", ready " + ready);
            }
            current = out;
            ready = Math.min(current, ready + rnd.nextInt(3)); // pods become ready slowly
        }
    }

    static PolicySpec randomPolicy(Random rnd, int kind) {
        int min = rnd.nextInt(3);
        int max = min + 1 + rnd.nextInt(40);
        return switch (kind) {
            case 0 -> randomHpa(rnd, Math.max(1, min), max);
            case 1 -> new KedaPolicy(meta("keda"), min, max, 15 + 15 * rnd.nextInt(3), 60 + rnd.nextInt(400),
                    rnd.nextInt(120), OptionalInt.empty(), Optional.empty(),
                    List.of(new KedaPolicy.Trigger("prometheus", randomMetric(rnd), rnd.nextDouble(), "q")),
                    rnd.nextBoolean() ? Optional.empty() : Optional.of(randomBehavior(rnd)));
            case 2 -> new KpaPolicy(meta("kpa"), min, max, rnd.nextBoolean() ? KpaPolicy.Metric.RPS : KpaPolicy.Metric.CONCURRENCY,
                    1 + rnd.nextInt(20), 0.5 + rnd.nextDouble() / 2, 0, 6 + rnd.nextInt(120), 10, 200,
                    1.5 + rnd.nextInt(1000), 1.5 + rnd.nextInt(4), rnd.nextInt(3) * 60, 30, 1, 1 + rnd.nextInt(3), 2);
            case 3 -> new RayServePolicy(meta("ray"), min, max, min, 1 + rnd.nextInt(5), rnd.nextInt(60),
                    rnd.nextInt(600), rnd.nextBoolean() ? OptionalDouble.empty() : OptionalDouble.of(rnd.nextInt(600)),
                    0.5 + rnd.nextDouble(), 0.2 + rnd.nextDouble(), 10, 30, 5);
            case 4 -> new ScheduledPolicy(meta("sched"), randomHpa(rnd, Math.max(1, min), max), ZoneId.of("America/New_York"),
                    List.of(new ScheduledPolicy.Window("w", "*/7 * * * *", 60 + rnd.nextInt(600),
                            Math.max(1, min) + rnd.nextInt(max - Math.max(1, min) + 1),
                            rnd.nextBoolean() ? ScheduledPolicy.Window.Mode.MIN : ScheduledPolicy.Window.Mode.SET)));
            default -> new PredictivePolicy(meta("pred"), randomHpa(rnd, Math.max(1, min), max), 1 + rnd.nextInt(20),
                    300, PredictivePolicy.Seasonality.DAILY_AND_WEEKLY, rnd.nextDouble() / 2, 7);
        };
    }

    static HpaPolicy randomHpa(Random rnd, int min, int max) {
        List<MetricTarget> metrics = new ArrayList<>();
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            metrics.add(randomMetric(rnd));
        }
        Optional<Behavior> behavior = rnd.nextBoolean() ? Optional.empty() : Optional.of(randomBehavior(rnd));
        return new HpaPolicy(meta("hpa"), min, max, metrics, behavior, 0.1, 15);
    }

    static MetricTarget randomMetric(Random rnd) {
        Signal s = SIGNALS[rnd.nextInt(SIGNALS.length)];
        TargetType type = TargetType.values()[rnd.nextInt(3)];
        double target = type == TargetType.UTILIZATION ? 20 + rnd.nextInt(70) : 0.5 + rnd.nextDouble() * 20;
        return new MetricTarget(MetricSource.values()[rnd.nextInt(5)], s.id(), s, type, target);
    }

    static Behavior randomBehavior(Random rnd) {
        return new Behavior(randomRules(rnd, 0), randomRules(rnd, 300));
    }

    static ScalingRules randomRules(Random rnd, int window) {
        SelectPolicy select = SelectPolicy.values()[rnd.nextInt(3)];
        return new ScalingRules(rnd.nextInt(2) * window + rnd.nextInt(60), select,
                List.of(pods(1 + rnd.nextInt(5), 15 + rnd.nextInt(120)), percent(10 + rnd.nextInt(200), 15 + rnd.nextInt(120))),
                rnd.nextDouble() / 5);
    }
}
