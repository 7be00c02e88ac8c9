package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.KpaPolicy;
import dev.scalewise.policy.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden cases from knative/serving pkg/autoscaler/scaling/autoscaler_test.go. */
class KnativeKpaTest {
    /** newTestAutoscaler: PanicThreshold 2, MaxScaleUpRate 10, MaxScaleDownRate 10, StableWindow 60 s. */
    static KpaDecider testDecider(double target) {
        return new KpaDecider(target, 2, 10, 10, 60, 1, 0, 2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // label, target, stable, panic, ready, expected
            "AutoscalerStableModeNoChange,              10,   50,   50,   1, 5",
            "Autoscaler0TBC,                            10,   50,   49,   1, 5",
            "AutoscalerStableModeNoChangeAlreadyScaled, 10,   50,   50,   5, 5",
            // ceil(100/10) = 10 panic pods over 1 ready >= 2: panic, max(5, 10) = 10
            "AutoscalerPanicModeDoublePodCount,         10,   50,  100,   1, 10",
            "TestAutoscalerStableModeIncreaseWithConcurrencyDefault, 10, 50, 10, 1, 5",
            // ... and then stable 100 -> 10
            "TestAutoscalerStableModeIncreaseWithConcurrencyDefault (stable 100), 10, 100, 10, 1, 10",
            "TestAutoscalerStableModeIncreaseWithRPS (stable 100), 10, 100, 99, 1, 10",
            // 8 ready: stable 100 -> 10, then 50 -> 5 (floor(8 / 10) = 0 allows it)
            "TestAutoscalerStableModeDecrease (stable 100), 10, 100, 100, 8, 10",
            "TestAutoscalerStableModeDecrease (stable 50),  10,  50,  50, 8, 5",
            // need 100 pods, but only x10 of 1 ready
            "TestAutoscalerRateLimitScaleUp (1 ready),  10, 1000, 1001,   1, 10",
            "TestAutoscalerRateLimitScaleUp (10 ready), 10, 1000, 1001,  10, 100",
            // need 1 pod, but only ÷10 of 100 ready
            "TestAutoscalerRateLimitScaleDown (100),    10,    1,    1, 100, 10",
            "TestAutoscalerRateLimitScaleDown (10),     10,    1,    1,  10, 1",
            // 0 ready counts as 1 for the rate limits: x10 -> 10
            "TestAutoscalerUseOnePodAsMinimumIfEndpointsNotFound, 10, 1000, 888, 0, 10",
            "TestAutoscalerStableModeNoTrafficScaleToZero (1),  10, 1, 0, 1, 1",
            "TestAutoscalerStableModeNoTrafficScaleToZero (0),  10, 0, 0, 1, 0",
    })
    void scaleTable(String label, double target, double stable, double panic, int ready, int expected) {
        assertEquals(expected, testDecider(target).scale(0, ready, stable, panic));
    }

    @Test
    void smallRates() {
        // AutoscalerStableModeIncreaseWithSmallScaleUpRate: rate 1.1, 2 ready: ceil(2.2) = 3 caps ceil(3/1)
        assertEquals(3, new KpaDecider(1, 2, 1.1, 10, 60, 1, 0, 2).scale(0, 2, 3, 3.1));
        // AutoscalerStableModeDecreaseWithSmallScaleDownRate: floor(100 / 1.1) = 90
        assertEquals(90, new KpaDecider(10, 2, 10, 1.1, 60, 1, 0, 2).scale(0, 100, 1, 1));
    }

    @Test
    void inPanicTheLargerDesireCounts() {
        // AutoscalerPanicStableLargerThanPanic / LessThanPanic: panicking since -5 s holding 5 pods
        KpaDecider larger = testDecider(1);
        larger.panicSince(-5, 5);
        assertEquals(50, larger.scale(0, 5, 50, 30));
        KpaDecider less = testDecider(1);
        less.panicSince(-5, 5);
        assertEquals(30, less.scale(0, 5, 20, 30));
    }

    @Test
    void activationScale() {
        // TestAutoscalerActivationScale: activation 2; no traffic -> 0, any traffic -> 2
        KpaDecider d = new KpaDecider(10, 2, 10, 10, 60, 2, 0, 2);
        assertEquals(0, d.scale(0, 1, 0, 0));
        assertEquals(2, d.scale(2, 1, 1, 0));
    }

