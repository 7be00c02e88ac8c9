package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.Signal;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the replay over seeded random demand (bursty, with lulls), several seeds each. */
class ReplayPropertyTest {
    static final int MINUTES = 6 * 60;
    static final double PRICE_PER_SECOND = 3.6 / 3600;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 8);
    }

    /** Per-minute requests: a slow wave, random bursts up to 5x, and random idle stretches. */
    static ServiceHistory randomDemand(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] perMinute = new double[MINUTES];
        for (int m = 0; m < MINUTES; m++) {
            double wave = 20 + 15 * Math.sin(m / 40.0);
            double burst = random.nextDouble() < 0.03 ? 1 + 4 * random.nextDouble() : 1;
            perMinute[m] = random.nextDouble() < 0.05 ? 0 : Math.round(wave * burst * 60 * random.nextDouble(0.7, 1.3));
        }
        return Histories.requests(perMinute).replicas(2).build();
    }

    static ServiceModel model() {
        return ReplayGoldenTest.model(60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void replicasStayWithinTheControllersBounds(long seed) {
        int min = 2;
        int max = 7;
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        Outcome o = Replay.run(randomDemand(seed), model(), ReplayGoldenTest.spec(),
                TestAutoscalers.noisyTarget(8, min, max, seed),
                ReplayOptions.of("bounded").withTimeline(timeline, Signal.RPS)).total();
        assertTrue(o.maxReplicas() <= max, "max " + o.maxReplicas());
        assertTrue(o.meanReplicas() >= min && o.p95Replicas() >= min, "mean " + o.meanReplicas());
        for (TimelineRow row : timeline.rows()) {
            int paid = row.readyReplicas() + row.startingReplicas();
            assertTrue(paid >= min && paid <= max, "paid " + paid + " at " + row.secondsSinceStart());
        }
    }

    /**
     * A period made ready once serves any number of replays, on several threads, each as if it had been made
     * for that replay alone (a replay must not write into what it shares).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void replaysSharingOneInputGiveWhatFreshOnesGive(long seed) {
        ServiceHistory h = randomDemand(seed);
        ReplayInput shared = ReplayInput.of(h, model(), ReplayGoldenTest.spec());
        java.util.List<Outcome> sharing = java.util.stream.IntStream.range(0, 24).parallel()
                .mapToObj(i -> Replay.run(shared, TestAutoscalers.noisyTarget(4 + i % 6, 1, 9, seed + i % 6),
                        ReplayOptions.of("p" + i % 6)).total()).toList();
        for (int i = 0; i < sharing.size(); i++) {
            Outcome fresh = Replay.run(h, model(), ReplayGoldenTest.spec(),
                    TestAutoscalers.noisyTarget(4 + i % 6, 1, 9, seed + i % 6), ReplayOptions.of("p" + i % 6)).total();
            assertEquals(fresh, sharing.get(i), "replay " + i);
        }
    }

    /** Holding N replicas costs exactly N x price x time, so cost grows with N. */
    @ParameterizedTest
    @MethodSource("seeds")
    void costIsReplicasTimesPriceTimesTime(long seed) {
        ServiceHistory h = randomDemand(seed);
        double previous = -1;
        for (int n = 1; n <= 5; n++) {
            Outcome o = Replay.run(h, model(), ReplayGoldenTest.spec(), TestAutoscalers.always(n),
                    ReplayOptions.of("fixed").withInitialReplicas(n)).total();
            assertEquals(n * PRICE_PER_SECOND * MINUTES * 60, o.cost(), 1e-9 * o.cost());
            assertTrue(o.cost() > previous);
            previous = o.cost();
        }
    }

    /**
     * The replay books cost with the replica time and arrivals per run of constant replicas and demand rate:
     * the runs add up to the replica time at the price and to the demand, with a scale event every few
     * decisions; idle cost is a part of the cost.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void runsAddUpToReplicaTimeAtThePriceAndToTheDemand(long seed) {
        ServiceHistory h = randomDemand(seed);
        Outcome o = Replay.run(h, model(), ReplayGoldenTest.spec(), TestAutoscalers.noisyTarget(8, 1, 7, seed),
                ReplayOptions.of("noisy")).total();
        assertTrue(o.scaleUpEvents() + o.scaleDownEvents() > 50, "scale events " + o.scaleUpEvents());
        assertEquals(o.replicaHours() * 3600 * PRICE_PER_SECOND, o.cost(), 1e-12 * o.cost());
        assertEquals(Arrays.stream(h.requests()).sum(), o.requests(), 1e-12 * o.requests());
        assertTrue(o.idleCost() > 0 && o.idleCost() < o.cost(), "idle " + o.idleCost() + " of " + o.cost());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void infiniteCapacityNeverBreaches(long seed) {
        ServiceModel unlimited = ServiceModel.stated("svc", LatencyCurve.queueing(100, 1e12),
                ReplayGoldenTest.SLO, 60, 3.6);
        Outcome o = Replay.run(randomDemand(seed), unlimited, ReplayGoldenTest.spec(), TestAutoscalers.always(1),
                ReplayOptions.of("one")).total();
        assertAll(
                () -> assertTrue(o.sloMinutes() > 0),
                () -> assertEquals(0, o.breachMinutes()),
                () -> assertEquals(0, o.coldStartMinutes()));
    }

    /** More ready capacity at every instant never raises backlog or latency, so holding max is best. */
    @ParameterizedTest
    @MethodSource("seeds")
    void holdingMaxReplicasHasTheFewestBreaches(long seed) {
        ServiceHistory h = randomDemand(seed);
        int max = 6;
        long atMax = Replay.run(h, model(), ReplayGoldenTest.spec(), TestAutoscalers.always(max),
                ReplayOptions.of("max").withInitialReplicas(max)).total().breachMinutes();
        for (int k = 0; k < 4; k++) {
            long other = Replay.run(h, model(), ReplayGoldenTest.spec(),
                    TestAutoscalers.noisyTarget(6 + k, 1, max, seed * 31 + k),
                    ReplayOptions.of("other").withInitialReplicas(1 + k)).total().breachMinutes();
            assertTrue(atMax <= other, atMax + " breaches at max vs " + other);
        }
    }
}
