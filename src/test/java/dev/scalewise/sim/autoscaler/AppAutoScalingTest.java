package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AppAutoScalingPolicy.AdjustmentType;
import dev.scalewise.policy.AppAutoScalingPolicy.Alarm;
import dev.scalewise.policy.AppAutoScalingPolicy.CloudMetric;
import dev.scalewise.policy.AppAutoScalingPolicy.Comparison;
import dev.scalewise.policy.AppAutoScalingPolicy.Form;
import dev.scalewise.policy.AppAutoScalingPolicy.Statistic;
import dev.scalewise.policy.AppAutoScalingPolicy.Step;
import dev.scalewise.policy.AppAutoScalingPolicy.StepScaling;
import dev.scalewise.policy.AppAutoScalingPolicy.TargetTracking;
import dev.scalewise.policy.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * AWS Application Auto Scaling replayed, with timelines worked out by hand from AWS's documentation
 * (docs/autoscalers.md cites each rule): one CloudWatch datapoint a minute; target tracking's scale-out
 * alarm after 3 datapoints above the target, its scale-in alarm after 15 below 90 % of it,
 * ceil(capacity x metric / target); cooldowns from the end of an activity; one activity at a time; the
 * step scaling example of the Application Auto Scaling User Guide ("Step adjustments").
 */
class AppAutoScalingTest {
    static final CloudMetric INVOCATIONS_PER_INSTANCE =
            new CloudMetric("SageMakerVariantInvocationsPerInstance", Signal.RPS, Form.PER_INSTANCE, 60, Statistic.SUM);

    /** The SageMaker developer guide's example: keep InvocationsPerInstance at 70. */
    static TargetTracking invocations(double target, int outCooldown, int inCooldown, boolean disableScaleIn) {
        return new TargetTracking("invocations", INVOCATIONS_PER_INSTANCE, target, disableScaleIn, outCooldown, inCooldown,
                3, 15, 0.9);
    }

    static AppAutoScalingPolicy policy(int min, int max, List<TargetTracking> tt, List<StepScaling> steps) {
        return new AppAutoScalingPolicy(meta("endpoint/e/variant/AllTraffic"), min, max, "sagemaker",
                "endpoint/e/variant/AllTraffic", "sagemaker:variant:DesiredInstanceCount", tt, steps);
    }

    /**
     * Drives the controller a minute at a time as the replay does: the metrics of the minute just ended,
     * new instances in service {@code startup} seconds after the decision, removed ones gone at once.
     * Returns the capacity asked for at each minute.
     */
    static int[] run(AppAutoScaling a, int initial, int minutes, long startup, LongToDoubleFunction rpsAt) {
        int[] out = new int[minutes];
        int desired = initial;
        List<long[]> launches = new ArrayList<>(); // {readyAt, count}
        int ready = initial;
        Fixtures.Metrics m = new Fixtures.Metrics();
        for (int i = 0; i < minutes; i++) {
            long t = i * 60L;
            for (long[] l : launches) {
                if (l[0] == t) {
                    ready += (int) l[1];
                }
            }
            m.set(Signal.RPS, rpsAt.applyAsDouble(t));
            int next = a.decide(t, desired, ready, m);
            if (next > desired) {
                launches.add(new long[]{t + startup, next - desired});
            } else if (next < desired) {
                ready = Math.min(ready, next);
            }
            desired = next;
            out[i] = desired;
        }
        return out;
    }

    /**
     * 2 instances at 3 requests/s: 90 invocations per instance a minute, above 70. Worked by hand:
     * <pre>
     * t=0,60,120   90, 90, 90        scale-out alarm at the 3rd: ceil(2 x 90/70) = 3     -> 3 (ready at 240)
     * t=180        in progress       no activity while the instance starts
     * t=240        3 / min x 60 / 3 = 60; cooldown runs to 240 + 300 = 540
     * t=300..420   6 req/s: 120      alarm at 420, in the cooldown: from the capacity before the last
     *                                scale-out, ceil(2 x 120/70) = 4 > 3                  -> 4 (ready at 540)
     * t=540..780   90 (4 in service) in the cooldown to 840: ceil(3 x 90/70) = 4, not more -> 4
     * t=840        cooldown over: ceil(4 x 90/70) = ceil(5.14) = 6                        -> 6 (ready at 960)
     * t=960        6 x 60 / 6 = 60: neither alarm
     * </pre>
     */
    @Test
    void targetTrackingScalesOutAfterThreeDatapointsWithinItsCooldown() {
        AppAutoScaling a = new AppAutoScaling(policy(1, 10, List.of(invocations(70, 300, 300, false)), List.of()), 120);
        int[] got = run(a, 2, 17, 120, t -> t < 300 ? 3 : 6);
        assertArrayEquals(new int[]{2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6}, got);
    }

    /** The same without a scale-out cooldown: at 420 the policy asks ceil(3 x 120/70) = 6 at once. */
    @Test
    void withoutCooldownTheSecondScaleOutIsComputedFromTheCurrentCapacity() {
        AppAutoScaling a = new AppAutoScaling(policy(1, 10, List.of(invocations(70, 0, 300, false)), List.of()), 120);
        int[] got = run(a, 2, 8, 120, t -> t < 300 ? 3 : 6);
        assertEquals(6, got[7]);
    }