    @Test
    void panicThenUnpanicScaleDown() {
        // TestAutoscalerPanicThenUnPanicScaleDown
        KpaDecider d = testDecider(10);
        assertEquals(10, d.scale(0, 1, 100, 100));
        assertEquals(100, d.scale(0, 10, 100, 1000));
        assertEquals(100, d.scale(30, 10, 1, 1)); // traffic gone, still in panic: no scale-down
        assertEquals(1, d.scale(61, 10, 1, 1));   // a stable window after the last panic tick
    }

    @Test
    void scaleDownDelay() {
        // TestAutoscalerScaleDownDelay: target 10, rates 10, PanicThreshold 100, delay 5 min
        KpaDecider d = new KpaDecider(10, 100, 10, 10, 60, 1, 300, 2);
        // "simple"
        assertEquals(4, d.scale(2, 0, 40, 40));
        assertEquals(4, d.scale(300, 0, 0, 0));     // 4 at t=2 still inside (0, 300]
        assertEquals(0, d.scale(302, 0, 0, 0));     // now it is out
        // "gradual"
        assertEquals(4, d.scale(540, 0, 40, 40));
        assertEquals(4, d.scale(600, 0, 30, 30));   // 4 still dominates
        assertEquals(4, d.scale(660, 0, 0, 0));
        assertEquals(3, d.scale(840, 0, 0, 0));     // 4 scrolls out, drop to 3
        assertEquals(0, d.scale(900, 0, 0, 0));     // everything scrolled out
    }

    static KpaPolicy kpa(int min, int max, int grace) {
        // Knative defaults: target 100 x 0.7, stable 60 s, panic 10 %, threshold 200 %, rates 1000 / 2
        return new KpaPolicy(meta("kpa"), min, max, KpaPolicy.Metric.CONCURRENCY, 100, 0.7, 0, 60, 10, 200,
                1000, 2, 0, grace, 1, 1, 2);
    }

