package dev.scalewise.sim;

import dev.scalewise.policy.Signal;

import java.util.SplittableRandom;
import java.util.function.LongToIntFunction;

/** Trivial controllers for replay tests: their decisions are worked out by hand in each test. */
final class TestAutoscalers {
    private TestAutoscalers() {
    }

    /** Asks for {@code replicas(t)} every {@code period} seconds, whatever the metrics say. */
    static Autoscaler schedule(int period, LongToIntFunction replicas) {
        return new Autoscaler() {
            @Override
            public int periodSeconds() {
                return period;
            }

            @Override
            public int decide(long now, int current, int ready, MetricsView metrics) {
                return replicas.applyAsInt(now);
            }
        };
    }

    static Autoscaler always(int replicas) {
        return schedule(15, t -> replicas);
    }

    /** One replica while there is demand or a queue, none otherwise (a scale-from-zero controller). */
    static Autoscaler oneWhileBusy() {
        return new Autoscaler() {
            @Override
            public int periodSeconds() {
                return 15;
            }

            @Override
            public int decide(long now, int current, int ready, MetricsView m) {
                return m.value(Signal.RPS) > 0 || m.value(Signal.QUEUE_DEPTH) > 0 ? 1 : 0;
            }
        };
    }

    /** ceil(rps / target) within [min, max], plus seeded noise so runs differ: a bounded controller. */
    static Autoscaler noisyTarget(double targetRps, int min, int max, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Autoscaler() {
            @Override
            public int periodSeconds() {
                return 15;
            }

            @Override
            public int decide(long now, int current, int ready, MetricsView m) {
                int wanted = (int) Math.ceil(m.value(Signal.RPS) / targetRps) + random.nextInt(-1, 2);
                return Math.max(min, Math.min(max, wanted));
            }
        };
    }
}