    /**
     * 6 instances at 3 requests/s: 30 a minute each, below 0.9 x 70 = 63.
     * <pre>
     * t=0..780     14 datapoints below 63: no alarm yet
     * t=840        the 15th: ceil(6 x 30/70) = ceil(2.57) = 3                            -> 3
     * t=900        1 request/s: 20 each; scale-in cooldown to 840 + 300 = 1140
     * t=1140       ceil(3 x 20/70) = 1                                                    -> 1
     * </pre>
     */
    @Test
    void targetTrackingScalesInAfterFifteenDatapointsBelowNinetyPercent() {
        AppAutoScaling a = new AppAutoScaling(policy(1, 10, List.of(invocations(70, 300, 300, false)), List.of()), 120);
        int[] got = run(a, 6, 21, 120, t -> t < 900 ? 3 : 1);
        int[] expected = new int[21];
        for (int i = 0; i < 21; i++) {
            expected[i] = i < 14 ? 6 : i < 19 ? 3 : 1;
        }
        assertArrayEquals(expected, got);
    }

    @Test
    void withoutScaleInCooldownTheSecondScaleInComesAtTheNextDatapoint() {
        AppAutoScaling a = new AppAutoScaling(policy(1, 10, List.of(invocations(70, 300, 0, false)), List.of()), 120);
        int[] got = run(a, 6, 16, 120, t -> t < 900 ? 3 : 1);
        assertEquals(3, got[14]);
        assertEquals(1, got[15]); // t=900: ceil(3 x 20/70) = 1
    }

    @Test
    void disableScaleInKeepsTheCapacity() {
        AppAutoScaling a = new AppAutoScaling(policy(1, 10, List.of(invocations(70, 300, 300, true)), List.of()), 120);
        int[] got = run(a, 6, 30, 120, t -> 1);
        assertEquals(6, got[29]);
    }

    /**
     * A value between 63 and 70 is in neither alarm (AWS scales in only "far enough below the target"),
     * and one datapoint under 63 in fifteen is not enough.
     */
    @Test
    void scaleInNeedsFifteenConsecutiveDatapointsBelowTheThreshold() {
        AppAutoScaling a = new AppAutoScaling(policy(1, 10, List.of(invocations(70, 300, 0, false)), List.of()), 120);
        // 6 instances: 6.5 req/s = 65 each (between 63 and 70), every 10th minute 3 req/s (30 each)
        int[] got = run(a, 6, 40, 120, t -> t % 600 == 0 ? 3 : 6.5);
        assertEquals(6, got[39]);
    }

    /**
     * Target tracking cannot scale out from zero instances: with none in service InvocationsPerInstance
     * has no datapoint (SageMaker: "you must use step scaling if you want to enable an endpoint to scale
     * out from zero active instances").
     */
    @Test
    void targetTrackingAloneNeverLeavesZero() {
        AppAutoScaling a = new AppAutoScaling(policy(0, 4, List.of(invocations(70, 300, 300, false)), List.of()), 120);
        int[] got = run(a, 0, 30, 120, t -> 5);
        assertEquals(0, got[29]);
    }

    /**
     * The step scaling policy SageMaker documents for scaling out of zero: an alarm on
     * NoCapacityInvocationFailures (Sum >= 1 in one 60 s period), +1 instance. With 300 s startup the
     * activity lasts until the instance serves; after that target tracking takes over.
     */
    @Test
    void aStepPolicyOnNoCapacityInvocationFailuresScalesOutOfZero() {
        Alarm alarm = new Alarm("no-capacity", new CloudMetric("AWS/SageMaker/NoCapacityInvocationFailures", Signal.RPS,
                Form.NO_CAPACITY_COUNT, 60, Statistic.SUM), Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 60, 1, 1);
        StepScaling fromZero = new StepScaling("from-zero", alarm, AdjustmentType.CHANGE_IN_CAPACITY,
                List.of(new Step(0, Double.POSITIVE_INFINITY, 1)), 300, 0, Statistic.AVERAGE);
        AppAutoScaling a = new AppAutoScaling(policy(0, 4, List.of(invocations(70, 300, 300, false)), List.of(fromZero)), 300);
        // nothing until t=120, then 0.5 req/s: 30 failures a minute while no instance serves
        int[] got = run(a, 0, 10, 300, t -> t < 120 ? 0 : 0.5);
        assertArrayEquals(new int[]{0, 0, 1, 1, 1, 1, 1, 1, 1, 1}, got);
    }

