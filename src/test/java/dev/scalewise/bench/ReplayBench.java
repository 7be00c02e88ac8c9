package dev.scalewise.bench;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;
import dev.scalewise.sim.Replay;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.testkit.Histories;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
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

    private ServiceHistory history;
    private ServiceModel model;
    private ServiceSpec spec;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        double[] perMinute = new double[DAYS * 1440];
        for (int m = 0; m < perMinute.length; m++) {
            double diurnal = 60 + 50 * Math.sin(2 * Math.PI * (m % 1440) / 1440.0);
            perMinute[m] = Math.round(diurnal * 60 * random.nextDouble(0.8, 1.2));
        }
        history = Histories.requests(perMinute).replicas(4).build();
        Slo slo = new Slo(Slo.Percentile.P95, 1000, 0.99);
        model = ServiceModel.stated("svc", LatencyCurve.queueing(100, 20), slo, 120, 2.5);
        spec = new ServiceSpec("svc", slo, OptionalDouble.empty(), OptionalDouble.empty(), true);
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
        return Replay.run(history, model, spec, new TargetTracking(), ReplayOptions.of("bench"));
    }
}
