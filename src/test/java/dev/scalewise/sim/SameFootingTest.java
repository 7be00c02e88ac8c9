package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17 item 6: the observed run and every replay judge the same minutes (known, positive demand and
 * known latency), and leave unknown demand out of their totals alike.
 */
class SameFootingTest {
    static final double EPS = 1e-9;

    /**
     * Ten 1-minute steps at 2.5 rps per replica (2 replicas; capacity 10 rps at the SLO, saturation 15): step 3's
     * demand is unknown, step 5's latency is unknown (and its demand, 12 rps per replica, breaches in the
     * replay, without a backlog), step 7 has no requests. Judged: the 7 others, by both. The replay's breach in
     * minute 5 is no breach minute because the observed run cannot judge that minute (with its latency known
     * it is one); step 3 costs nothing in either (2 replicas x 9 minutes x 0.06 = 1.08).
     */
    @Test
    void observedAndReplayJudgeTheSameMinutes() {
        double[] requests = {300, 300, 300, Double.NaN, 300, 1440, 300, 0, 300, 300};
        double[] p95 = {200, 200, 200, 200, 200, Double.NaN, 200, Double.NaN, 200, 200};
        ServiceHistory h = Histories.requests(requests).replicas(2).p95(p95).build();
        ServiceModel model = ReplayGoldenTest.model(60).withSaturation(Fitted.stated(15, "test"));
        Outcome observed = AsRun.outcomes(h, model, ReplayGoldenTest.spec()).total();
        Outcome replayed = Replay.run(h, model, ReplayGoldenTest.spec(), TestAutoscalers.always(2),
                ReplayOptions.of("two")).total();
        double[] known = p95.clone();
        known[5] = 200;
        Outcome judgedThere = Replay.run(Histories.requests(requests).replicas(2).p95(known).build(), model,
                ReplayGoldenTest.spec(), TestAutoscalers.always(2), ReplayOptions.of("two")).total();
        assertEquals(1, judgedThere.breachMinutes(), "with its latency known, minute 5 is judged and breaches");
        assertAll(
                () -> assertEquals(7, observed.sloMinutes()),
                () -> assertEquals(7, replayed.sloMinutes()),
                () -> assertEquals(0, replayed.breachMinutes(), "minute 5's overload is not judged"),
                () -> assertEquals(1, observed.unknownMinutes()),
                () -> assertEquals(1, replayed.unknownMinutes()),
                () -> assertEquals(1.08, observed.cost(), EPS),
                () -> assertEquals(1.08, replayed.cost(), EPS),
                () -> assertEquals(observed.replicaHours(), replayed.replicaHours(), EPS),
                () -> assertEquals(observed.requests(), replayed.requests(), EPS));
    }

    /**
     * Through a gap the replay holds the last known demand: a controller following demand neither scales to
     * its minimum for the gap nor pays for it. Steps 2..5 unknown between 600-request minutes.
     */
    @Test
    void aGapHoldsTheLastKnownDemand() {
        double[] requests = {600, 600, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 600, 600};
        ServiceHistory h = Histories.requests(requests).replicas(1).build();
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        Outcome o = Replay.run(h, ReplayGoldenTest.model(0), ReplayGoldenTest.spec(),
                TestAutoscalers.noisyTarget(10, 1, 10, 1), ReplayOptions.of("follow").withTimeline(timeline,
                        dev.scalewise.policy.Signal.RPS)).total();
        for (TimelineRow r : timeline.rows()) {
            assertEquals(10, r.demandRps(), EPS, "at " + r.secondsSinceStart());
        }
        assertAll(
                () -> assertEquals(4, o.unknownMinutes()),
                () -> assertEquals(4, o.sloMinutes()),
                () -> assertEquals(4 * 600, o.requests(), EPS));
    }

    /** Random histories with gaps in demand and latency: every replay judges exactly the observed minutes. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyReplayJudgesTheObservedMinutes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int steps = 600;
        double[] requests = new double[steps];
        double[] p95 = new double[steps];
        double[] replicas = new double[steps];
        for (int i = 0; i < steps; i++) {
            requests[i] = random.nextInt(20) == 0 ? Double.NaN : random.nextInt(10) == 0 ? 0 : random.nextDouble(0, 3000);
            p95[i] = random.nextInt(8) == 0 ? Double.NaN : 100 + random.nextDouble(0, 1500);
            replicas[i] = 1 + random.nextInt(6);
        }
        ServiceHistory h = Histories.requests(requests).replicas(replicas).p95(p95).build();
        Outcome observed = AsRun.outcomes(h, ReplayGoldenTest.model(60), ReplayGoldenTest.spec()).total();
        for (int k = 0; k < 3; k++) {
            Outcome replayed = Replay.run(h, ReplayGoldenTest.model(30 * k), ReplayGoldenTest.spec(),
                    TestAutoscalers.noisyTarget(6, 1, 8, seed + k), ReplayOptions.of("noisy")).total();
            assertEquals(observed.sloMinutes(), replayed.sloMinutes(), "replay " + k);
            assertEquals(observed.unknownMinutes(), replayed.unknownMinutes(), "replay " + k);
            assertEquals(observed.requests(), replayed.requests(), 1e-6, "replay " + k);
        }
    }
}
