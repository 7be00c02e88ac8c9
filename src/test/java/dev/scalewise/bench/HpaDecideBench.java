package dev.scalewise.bench;

import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.PolicyMeta;
import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ScalingRules.ScalingPolicy;
import dev.scalewise.policy.Signal;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.sim.MetricsView;
import dev.scalewise.sim.autoscaler.Hpa;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One HPA decision (metric pipeline, proposal, stabilization, rate limits) on a varying CPU signal, the
 * legacy and the behavior path. Run: {@code mvn -q -o test-compile} then
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.openjdk.jmh.Main HpaDecideBench}
 * (write the classpath with {@code mvn -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HpaDecideBench {
    @Param({"legacy", "behavior"})
    public String path;

    private Hpa hpa;
    private final double[] cpu = new double[4096];
    private final View view = new View();
    private long now;
    private int replicas = 4;
    private int i;

    static final class View implements MetricsView {
        double cpu;

        @Override
        public double value(Signal signal) {
            return signal == Signal.CPU_UTIL ? cpu : Double.NaN;
        }
    }

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        for (int k = 0; k < cpu.length; k++) {
            cpu[k] = 0.2 + 0.8 * rnd.nextDouble();
        }
        Optional<Behavior> behavior = path.equals("legacy") ? Optional.empty() : Optional.of(new Behavior(
                new ScalingRules(0, ScalingRules.SelectPolicy.MAX, List.of(
                        new ScalingPolicy(ScalingPolicy.Type.PODS, 4, 15),
                        new ScalingPolicy(ScalingPolicy.Type.PERCENT, 100, 15)), 0.1),
                new ScalingRules(300, ScalingRules.SelectPolicy.MAX, List.of(
                        new ScalingPolicy(ScalingPolicy.Type.PERCENT, 100, 15)), 0.1)));
        PolicyMeta meta = new PolicyMeta("bench", "HorizontalPodAutoscaler", "autoscaling/v2", "svc",
                SourceLocation.unknown("bench"), Set.of());
        hpa = new Hpa(new HpaPolicy(meta, 1, 50, List.of(new MetricTarget(MetricTarget.MetricSource.RESOURCE, "cpu",
                Signal.CPU_UTIL, MetricTarget.TargetType.UTILIZATION, 50)), behavior, 0.1, 15));
    }

    @Benchmark
    public int decide() {
        view.cpu = cpu[i++ & (cpu.length - 1)];
        now += 15;
        replicas = hpa.decide(now, replicas, replicas, view);
        return replicas;
    }
}