    /**
     * 2 pods each at 70 in flight (exactly on target 100 x 0.7), then traffic stops at t = 0.
     * The stable window (60 one-second buckets) still averages old ones: at a tick t the mean over (t-60, t]
     * of 140 (for t <= 0) and 0s; ceil(avg / 70) reaches 0 once no 140 is left: t = 60 (buckets 1..60).
     * maxScaleDown = floor(2 / 2) = 1 first, so 2 -> 1 at t = 30 (avg 70); then 0 is wanted from t = 60 and
     * the 30 s grace keeps 1 until t = 90.
     */
    @Test
    void scaleToZeroAfterTheStableWindowAndTheGracePeriod() {
        KnativeKpa kpa = new KnativeKpa(kpa(0, 10, 30));
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.QUEUE_DEPTH, 0);
        int replicas = 2;
        int firstZeroAt = -1;
        int firstOneAt = -1;
        for (long t = -60; t <= 120; t++) {
            m.set(Signal.CONCURRENCY, t <= 0 ? 70 : 0);
            replicas = kpa.decide(t, replicas, replicas, m);
            if (replicas == 1 && firstOneAt < 0) {
                firstOneAt = (int) t;
            }
            if (replicas == 0 && firstZeroAt < 0) {
                firstZeroAt = (int) t;
            }
        }
        assertEquals(30, firstOneAt);
        assertEquals(90, firstZeroAt);
    }

    /**
     * The collector scrapes every second into 1 s buckets (collector.go scrapeTickInterval, config.BucketSize)
     * and the decider averages the buckets at its 2 s tick: 1 pod whose in-flight count is 0 at even seconds
     * and 280 at odd ones averages 140 over the stable window, ceil(140 / 70) = 2 pods. Sampling at the
     * ticks alone would see only the 0s.
     */
    @Test
    void theWindowsAverageOneSecondBuckets() {
        KnativeKpa kpa = new KnativeKpa(kpa(1, 10, 30));
        Fixtures.Metrics m = new Fixtures.Metrics();
        int replicas = 1;
        for (long t = 0; t <= 120; t++) {
            m.set(Signal.CONCURRENCY, t % 2 == 0 ? 0 : 280);
            int decided = kpa.decide(t, replicas, 1, m);
            if (t % 2 == 1) {
                assertEquals(replicas, decided, "between ticks nothing is decided, t=" + t);
            }
            replicas = decided;
        }
        assertEquals(2, replicas);
    }

    /**
     * Upstream rounds each window average to 6 decimals (bucketing.go roundToNDigits, half away from zero
     * since knative/serving#15940): 2 pods at one ulp above the target (100 x 0.7) average
     * 140.00000000000003, rounded to 140: 2 pods, not ceil(2.0000000000000004) = 3. And 1 pod at
     * 70.0000005 in flight averages 70.000001, which wants ceil(1.0000000143) = 2 pods (a floor would
     * keep 1). Values from bucketing_test.go TestRoundToNDigits: 3.6e-17 and -3.6e-17 round to 0.
     */
    @Test
    void windowAveragesAreRoundedToSixDecimalsAsUpstream() {
        assertEquals(20.0, KnativeKpa.toMicros(20.000000000000004));
        assertEquals(0.0, KnativeKpa.toMicros(1e-12), "a running total's drift wants no pod");
        assertEquals(0.0, KnativeKpa.toMicros(3.6e-17));
        assertEquals(0.0, KnativeKpa.toMicros(-3.6e-17), "a drift below zero is 0, not a negative average");
        assertEquals(0.123457, KnativeKpa.toMicros(0.1234569));
        assertEquals(2.5, KnativeKpa.toMicros(2.5));
        assertEquals(1e13, KnativeKpa.toMicros(1e13));
        assertTrue(Double.isNaN(KnativeKpa.toMicros(Double.NaN)));
        KnativeKpa kpa = new KnativeKpa(kpa(0, 10, 30));
        assertEquals(2, kpa.decide(0, 2, 2, new Fixtures.Metrics().set(Signal.CONCURRENCY, Math.nextUp(70.0))));
        KnativeKpa one = new KnativeKpa(kpa(0, 10, 30));
        assertEquals(2, one.decide(0, 1, 1, new Fixtures.Metrics().set(Signal.CONCURRENCY, 70.0000005)));
    }

    /**
     * target.go ResolveMetricTarget: the per-pod target is at least autoscaling.TargetMin = 0.01
     * (target_test.go "with target annotation 1 and TU=0.1%": 1 x 0.001 -> 0.01). 1 pod with 0.05 in
     * flight then wants ceil(0.05 / 0.01) = 5 pods, not ceil(0.05 / 0.001) = 50.
     */
    @Test
    void thePerPodTargetIsAtLeastOneHundredth() {
        KpaPolicy tiny = new KpaPolicy(meta("kpa"), 0, 100, KpaPolicy.Metric.CONCURRENCY, 1, 0.001, 0, 60, 10, 200,
                1000, 2, 0, 30, 1, 1, 2);
        assertEquals(5, new KnativeKpa(tiny).decide(0, 1, 1, new Fixtures.Metrics().set(Signal.CONCURRENCY, 0.05)));
    }

    /**
     * metric.go MakeMetric (metric_test.go TestMakeMetric): the panic window is the stable window x the
     * percentage rounded to a whole second, at least one bucket: 10 s x 10 % = 1 s ("with too short panic
     * window"), 10 min x 10 % = 1 min, 60 s x 50 % = 30 s, 60 s x 51 % = 30.6 s -> 31 s; 10 s x 1 % = 0.1 s -> 1 s.
     */
    @Test
    void thePanicWindowIsWholeSecondsOfTheStableWindow() {
        assertEquals(1, KnativeKpa.panicWindowSeconds(10, 10));
        assertEquals(60, KnativeKpa.panicWindowSeconds(600, 10));
        assertEquals(30, KnativeKpa.panicWindowSeconds(60, 50));
        assertEquals(31, KnativeKpa.panicWindowSeconds(60, 51));
        assertEquals(1, KnativeKpa.panicWindowSeconds(10, 1));
    }

    @Test
    void scaleFromZeroOnBufferedRequests() {
        KnativeKpa kpa = new KnativeKpa(kpa(0, 10, 30));
        // nobody ready, 5 requests waiting at the activator: ceil(5 / 70) = 1
        int r = kpa.decide(0, 0, 0, new Fixtures.Metrics().set(Signal.QUEUE_DEPTH, 5));
        assertTrue(r >= 1, "scaled from zero: " + r);
        assertEquals(1, r);
    }

    @Test
    void minScaleKeepsTheFloorAndMaxScaleTheCeiling() {
        // min-scale 2: no traffic never goes below 2, and never to zero
        KnativeKpa floor = new KnativeKpa(kpa(2, 10, 30));
        Fixtures.Metrics idle = new Fixtures.Metrics().set(Signal.CONCURRENCY, 0).set(Signal.QUEUE_DEPTH, 0);
        int r = 2;
        for (long t = 0; t <= 300; t++) {
            r = floor.decide(t, r, r, idle);
        }
        assertEquals(2, r);
        // max-scale 3: 1 pod at 700 in flight wants ceil(700 / 70) = 10 -> 3
        KnativeKpa ceiling = new KnativeKpa(kpa(0, 3, 30));
        assertEquals(3, ceiling.decide(0, 1, 1, new Fixtures.Metrics().set(Signal.CONCURRENCY, 700)));
    }
}
