package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.RayServePolicy;
import dev.scalewise.policy.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cases from ray python/ray/serve/tests/unit/test_autoscaling_policy.py (TestReplicaQueueLengthPolicy), run
 * through the replay's once-a-second calls: each second is ten of upstream's 0.1 s control-loop ticks.
 */
class RayServeTest {
    static RayServe ray(int min, int max, double target, double upDelay, double downDelay, double upFactor,
                        double downFactor) {
        return ray(min, max, target, upDelay, downDelay, OptionalDouble.empty(), upFactor, downFactor);
    }

    static RayServe ray(int min, int max, double target, double upDelay, double downDelay, OptionalDouble toZero,
                        double upFactor, double downFactor) {
        return new RayServe(new RayServePolicy(meta("ray"), min, max, min, target, upDelay, downDelay, toZero,
                upFactor, downFactor, 10, 30, 5));
    }

    /**
     * test_upscale_downscale_delay, downscale_to_zero_delay_s None and 300: min 0, max 2, target 1, upscale
     * 30 s, downscale 600 s (and 600 s or 300 s for the 1 -> 0 step).
     */
    @ParameterizedTest(name = "downscale_to_zero_delay_s {0}")
    @ValueSource(strings = {"none", "300"})
    void upscaleDownscaleDelay(String toZeroDelay) {
        OptionalDouble toZero = toZeroDelay.equals("none") ? OptionalDouble.empty() : OptionalDouble.of(300);
        long zeroDelay = toZero.isPresent() ? 300 : 600;
        RayServe r = ray(0, 2, 1, 30, 600, toZero, 1, 1);
        long t = 0;
        // cold start: 0 running, a request waiting -> 1 at once
        assertEquals(1, r.decide(t++, 0, 0, 1.0));
        // 2 requests on 1 replica want 2, but only after 30 s of wanting it
        long upStart = t;
        for (; t < upStart + 30; t++) {
            assertEquals(1, r.decide(t, 1, 1, 2.0), "held at t=" + t);
        }
        assertEquals(2, r.decide(t++, 1, 1, 2.0));
        // no requests: 2 -> 1 after 600 s, then 1 -> 0 after the 1 -> 0 delay
        long downStart = t;
        for (; t < downStart + 600; t++) {
            assertEquals(2, r.decide(t, 2, 2, 0.0));
        }
        assertEquals(1, r.decide(t++, 2, 2, 0.0));
        long zeroStart = t;
        for (; t < zeroStart + zeroDelay; t++) {
            assertEquals(1, r.decide(t, 1, 1, 0.0), "held at t=" + t);
        }
        assertEquals(0, r.decide(t++, 1, 1, 0.0));
        // an interrupted upscale starts its delay again
        for (long s = t; t < s + 15; t++) {
            assertEquals(1, r.decide(t, 1, 1, 2.0));
        }
        r.decide(t++, 1, 1, 0.0); // a downscale wish resets the delay
        for (long s = t; t < s + 30; t++) {
            assertEquals(1, r.decide(t, 1, 1, 2.0));
        }
        assertEquals(2, r.decide(t, 1, 1, 2.0));
    }

    /**
     * The 0.1 s loop (hand-derived from _apply_delay_logic): downscale_delay_s 2.5 and downscale_to_zero_delay_s
     * 2.5 from 3 replicas with no requests. The first tick wanting less is t = 0; 3 -> 1 at 2.5 s, shown at
     * t = 3; the 1 -> 0 wish starts at the next tick, 2.6 s, and runs out at 5.1 s, shown at t = 6. A loop
     * once a second would take the 1 -> 0 wish from t = 4 and show 0 at t = 7.
     */
    @Test
    void delaysRunOnTheTenthOfASecondLoop() {
        RayServe r = ray(0, 5, 1, 0, 2.5, OptionalDouble.of(2.5), 1, 1);
        int replicas = 3;
        List<Integer> timeline = new ArrayList<>();
        for (long t = 0; t <= 7; t++) {
            replicas = r.decide(t, replicas, replicas, 0.0);
            timeline.add(replicas);
        }
        assertEquals(List.of(3, 3, 3, 1, 1, 1, 0, 0), timeline);
    }

