package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import dev.scalewise.policy.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.scalewise.sim.autoscaler.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden rows from kubernetes/kubernetes pkg/controller/podautoscaler, plus hand-derived scenarios. */
class HpaTest {
    private static final Tolerances DEFAULT_TOLERANCE = Tolerances.both(0.1);

    // replica_calculator_test.go; the usage ratio is mean utilization over ready pods / target.
    static Stream<Arguments> perPodRows() {
        return Stream.of(
                // TestReplicaCalcScaleUp: 3 pods at 300/500/700m of 1 CPU, target 30 % -> mean 50 %,
                // ratio 50/30, ceil(1.667 x 3) = 5
                Arguments.of("TestReplicaCalcScaleUp", 3, 3, 50.0 / 30, DEFAULT_TOLERANCE, 5),
                // TestReplicaCalcScaleUpUnreadyLessScale: pod 0 (300m) unready, ready mean 600m = 60 %;
                // unready counts 0 on scale-up: (0+500+700)/3 = 40 %, ratio 1.333, ceil(1.333 x 3) = 4
                Arguments.of("TestReplicaCalcScaleUpUnreadyLessScale", 3, 2, 60.0 / 30, DEFAULT_TOLERANCE, 4),
                // TestReplicaCalcScaleDown: 5 pods at 100/300/500/250/250m, target 50 % -> mean 28 %,
                // ratio 0.56, ceil(0.56 x 5) = 3
                Arguments.of("TestReplicaCalcScaleDown", 5, 5, 28.0 / 50, DEFAULT_TOLERANCE, 3),
                // TestReplicaCalcTolerance: usage 102 % of target -> within 0.1, keep 3
                Arguments.of("TestReplicaCalcTolerance", 3, 3, 1.02, DEFAULT_TOLERANCE, 3),
                // per-direction tolerance (HPA KEP-4951): scale-up tolerance 0.5 swallows ratio 1.3 ...
                Arguments.of("per-direction: up tolerance 0.5", 10, 10, 1.3, new Tolerances(0.05, 0.5), 10),
                // ... while scale-down tolerance 0.05 lets ratio 0.9 act: ceil(0.9 x 10) = 9
                Arguments.of("per-direction: down tolerance 0.05", 10, 10, 0.9, new Tolerances(0.05, 0.5), 9),
                // with the global 0.1 the same 0.9 stays put
                Arguments.of("global tolerance 0.1 keeps 0.9", 10, 10, 0.9, DEFAULT_TOLERANCE, 10),
                // TestReplicaCalcScaleUpCM (H TestScaleUpCM): Pods metric qps at 20/10/30 per pod, target 15:
                // mean 20, ratio 1.333, ceil(4) = 4
                Arguments.of("TestReplicaCalcScaleUpCM (qps)", 3, 3, 20.0 / 15, DEFAULT_TOLERANCE, 4),
                // no ready pod: nothing to average, no proposal
                Arguments.of("no ready pods", 2, 0, 3.0, DEFAULT_TOLERANCE, ReplicaCalculator.NO_PROPOSAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perPodRows")
    void perPodProposal(String row, int current, int ready, double ratio, Tolerances tol, int expected) {
        assertEquals(expected, ReplicaCalculator.perPod(current, ready, ratio, tol));
    }

    /**
     * Resource metrics with a Utilization target (GetResourceReplicas). The utilization is upstream's pooled
     * int32(sum of usage x 100 / sum of requests); our pods are alike, so it is the mean utilization, and rows
     * whose upstream pods have unequal requests pass the pooled figure. Upstream sources:
     * replica_calculator_test.go (RC) and horizontal_test.go (H) in kubernetes/kubernetes
     * pkg/controller/podautoscaler; the blog post "Kubernetes v1.33: HorizontalPodAutoscaler Configurable
     * Tolerance" (kubernetes.io/blog/2025/04/28).
     */
    static Stream<Arguments> resourceUtilizationRows() {
        return Stream.of(
                // RC TestReplicaCalcResourceScale "scale up": 300/500/700m of 1 CPU = 50 %, target 30: ceil(5) = 5
                Arguments.of("RC TestReplicaCalcResourceScale: scale up", 3, 3, 50.0, 30.0, DEFAULT_TOLERANCE, 5),
                // "no scale: unready pods ignored" = H TestScaleUpUnreadyNoScale: 1 ready at 40 %, 2 unready;
                // counting them at 0: int(400 x 100 / 3000) = 13 %, ratio 0.43 flips the direction: keep 3
                Arguments.of("H TestScaleUpUnreadyNoScale", 3, 1, 40.0, 30.0, DEFAULT_TOLERANCE, 3),
                // "scale up: unready pod scales less": 2 ready at 60 %; recount int(1200 x 100 / 3000) = 40 %,
                // ratio 1.33: ceil(1.33 x 3) = 4
                Arguments.of("H TestScaleUpUnreadyLessScale", 3, 2, 60.0, 30.0, DEFAULT_TOLERANCE, 4),
                // "scale down: exclude unready pods" = H TestScaleDownIncludeUnreadyPods: 3 ready at
                // 100/300/500m = 30 % of a 50 % target, 2 unready ignored: ceil(0.6 x 3) = 2
                Arguments.of("H TestScaleDownIncludeUnreadyPods", 5, 3, 30.0, 50.0, DEFAULT_TOLERANCE, 2),
                // "scale down": 100/300/500/250/250m = 28 %, target 50: ceil(0.56 x 5) = 3
                Arguments.of("RC TestReplicaCalcResourceScale: scale down", 5, 5, 28.0, 50.0, DEFAULT_TOLERANCE, 3),
                // RC TestReplicaCalcSuperfluousMetrics: 23,500m over 4 requested CPUs = 587.5 %, truncated to 587:
                // ceil(5.87 x 4) = 24
                Arguments.of("RC TestReplicaCalcSuperfluousMetrics", 4, 4, 587.5, 100.0, DEFAULT_TOLERANCE, 24),
                // H TestTolerance: 3,060m of 3 CPUs = 102 %, target 100: within 0.1, keep 3
                Arguments.of("H TestTolerance", 3, 3, 102.0, 100.0, DEFAULT_TOLERANCE, 3),
                // RC TestReplicaCalcConfigurableTolerance: 3,030m of 3 CPUs = 101 %; with no tolerance ceil(3.03) = 4
                Arguments.of("RC ConfigurableTolerance: outside a 0 % tolerance", 3, 3, 101.0, 100.0,
                        Tolerances.both(0), 4),
                // ... 3,270m = 109 % is outside an 8 % scale-up tolerance: ceil(3.27) = 4
                Arguments.of("RC ConfigurableTolerance: outside 8 % scale-up", 3, 3, 109.0, 100.0,
                        new Tolerances(2, 0.08), 4),
                // ... 1,950m = 65 % is within a 36 % scale-down tolerance, outside a 34 % one: ceil(1.95) = 2
                Arguments.of("RC ConfigurableTolerance: within 36 % scale-down", 3, 3, 65.0, 100.0,
                        new Tolerances(0.36, 0.1), 3),
                Arguments.of("RC ConfigurableTolerance: outside 34 % scale-down", 3, 3, 65.0, 100.0,
                        new Tolerances(0.34, 0.1), 2),
                // H TestComputedToleranceAlgImplementation, a tolerance sequence: 10 pods at 1,500m of 3,000m
                // requested = 50 %; target int(100 x (1 / (2 x 0.9) + 0.01)) = 56: 0.893 is outside the band,
                // ceil(8.93) = 9; target int(100 x (1 / 1.8 + 0.004)) = 55: 0.909 is inside, keep 10
                Arguments.of("H TestComputedToleranceAlgImplementation, target 56", 10, 10, 50.0, 56.0,
                        DEFAULT_TOLERANCE, 9),
                Arguments.of("H TestComputedToleranceAlgImplementation, target 55", 10, 10, 50.0, 55.0,
                        DEFAULT_TOLERANCE, 10),
                // blog (v1.33 configurable tolerance): 50 replicas at 90 % CPU, target 75 %: 50 x 90 / 75 = 60,
                // with the global 10 % and with its example behavior (scale-down 5 %, scale-up 0)
                Arguments.of("blog v1.33 tolerance: 50 -> 60", 50, 50, 90.0, 75.0, DEFAULT_TOLERANCE, 60),
                Arguments.of("blog v1.33 tolerance: 50 -> 60, tolerances 5 % / 0", 50, 50, 90.0, 75.0,
                        new Tolerances(0.05, 0), 60),
                // the whole percent decides (hand-derived from GetResourceUtilizationRatio): 55.9 % of a 50 %
                // target is 55 %, ratio 1.1, inside the band; the exact 1.118 would ask ceil(11.18) = 12
                Arguments.of("55.9 % counts as 55 %: keep 10", 10, 10, 55.9, 50.0, DEFAULT_TOLERANCE, 10),
                // 30.9 % of 30 % is 1.0 with no tolerance: keep 3 (exact: ceil(3.09) = 4)
                Arguments.of("30.9 % counts as 30 %: keep 3", 3, 3, 30.9, 30.0, Tolerances.both(0), 3),
                // noise never costs a percent: 0.57 x 100 = 56.99999999999999 is 57 %, ratio 1 with no
                // tolerance keeps 100 pods (56 % would ask ceil(98.2) = 99)
                Arguments.of("57 % from a fraction is 57 %", 100, 100, 0.57 * 100, 57.0, Tolerances.both(0), 100),
                // the recount with starting pods is truncated too: 3 ready at 45.9 %, 1 starting, target 30:
                // int(45.9 x 3 / 4) = 34 %, ratio 1.133: ceil(1.133 x 4) = 5 (exact 34.425 %: ceil(4.59) = 5)
                // and at 40.9 % with no tolerance: int(30.675) = 30 %, ratio 1.0: keep 4 (exact: 1.0225 asks
                // ceil(4.09) = 5)
                Arguments.of("recount truncated: 45.9 %", 4, 3, 45.9, 30.0, DEFAULT_TOLERANCE, 5),
                Arguments.of("recount truncated: 40.9 %, no tolerance", 4, 3, 40.9, 30.0, Tolerances.both(0), 4),
                Arguments.of("no ready pods", 2, 0, 80.0, 50.0, DEFAULT_TOLERANCE, ReplicaCalculator.NO_PROPOSAL),
                Arguments.of("unknown utilization", 2, 2, Double.NaN, 50.0, DEFAULT_TOLERANCE,
                        ReplicaCalculator.NO_PROPOSAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceUtilizationRows")
    void resourceUtilizationProposal(String row, int current, int ready, double meanPercent, double targetPercent,
                                     Tolerances tol, int expected) {
        assertEquals(expected, ReplicaCalculator.resourceUtilization(current, ready, meanPercent, targetPercent, tol));
    }

    @Test
    void theHpaComparesAWholePercentOfResourceUtilization() {
        // cpu at 55.9 % of a 50 % target on 10 pods: 55 %, ratio 1.1, inside the default band
        Hpa cpu = new Hpa(hpa(1, 50, Optional.empty(), cpuUtilization(50)));
        assertEquals(10, cpu.decide(0, 10, 10, new Fixtures.Metrics().set(Signal.CPU_UTIL, 0.559)));
        // the same figure as a Pods metric's AverageValue is not truncated (calcPlainMetricReplicas): 1.118
        Hpa pods = new Hpa(hpa(1, 50, Optional.empty(),
                new MetricTarget(MetricSource.PODS, "cpu_percent", Signal.CPU_UTIL, TargetType.AVERAGE_VALUE, 50)));
        assertEquals(12, pods.decide(0, 10, 10, new Fixtures.Metrics().set(Signal.CPU_UTIL, 0.559)));
    }

    @Test
    void podsMetricCountsStartingPodsAtTargetOnScaleDown() {
        // calcPlainMetricReplicas: pods without metrics count at the target when the rest scale down.
        // 4 pods, 2 ready at 40 % of target, 2 starting: (0.4 + 0.4 + 1 + 1) / 4 = 0.7, ceil(0.7 x 4) = 3
        assertEquals(3, ReplicaCalculator.perPod(4, 2, 0.4, DEFAULT_TOLERANCE, true));
        // a Resource metric ignores them instead: ceil(0.4 x 2) = 1
        assertEquals(1, ReplicaCalculator.perPod(4, 2, 0.4, DEFAULT_TOLERANCE, false));
        // 4 pods, 2 ready at 85 %, 2 starting: (0.85 x 2 + 1 x 2) / 4 = 0.925 is within tolerance: keep 4
        assertEquals(4, ReplicaCalculator.perPod(4, 2, 0.85, DEFAULT_TOLERANCE, true));
        // scale-up: starting pods use nothing, as for Resource metrics: (2 x 3 + 0) / 4 = 1.5, ceil(6) = 6
        assertEquals(6, ReplicaCalculator.perPod(4, 2, 3.0, DEFAULT_TOLERANCE, true));
    }

    @Test
    void externalAverageValueDividesTheTotal() {
        // TestReplicaCalcScaleUpPerPodCMExternal: 8600 total, 2150 per pod, 3 pods -> ceil(8600/2150) = 4
        assertEquals(4, ReplicaCalculator.totalPerPod(3, 8600, 2150, DEFAULT_TOLERANCE));
        // TestReplicaCalcScaleDownPerPodCMExternal: 8600 total, 2867 per pod, 5 pods -> ceil(2.9997) = 3
        assertEquals(3, ReplicaCalculator.totalPerPod(5, 8600, 2867, DEFAULT_TOLERANCE));
        // total 1000 over 10 pods of target 100: ratio 1.0 -> unchanged
        assertEquals(10, ReplicaCalculator.totalPerPod(10, 1000, 100, DEFAULT_TOLERANCE));
        // Value target: ratio 2 x 3 ready = 6; from zero pods: ceil(ratio) = 2
        assertEquals(6, ReplicaCalculator.value(4, 3, 2.0, DEFAULT_TOLERANCE));
        assertEquals(2, ReplicaCalculator.value(0, 0, 2.0, DEFAULT_TOLERANCE));
    }

    // horizontal_test.go TestScalingWithRules: convertDesiredReplicasWithBehaviorRate, no past events.
    static Stream<Arguments> rateLimitRows() {
        ScalingRules up = defaultScaleUp();
        ScalingRules down = defaultScaleDown();
        return Stream.of(
                Arguments.of("prenormalized desired replicas within range", 3, 8, 5, 7, up, down, 7),
                Arguments.of("prenormalized desired replicas < minReplicas", 2, 8, 3, 1, up, down, 2),
                Arguments.of("maxReplicas is the limit because maxReplicas < scaleUpLimit", 1, 10, 20, 1000, up, down, 10),
                // default scaleUp: max(10 + 4, 10 x 200 %) = 20
                Arguments.of("scaleUp with default behavior", 1, 1000, 10, 50, up, down, 20),
                Arguments.of("scaleUp with pods policy larger than percent policy", 1, 1000, 10, 500,
                        rules(0, SelectPolicy.MAX, pods(100, 60), percent(100, 60)), down, 110),
                Arguments.of("scaleUp with percent policy limitation", 1, 1000, 10, 50,
                        rules(0, SelectPolicy.MAX, percent(200, 60)), down, 30),
                Arguments.of("scaleUpLimit is the limit ... with user policies", 1, 2000, 3, 1000,
                        rules(0, SelectPolicy.MAX, percent(1, 60)), down, 4), // ceil(3 x 1.01) = 4
                // max(100 - 2, trunc(100 x 0.99) = 99) under Max means the larger change: min(98, 99) = 98
                Arguments.of("scaleDown with pod policy larger than percent policy", 1, 1000, 100, 2, up,
                        rules(300, SelectPolicy.MAX, pods(2, 60), percent(1, 60)), 98),
                Arguments.of("scaleDown with percent policy larger than pod policy", 1, 1000, 100, 2, up,
                        rules(300, SelectPolicy.MAX, pods(20, 60), percent(1, 60)), 80),
                Arguments.of("scaleDown with spec MinReplicas limitation with large percent policy", 5, 1000, 10, 2,
                        up, rules(300, SelectPolicy.MAX, percent(100, 60)), 5),
                Arguments.of("scaleDown with pod policy limitation", 1, 1000, 10, 2, up,
                        rules(300, SelectPolicy.MAX, pods(5, 60)), 5),
                // selectPolicy Min picks the smaller change: min(10 + 4, 20) = 14 (hand-derived)
                Arguments.of("scaleUp selectPolicy Min", 1, 1000, 10, 50,
                        rules(0, SelectPolicy.MIN, pods(4, 15), percent(100, 15)), down, 14),
                // scale-down Min: max(100 - 2, 99) = 99 (hand-derived)
                Arguments.of("scaleDown selectPolicy Min", 1, 1000, 100, 2, up,
                        rules(300, SelectPolicy.MIN, pods(2, 60), percent(1, 60)), 99),
                // Disabled forbids the direction (hand-derived from calculateScaleUpLimitWithScalingRules)
                Arguments.of("scaleUp Disabled", 1, 1000, 5, 10, rules(0, SelectPolicy.DISABLED), down, 5),
                Arguments.of("scaleDown Disabled", 1, 1000, 5, 2, up, rules(300, SelectPolicy.DISABLED), 5),
                Arguments.of("scaleDown Disabled leaves scale-up alone", 1, 1000, 5, 7, up, rules(300, SelectPolicy.DISABLED), 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimitRows")
    void rateLimits(String row, int min, int max, int current, int desired, ScalingRules up, ScalingRules down,
                    int expected) {
        assertEquals(expected, new RateLimiter(up, down, 15).limit(0, current, desired, min, max));
    }

    /**
     * horizontal_test.go TestScalingWithRules with past events (generateEventsUniformDistribution spreads n
     * events over the last 120 s, at the middles of equal slices: 3 events at -100, -60 and -20 s).
     */
    @Test
    void rateLimitsCountPastEventsOfThePeriod() {
        // "scaleDown with percent policy limitation and previous events": -2/-4/-6 inside 120 s -> the period
        // started at 100 + 12 = 112; 50 % of 112 = 56
        ScalingRules halfPer120 = rules(300, SelectPolicy.MAX, percent(50, 120));
        RateLimiter limiter = new RateLimiter(defaultScaleUp(), halfPer120, 15);
        limiter.recordScale(-100, 114, 112);
        limiter.recordScale(-60, 112, 108);
        limiter.recordScale(-20, 108, 102);
        assertEquals(56, limiter.limit(0, 100, 0, 1, 1000));
        // "scaleUp with pod policy and previous scale up events": +1/+5/+9 inside 120 s, 150 pods per 120 s:
        // 100 - 15 + 150 = 235
        RateLimiter pods150 = new RateLimiter(rules(0, SelectPolicy.MAX, pods(150, 120)), defaultScaleDown(), 15);
        upEvents(pods150, 1, 5, 9);
        assertEquals(235, pods150.limit(0, 100, 500, 1, 1000));
        // "scaleUp with percent policy and previous scale up events": (100 - 15) x 300 % = 255
        RateLimiter percent200 = new RateLimiter(rules(0, SelectPolicy.MAX, percent(200, 120)), defaultScaleDown(), 15);
        upEvents(percent200, 1, 5, 9);
        assertEquals(255, percent200.limit(0, 100, 500, 1, 1000));
        // "scaleUp with currentReplicas limitation ... a lot of recent scale up events": 100 - 15 + 5 < 100,
        // so no scale-up at all: 100
        RateLimiter pods5 = new RateLimiter(rules(0, SelectPolicy.MAX, pods(5, 120)), defaultScaleDown(), 15);
        upEvents(pods5, 1, 5, 9);
        assertEquals(100, pods5.limit(0, 100, 500, 1, 1000));
        // "scaleUp with percent policy and previous scale up and down events": +4 and -2 (at -60 s) within
        // 300 s, current 6 -> period start 4; 300 % more = 16
        RateLimiter mixed = new RateLimiter(rules(0, SelectPolicy.MAX, percent(300, 300)), defaultScaleDown(), 15);
        mixed.recordScale(-60, 4, 8);
        mixed.recordScale(-60, 8, 6);
        assertEquals(16, mixed.limit(0, 6, 24, 1, 1000));
        // an event older than the period no longer counts: the same +4 at -301 s
        RateLimiter old = new RateLimiter(rules(0, SelectPolicy.MAX, percent(300, 300)), defaultScaleDown(), 15);
        old.recordScale(-301, 2, 6);
        assertEquals(24, old.limit(0, 6, 24, 1, 1000));
    }

    private static void upEvents(RateLimiter limiter, int... changes) {
        int replicas = 100 - IntStream.of(changes).sum();
        long[] at = {-100, -60, -20};
        for (int i = 0; i < changes.length; i++) {
            limiter.recordScale(at[i], replicas, replicas + changes[i]);
            replicas += changes[i];
        }
    }

    /**
     * horizontal_test.go TestStoreScaleEvents: storing an event overwrites the last one older than its
     * direction's longest policy period, or appends. "replace one entry, use policies with different
     * periods": events of 8, 6, 7 and 9 replicas at -29, -59, -61 and -61 s, policies of 60 s and 30 s: 14
     * within 60 s before; storing 5 now overwrites the last outdated one (9), so the 60 s sum is 8 + 6 + 5.
     * "two entries, both actual" (policies of 120 s and 30 s): 7 and 6 at -58 and -59 s stay, 5 is appended.
     */
    @Test
    void scaleEventsOverwriteTheLastOutdatedOne() {
        ScaleEvents events = new ScaleEvents(60, 2);
        events.store(-61, 7);
        events.store(-61, 9);
        events.store(-59, 6);
        events.store(-29, 8);
        assertEquals(14, events.changedWithin(0, 60));
        events.store(0, 5);
        assertEquals(19, events.changedWithin(0, 60));
        assertEquals(7 + 19, events.changedWithin(0, 120), "7 at -61 s was outdated too, but not overwritten");
        ScaleEvents actual = new ScaleEvents(120, 2);
        actual.store(-59, 6);
        actual.store(-58, 7);
        actual.store(0, 5);
        assertEquals(18, actual.changedWithin(0, 60));
    }

    /**
     * The other direction's bookkeeping (hand-derived from horizontal.go): scale-up policies of 15 s
     * (the defaults), a scale-down policy of 2 pods per 60 s. +4 at t = 0 and +4 at t = 30: the second
     * overwrites the first, which is older than the 15 s the scale-up events are kept for. At t = 45 a
     * scale-down's 60 s period counts only the +4 at 30: it started at 18 - 4 = 14, so 14 - 2 = 12 is the
     * limit (counting both +4s, as a plain 60 s history would, gives 18 - 8 - 2 = 8).
     */
    @Test
    void anOverwrittenScaleUpNoLongerCountsInTheScaleDownPeriod() {
        RateLimiter limiter = new RateLimiter(defaultScaleUp(), rules(0, SelectPolicy.MAX, pods(2, 60)), 15);
        limiter.recordScale(0, 10, 14);
        limiter.recordScale(30, 14, 18);
        assertEquals(12, limiter.limit(45, 18, 1, 1, 100));
        // without the overwrite (a +4 at 20, inside the scale-up events' 15 s at 30): both count, 8
        RateLimiter kept = new RateLimiter(defaultScaleUp(), rules(0, SelectPolicy.MAX, pods(2, 60)), 15);
        kept.recordScale(20, 10, 14);
        kept.recordScale(30, 14, 18);
        assertEquals(8, kept.limit(45, 18, 1, 1, 100));
    }

    // horizontal_test.go TestNormalizeDesiredReplicas (legacy path, 5 min window).
    static Stream<Arguments> legacyStabilizationRows() {
        return Stream.of(
                Arguments.of("empty log", new long[]{}, new int[]{}, 5, 5),
                Arguments.of("stabilize", new long[]{-120, -60}, new int[]{4, 5}, 3, 5),
                Arguments.of("no stabilize", new long[]{-120, -60}, new int[]{1, 2}, 3, 3),
                Arguments.of("no stabilize - old recommendations", new long[]{-600, -540}, new int[]{10, 9}, 3, 3),
                Arguments.of("stabilize - old recommendations", new long[]{-600, -540, -120, -60}, new int[]{10, 9, 5, 4}, 3, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyStabilizationRows")
    void legacyStabilization(String row, long[] times, int[] recs, int raw, int expected) {
        Stabilizer s = Stabilizer.legacy(300, 15);
        for (int i = 0; i < times.length; i++) {
            s.record(times[i], recs[i]);
        }
        assertEquals(expected, s.stabilize(0, raw, 1)); // the legacy rule does not read the current replicas
    }

    @Test
    void behaviorStabilizationTakesTheMaxOfTheDownWindowAndTheMinOfTheUpWindow() {
        // recommendations 4 at -2 min and 5 at -1 min, current 100, raw 3, scale-down window 180 s:
        // down = max(3, 4, 5) = 5, up (window 0) = 3; min(max(100, 3), 5) = 5
        Stabilizer s = Stabilizer.withBehavior(0, 180, 15);
        s.record(-120, 4);
        s.record(-60, 5);
        assertEquals(5, s.stabilize(0, 3, 100));
        // then the default scale-down rate (100 % per 15 s) lets all of it happen: 5
        assertEquals(5, new RateLimiter(defaultScaleUp(), defaultScaleDown(), 15).limit(0, 100, 5, 1, 1000));

        // scale-up window 60 s with recommendations 8 at -45 s and 12 at -15 s, current 5, raw 20:
        // up = min(20, 8, 12) = 8, down (window 0) = 20 -> 8
        Stabilizer up = Stabilizer.withBehavior(60, 0, 15);
        up.record(-45, 8);
        up.record(-15, 12);
        assertEquals(8, up.stabilize(0, 20, 5));
        // TestNormalizeDesiredReplicasWithBehavior "simple scale up stabilization": 4 at -2 min and 5 at -1 min,
        // current 1, raw 7, scale-up window 300 s: min(7, 4, 5) = 4
        Stabilizer upTo4 = Stabilizer.withBehavior(300, 0, 15);
        upTo4.record(-120, 4);
        upTo4.record(-60, 5);
        assertEquals(4, upTo4.stabilize(0, 7, 1));
    }

    /**
     * horizontal_test.go TestScaleDownStabilizeInitialSize: 5 pods at 100/300/500/250/250m, target 50 %
     * (28 %: ceil(0.56 x 5) = 3), no recommendation yet. recordInitialRecommendation remembers the 5 pods the
     * first reconcile found, so the 300 s window keeps 5; the scale-down comes once that is out of it.
     */
    @Test
    void theFirstReconcileRemembersTheReplicasItFound() {
        Hpa hpa = new Hpa(hpa(2, 6, Optional.empty(), cpuUtilization(50)));
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.CPU_UTIL, 0.28);
        assertEquals(5, hpa.decide(0, 5, 5, m));
        assertEquals(5, hpa.decide(300, 5, 5, m));
        assertEquals(3, hpa.decide(315, 5, 5, m));
        // with behavior the scale-down window does the same (default 300 s)
        Hpa withBehavior = new Hpa(hpa(2, 6, Optional.of(defaultBehavior()), cpuUtilization(50)));
        assertEquals(5, withBehavior.decide(0, 5, 5, m));
        assertEquals(3, withBehavior.decide(300, 5, 5, m));
    }

    /**
     * A 10-minute lull under the legacy 300 s window, CPU target 50 %, 4 pods at 50 % until t = 300 s,
     * then 10 %. The metrics-server window (30 s) holds the samples at t and t - 15.
     * t=300: mean(10, 50) = 30 % -> ratio 0.6 -> ceil(2.4) = 3, but 4s from t in [0, 285] dominate;
     * t=315..585: raw 1 (ratio 0.2 x 4 = 0.8), still 4 because t=285 is inside [t-300, t];
     * t=600: window [300, 600] holds 3 (t=300) and 1s -> 3;  t=615: window starts at 315 -> 1.
     */
    @Test
    void legacyLullWaitsForTheDownscaleWindow() {
        Hpa hpa = new Hpa(hpa(1, 10, Optional.empty(), cpuUtilization(50)));
        Fixtures.Metrics m = new Fixtures.Metrics();
        int replicas = 4;
        List<Integer> timeline = new ArrayList<>();
        for (long t = 0; t <= 615; t += 15) {
            m.set(Signal.CPU_UTIL, t < 300 ? 0.5 : 0.1);
            replicas = hpa.decide(t, replicas, replicas, m);
            timeline.add(replicas);
        }
        assertEquals(4, timeline.get(585 / 15));
        assertEquals(3, timeline.get(600 / 15));
        assertEquals(1, timeline.get(615 / 15));
        assertEquals(List.of(4), timeline.subList(0, 585 / 15 + 1).stream().distinct().toList());
    }

    /**
     * Default behavior from 2 pods at 400 % of a 100 % target (RPS-free CPU signal, steady):
     * t=0: raw ceil(4 x 2) = 8; limit max(2 + 4, 2 x 2) = 6 -> 6 (event +4).
     * t=15: the +4 at t=0 falls out of the 15 s period (strict After), period start 6; raw ceil(4 x 6) = 24
     * -> limit max(10, 12) = 12.  t=30: start 12 -> max(16, 24) = 24 -> raw ceil(4 x 12) = 48 -> 24.
     */
    @Test
    void defaultBehaviorDoublesEveryPeriod() {
        Hpa hpa = new Hpa(hpa(1, 100, Optional.of(defaultBehavior()), cpuUtilization(100)));
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.CPU_UTIL, 4.0);
        assertEquals(6, hpa.decide(0, 2, 2, m));
        assertEquals(12, hpa.decide(15, 6, 6, m));
        assertEquals(24, hpa.decide(30, 12, 12, m));
    }

    @Test
    void boundsAndDisabledAtZero() {
        Hpa hpa = new Hpa(hpa(2, 5, Optional.empty(), cpuUtilization(50)));
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.CPU_UTIL, 0.5);
        assertEquals(5, hpa.decide(0, 9, 9, m));  // above max: straight to max
        assertEquals(2, hpa.decide(15, 1, 1, m)); // below min: straight to min
        assertEquals(0, hpa.decide(30, 0, 0, m)); // at zero with min 2: autoscaling disabled
        // unknown metric: no proposal, nothing changes
        Hpa blind = new Hpa(hpa(2, 5, Optional.empty(), cpuUtilization(50)));
        assertEquals(3, blind.decide(0, 3, 3, new Fixtures.Metrics()));
        assertEquals(3, blind.decide(15, 3, 3, new Fixtures.Metrics()));
    }

    @Test
    void severalMetricsTakeTheLargestProposal() {
        Hpa hpa = new Hpa(hpa(1, 50, Optional.of(new Behavior(rules(0, SelectPolicy.MAX, pods(100, 15)), defaultScaleDown())),
                cpuUtilization(50), rpsAverageValue(10)));
        // cpu: 25 % of 50 % on 4 pods -> ceil(0.5 x 4) = 2; rps: 100 / 10 -> 10 -> 10
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.CPU_UTIL, 0.25).set(Signal.RPS, 100);
        assertEquals(10, hpa.decide(0, 4, 4, m));
    }

    @Test
    void aMissingMetricBlocksScaleDownButNotScaleUp() {
        // computeReplicasForMetrics: with one of two metrics invalid, a scale-up still happens, a
        // scale-down does not (horizontal_test.go TestScaleUpOneMetricInvalid / TestScaleDownOneMetricInvalid)
        Hpa up = new Hpa(hpa(1, 50, Optional.empty(), cpuUtilization(50), rpsAverageValue(10)));
        Fixtures.Metrics cpuOnlyHigh = new Fixtures.Metrics().set(Signal.CPU_UTIL, 1.0); // rps unknown
        assertEquals(8, up.decide(0, 4, 4, cpuOnlyHigh)); // ceil(2 x 4) = 8
        Hpa down = new Hpa(hpa(1, 50, Optional.empty(), cpuUtilization(50), rpsAverageValue(10)));
        Fixtures.Metrics cpuOnlyLow = new Fixtures.Metrics().set(Signal.CPU_UTIL, 0.1);
        assertEquals(4, down.decide(0, 4, 4, cpuOnlyLow));
    }
}
