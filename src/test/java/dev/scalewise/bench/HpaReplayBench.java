package dev.scalewise.bench;

import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.PolicyMeta;
import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ScalingRules.ScalingPolicy;
import dev.scalewise.policy.Signal;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.sim.ReplayResult;
import dev.scalewise.sim.autoscaler.PolicyReplay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Issue 4's kernel benchmark: the real HPA (rps per pod, with or without {@code behavior}) replayed
 * through {@link PolicyReplay#run} over 90 days of 1-minute demand, deciding every 15 s, i.e.
 * {@value #STEPS_PER_OP} policy-steps per operation on one thread. Steps/s = STEPS_PER_OP / (s/op).
 * Run: {@code jobs/bench/jmh.sh HpaReplayBench} (docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HpaReplayBench {
    public static final int DAYS = 90;
    public static final long STEPS_PER_OP = DAYS * 86_400L / 15;

    @Param({"behavior", "legacy"})
    public String path;

    private DiurnalService service;
    private HpaPolicy policy;

    @Setup
    public void setUp() {
        service = DiurnalService.days(DAYS);
        // policies/hpa-behavior.yaml's shape: fast up (max of 4 pods / 100 % per minute), slow down
        // (10 % per minute after a 600 s window, tolerance 5 %)
        Optional<Behavior> behavior = path.equals("legacy") ? Optional.empty() : Optional.of(new Behavior(
                new ScalingRules(0, ScalingRules.SelectPolicy.MAX, List.of(
                        new ScalingPolicy(ScalingPolicy.Type.PODS, 4, 60),
                        new ScalingPolicy(ScalingPolicy.Type.PERCENT, 100, 60)), 0.1),
                new ScalingRules(600, ScalingRules.SelectPolicy.MAX, List.of(
                        new ScalingPolicy(ScalingPolicy.Type.PERCENT, 10, 60)), 0.05)));
        PolicyMeta meta = new PolicyMeta("svc-hpa", "HorizontalPodAutoscaler", "autoscaling/v2", "svc",
                SourceLocation.unknown("bench.yaml"), Set.of());
        policy = new HpaPolicy(meta, 1, 40, List.of(new MetricTarget(MetricTarget.MetricSource.PODS, "rps",
                Signal.RPS_PER_REPLICA, MetricTarget.TargetType.AVERAGE_VALUE, 12)), behavior, 0.1, 15);
    }

    @Benchmark
    public ReplayResult replay90Days() {
        return PolicyReplay.run(policy, service.history(), service.model(), service.spec());
    }
}