    @Test
    void delayTicksAsRayMeasuresThem() {
        // elapsed + 1e-6 >= delay (_DELAY_ELAPSED_EPS_S): 30 s is 300 ticks, 0.3 s 3, 2.5 s 25, 0 none
        assertEquals(300, RayServe.ticksFor(30));
        assertEquals(3, RayServe.ticksFor(0.3));
        assertEquals(25, RayServe.ticksFor(2.5));
        assertEquals(0, RayServe.ticksFor(0));
        assertEquals(1, RayServe.ticksFor(0.05));
        assertEquals(1_000_000, RayServe.ticksFor(100_000));
    }

    @Test
    void replicasDelayedStartup() {
        // test_replicas_delayed_startup: min 1, max 200, target 1, upscale 0 s, downscale 100000 s
        RayServe r = ray(1, 200, 1, 0, 100000, 1, 1);
        assertEquals(100, r.decide(0, 1, 1, 100));
        assertEquals(100, r.decide(1, 100, 1, 100));
        assertEquals(123, r.decide(2, 100, 3, 123));
        assertEquals(123, r.decide(3, 123, 4, 10)); // drained, but the downscale delay holds
    }

    @ParameterizedTest(name = "running {0}, desired {1}, down factor {2} -> {3}")
    @CsvSource({
            // test_single_replica_receives_all_requests: 4 running, 20/5 -> 4, 100/5 -> 20, 10/5 -> 2
            "4, 4,  1,   4",
            "4, 20, 1,   20",
            "4, 2,  1,   2",
            // downscaling factor 0.5: ceil(10 + 0.5 x (2 - 10)) = 6
            "10, 2, 0.5, 6",
            // factor 0.2 from 5 to 0: ceil(5 - 1) = 4 (never stuck)
            "5, 0,  0.2, 4",
            // factor 0.2 from 2 to 0: ceil(2 - 0.4) = 2 would stall -> 1
            "2, 0,  0.2, 1",
    })
    void scalingFactors(int running, double desired, double downFactor, int expected) {
        assertEquals(expected, ray(0, 100, 5, 0, 0, 1, downFactor).applyScalingFactors(desired, running));
    }

    @Test
    void upscalingFactorFromZero() {
        // test_scaling_factor_scale_up_from_0_replicas: factor 10 -> ceil(1 x 10) = 10 (then max bounds it)
        assertEquals(2, ray(0, 2, 1, 0, 0, 10, 1).decide(0, 0, 0, 1.0));
        assertEquals(10, ray(0, 20, 1, 0, 0, 10, 1).decide(0, 0, 0, 1.0));
    }

    @Test
    void lookBackAveragesWhatReplicasPushed() {
        // 2 replicas at 4 ongoing each (8 total) for 30 s, target 2 -> wants 4; upscale delay 0
        RayServe r = ray(1, 10, 2, 0, 600, 1, 1);
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.CONCURRENCY, 4);
        assertEquals(4, r.decide(0, 2, 2, m));
        // a 1-second spike to 20 each at t=5 is not pushed until t=10, and then averaged over 30 s:
        // samples t=0..10 = 4 x 10 + 20 (t=5) ... spike ends at t=6
        for (long t = 1; t <= 9; t++) {
            m.set(Signal.CONCURRENCY, t == 5 ? 20 : 4);
            assertEquals(4, r.decide(t, 4, 2, m));
        }
        m.set(Signal.CONCURRENCY, 4);
        // at t=10: mean of 11 samples of total (10 x 8 + 40) / 11 = 10.9 -> 10.9 / 2 = 5.45 -> ceil 6
        assertEquals(6, r.decide(10, 4, 2, m));
    }
}
