package dev.scalewise.bench;

import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;
import dev.scalewise.sim.Replay;
import dev.scalewise.sim.ReplayOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The replay kernel: 90 days of 1-minute demand (diurnal wave + noise), a target-tracking controller
 * deciding every 15 s, i.e. 518,400 simulated steps per operation. Steps/s = 518,400 / (s/op).
 * Run: see docs/replay.md ("Performance").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReplayBench {
    public static final int DAYS = 90;
    public static final long STEPS_PER_OP = DAYS * 86_400L / 15;

    private DiurnalService service;

    @Setup
    public void setUp() {
        service = DiurnalService.days(DAYS);
    }

    /** ceil(rps / 12) within [1, 20]: the shape of an HPA on rps without its windows. */
    static final class TargetTracking implements Autoscaler {
        @Override
        public int periodSeconds() {
            return 15;
        }

        @Override
        public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
            int wanted = (int) Math.ceil(metrics.value(Signal.RPS) / 12);
            return Math.max(1, Math.min(20, wanted));
        }
    }

    @Benchmark
    public Object replay90Days() {
        return Replay.run(service.history(), service.model(), service.spec(), new TargetTracking(), ReplayOptions.of("bench"));
    }
}