    /**
     * The Application Auto Scaling User Guide's step scaling example: capacity 10, threshold 50,
     * PercentChangeInCapacity steps (scale out: [0,10) 0, [10,20) +10 %, [20,inf) +30 %; scale in:
     * (-10,0] 0, (-20,-10] -10 %, (-inf,-20] -30 %). "If the metric value gets to 60 ... to 11 ... rises to
     * 70 ... by 3, to 14 ... gets to 40 ... to 13 ... falls to 30 ... to 10."
     */
    @Test
    void theUserGuidesStepScalingExample() {
        CloudMetric cpu = new CloudMetric("CPUUtilization", Signal.CPU_UTIL, Form.SIGNAL, 100, Statistic.AVERAGE);
        StepScaling out = new StepScaling("out", new Alarm("high", cpu, Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 50,
                60, 1, 1), AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, List.of(new Step(0, 10, 0), new Step(10, 20, 10),
                new Step(20, Double.POSITIVE_INFINITY, 30)), 0, 0, Statistic.AVERAGE);
        StepScaling in = new StepScaling("in", new Alarm("low", cpu, Comparison.LESS_THAN_OR_EQUAL_TO_THRESHOLD, 50,
                60, 1, 1), AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, List.of(new Step(-10, 0, 0), new Step(-20, -10, -10),
                new Step(Double.NEGATIVE_INFINITY, -20, -30)), 0, 0, Statistic.AVERAGE);
        AppAutoScaling a = new AppAutoScaling(policy(1, 100, List.of(), List.of(out, in)), 0);
        double[] cpuPercent = {50, 60, 70, 55, 40, 30, 45};
        int[] expected = {10, 11, 14, 14, 13, 10, 10};
        int capacity = 10;
        for (int i = 0; i < cpuPercent.length; i++) {
            capacity = a.decide(i * 60L, capacity, capacity, new Fixtures.Metrics().set(Signal.CPU_UTIL, cpuPercent[i] / 100));
            assertEquals(expected[i], capacity, "at " + cpuPercent[i] + " %");
        }
    }

    /** The guide's rounding of a percent change, and its MinAdjustmentMagnitude example (25 % of 4, at least 2). */
    @ParameterizedTest(name = "{1} % of {0} (min magnitude {2}) -> {3}")
    @CsvSource({
            "10, 10, 0, 11",   // 1 added
            "127, 10, 0, 139",  // 12.7 rounds down to 12
            "3, 22, 0, 4",     // 0.66 rounds to 1
            "3, -19, 0, 2",    // -0.57 rounds to -1
            "100, -7, 0, 93",  // -7
            "667, -1, 0, 661", // -6.67 rounds up to -6
            "4, 25, 2, 6",     // 1, but at least 2
    })
    void percentChangeRounding(int capacity, int percent, int minMagnitude, int expected) {
        StepScaling s = new StepScaling("s", null, AdjustmentType.PERCENT_CHANGE_IN_CAPACITY,
                List.of(new Step(0, Double.POSITIVE_INFINITY, percent)), 0, minMagnitude, Statistic.AVERAGE);
        assertEquals(expected, AppAutoScaling.adjusted(s, s.steps().get(0), capacity));
    }

    /**
     * Two target tracking policies: AWS "will scale in only if all of the target tracking policies (with the
     * scale-in portion enabled) are ready to scale in". Invocations are low (30 a minute each, ready to
     * scale in) but CPU sits at 60 % against a 65 % target (above 0.9 x 65 = 58.5): no scale-in.
     * With the CPU policy's scale-in disabled, the invocations policy alone decides: 6 -> 3 at t=840.
     */
    @Test
    void scaleInWaitsForEveryPolicyThatMayScaleIn() {
        CloudMetric cpu = new CloudMetric("CPUUtilization", Signal.CPU_UTIL, Form.SIGNAL, 100, Statistic.AVERAGE);
        for (boolean cpuScalesIn : new boolean[]{true, false}) {
            TargetTracking cpuPolicy = new TargetTracking("cpu", cpu, 65, !cpuScalesIn, 300, 300, 3, 15, 0.9);
            AppAutoScaling a = new AppAutoScaling(policy(1, 10, List.of(invocations(70, 300, 300, false), cpuPolicy),
                    List.of()), 120);
            int capacity = 6;
            for (int i = 0; i < 15; i++) {
                capacity = a.decide(i * 60L, capacity, capacity,
                        new Fixtures.Metrics().set(Signal.RPS, 3).set(Signal.CPU_UTIL, 0.6));
            }
            assertEquals(cpuScalesIn ? 6 : 3, capacity, "CPU policy scales in: " + cpuScalesIn);
        }
    }

    /** A second scale-out alarm while instances start does nothing: one scaling activity at a time. */
    @Test
    void oneActivityAtATime() {
        AppAutoScaling a = new AppAutoScaling(policy(1, 20, List.of(invocations(70, 0, 300, false)), List.of()), 600);
        int[] got = run(a, 2, 12, 600, t -> 10); // 300 a minute per instance on 2, then on 9
        // t=120: ceil(2 x 300/70) = 9; instances serve at 720; no activity before that
        assertArrayEquals(new int[]{2, 2, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, got);
    }

    /** Registering the target brings a capacity outside [min, max] within it at once. */
    @Test
    void startOutsideTheBoundsIsClamped() {
        AppAutoScaling a = new AppAutoScaling(policy(3, 5, List.of(invocations(70, 300, 300, false)), List.of()), 0);
        assertEquals(3, a.decide(0, 1, 1, new Fixtures.Metrics().set(Signal.RPS, 0)));
    }
}
