package dev.scalewise.sim;

import dev.scalewise.UserError;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi-step scenarios worked out by hand. The model throughout: p95 latency rises linearly from
 * 100 ms (idle) to 1000 ms at 10 rps per replica, so capacity is exactly 10 rps/replica at the
 * 1000 ms SLO; latency(x) = 100 + 90 x ms. Price 3.6 per replica-hour = 0.001 per replica-second.
 */
class ReplayGoldenTest {
    static final Slo SLO = new Slo(Slo.Percentile.P95, 1000, 0.99);
    static final double EPS = 1e-9;

    static ServiceModel model(double startupSeconds) {
        return ServiceModel.stated("svc", new LatencyCurve(0, 10, new double[] {100, 1000}, 20), SLO,
                startupSeconds, 3.6);
    }

    static ServiceSpec spec() {
        return new ServiceSpec("svc", SLO, OptionalDouble.empty(), OptionalDouble.empty(), true);
    }

    @Test
    void capacityOfTheStatedCurveIsTenRpsPerReplica() {
        assertEquals(10, model(120).capacityPerReplica().value(), EPS);
    }

    /**
     * Demand 5 rps for 2 minutes, then 15 rps for 8; one replica; the controller asks for 2 from t=120 s;
     * the new pod serves from 120 + 120 = 240 s.
     * <ul>
     *   <li>[120, 240): 15 rps against 10 rps capacity, backlog grows 5/s: 600 requests at 240.</li>
     *   <li>[240, 360): 2 replicas, 20 rps capacity, backlog drains at 5/s: 600 / 5 = 120 s, empty at 360.</li>
     *   <li>Breach minutes: 2 and 3 (backlog grows), 4 and 5 (backlog drains at full capacity, so latency =
     *       1000 ms + queueing delay). Minute 6 on: 7.5 rps/replica, 100 + 90 x 7.5 = 775 ms. Minutes 0-1: 550 ms.</li>
     *   <li>Cost: 1 replica x 120 s + 2 x 480 s = 1080 replica-s x 0.001 = 1.08 (the new pod pays from the
     *       decision, not from ready).</li>
     *   <li>Idle: needed = demand / 10: minutes 0-1 need 0.5 of 1 (0.5 x 120 = 60 replica-s), then 1.5 of 2
     *       (0.5 x 480 = 240): 300 replica-s = 0.3.</li>
     * </ul>
     */
    @Test
    void stepIncreaseBreachesUntilTheNewPodIsReadyAndTheBacklogDrained() {
        ServiceHistory h = Histories.requests(300, 300, 900, 900, 900, 900, 900, 900, 900, 900).replicas(1).build();
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        ReplayResult r = Replay.run(h, model(120), spec(), TestAutoscalers.schedule(15, t -> t < 120 ? 1 : 2),
                ReplayOptions.of("step").withTimeline(timeline, Signal.RPS));
        Outcome o = r.total();
        assertAll(
                () -> assertEquals(7800, o.requests(), EPS),
                () -> assertEquals(10, o.sloMinutes()),
                () -> assertEquals(4, o.breachMinutes()),
                () -> assertEquals(1.08, o.cost(), EPS),
                () -> assertEquals(0.3, o.replicaHours(), EPS),
                () -> assertEquals(0.3, o.idleCost(), EPS),
                () -> assertEquals(1, o.scaleUpEvents()),
                () -> assertEquals(0, o.scaleDownEvents()),
                () -> assertEquals(0, o.coldStartMinutes()),
                () -> assertEquals(2, o.maxReplicas(), EPS),
                () -> assertEquals(1.08 / 7800 * 1000, o.costPer1k(), EPS),
                () -> assertEquals("step", o.policy()));
        List<TimelineRow> rows = timeline.rows();
        assertEquals(40, rows.size(), "one row per 15 s decision over 10 minutes");
        // t=120: the decision starts pod 2; t=225: last period before it serves; t=240: it serves.
        assertEquals(new TimelineRow(120, 15, 5, 2, 1, 1, 75, 1000 + 37.5 / 10 * 1000, true, 0.03), rows.get(8));
        assertEquals(1, rows.get(15).startingReplicas(), "t=225: pod 2 still starting");
        assertEquals(2, rows.get(16).readyReplicas());
        assertEquals(0, rows.get(24).backlogRequests(), EPS);
        assertEquals(775, rows.get(24).latencyMs(), EPS);
    }

    /**
     * The step increase above with clients that give up after 20 s in the queue: one replica drains 10
     * rps, so at most 10 x 20 = 200 requests can wait (the one at the back waits 200 / 10 = 20 s).
     * <ul>
     *   <li>[120, 240): the backlog grows 75 per 15 s step, 75, 150, then is held at 200 (the rest time out).</li>
     *   <li>From 240 two replicas drain 5/s more than arrives: 200 -> 125 -> 50 -> 0 at 285 (without the
     *       timeout: 600 requests, empty at 360).</li>
     *   <li>Breach minutes: 2, 3 and 4; minute 5 is back to 775 ms (it breached without the timeout).</li>
     *   <li>Arrivals, cost and scale events are those of the test above.</li>
     * </ul>
     */
    @Test
    void requestTimeoutBoundsTheBacklogAndShortensTheRecovery() {
        ServiceHistory h = Histories.requests(300, 300, 900, 900, 900, 900, 900, 900, 900, 900).replicas(1).build();
        ServiceSpec timingOut = new ServiceSpec("svc", SLO, OptionalDouble.empty(), OptionalDouble.empty(), true,
                OptionalDouble.of(20));
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        ReplayResult r = Replay.run(h, model(120), timingOut, TestAutoscalers.schedule(15, t -> t < 120 ? 1 : 2),
                ReplayOptions.of("timeout").withTimeline(timeline, Signal.RPS));
        List<TimelineRow> rows = timeline.rows();
        assertAll(
                () -> assertEquals(3, r.total().breachMinutes()),
                () -> assertEquals(7800, r.total().requests(), EPS),
                () -> assertEquals(1.08, r.total().cost(), EPS),
                () -> assertEquals(75, rows.get(8).backlogRequests(), EPS),
                () -> assertEquals(150, rows.get(9).backlogRequests(), EPS),
                () -> assertEquals(200, rows.get(10).backlogRequests(), EPS),
                () -> assertEquals(200, rows.get(15).backlogRequests(), EPS),
                () -> assertEquals(125, rows.get(16).backlogRequests(), EPS),
                () -> assertEquals(50, rows.get(17).backlogRequests(), EPS),
                () -> assertEquals(0, rows.get(18).backlogRequests(), EPS),
                () -> assertEquals(775, rows.get(20).latencyMs(), EPS));
    }

    /**
     * No replica at all, 10 rps, clients give up after 30 s: every 15 s step half the waiting requests
     * (those older than 15 s, ages spread evenly over 30 s) leave and 150 arrive: 150, 225, 262.5, ...
     * approaching 10 x 30 = 300, never above it. Without a timeout the queue grows 150 a step forever.
     */
    @Test
    void withNothingServingTheTimeoutHoldsTheQueueAtRateTimesTimeout() {
        ServiceHistory h = Histories.requests(600, 600, 600, 600, 600).replicas(0).build();
        ServiceSpec timingOut = new ServiceSpec("svc", SLO, OptionalDouble.empty(), OptionalDouble.empty(), true,
                OptionalDouble.of(30));
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        Replay.run(h, model(120), timingOut, TestAutoscalers.schedule(15, t -> 0),
                ReplayOptions.of("zero").withTimeline(timeline, Signal.RPS));
        List<TimelineRow> rows = timeline.rows();
        assertEquals(150, rows.get(0).backlogRequests(), EPS);
        assertEquals(225, rows.get(1).backlogRequests(), EPS);
        assertEquals(262.5, rows.get(2).backlogRequests(), EPS);
        assertEquals(300 - 150 * Math.pow(0.5, 19), rows.get(19).backlogRequests(), 1e-6);
        assertTrue(rows.stream().allMatch(row -> row.backlogRequests() <= 300), "never above rate x timeout");
    }

    /**
     * Always 3 replicas; 20 rps for 2 minutes, nothing for 10, 20 rps for 2; starts 23:55 UTC so the
     * replay spans two days (5 minutes, then 9).
     * <ul>
     *   <li>Only the 4 minutes with traffic are judged: 20 / 3 = 6.67 rps/replica, 700 ms, no breach.</li>
     *   <li>Cost 3 x 840 s x 0.001 = 2.52; first day 3 x 300 s x 0.001 = 0.9.</li>
     *   <li>Idle: traffic minutes need 2 of 3 (1 x 240 s), the lull needs none (3 x 600 s): 2040 replica-s = 2.04.</li>
     * </ul>
     */
    @Test
    void lullKeepsPayingAndIsNotJudged() {
        double[] perMinute = {1200, 1200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1200, 1200};
        ServiceHistory h = Histories.requests(perMinute).replicas(3).start(Instant.parse("2026-01-01T23:55:00Z")).build();
        ReplayResult r = Replay.run(h, model(120), spec(), TestAutoscalers.always(3), ReplayOptions.of("three"));
        Outcome o = r.total();
        assertAll(
                () -> assertEquals(4, o.sloMinutes()),
                () -> assertEquals(0, o.breachMinutes()),
                () -> assertEquals(2.52, o.cost(), EPS),
                () -> assertEquals(2.04, o.idleCost(), EPS),
                () -> assertEquals(2.04 / 2.52, o.idleShare(), EPS),
                () -> assertEquals(3, o.meanReplicas(), EPS),
                () -> assertEquals(3, o.p95Replicas(), EPS),
                () -> assertEquals(0, o.scaleUpEvents() + o.scaleDownEvents()));
        assertEquals(2, r.days().size());
        Outcome first = r.days().get(0);
        Outcome second = r.days().get(1);
        assertAll(
                () -> assertEquals(Instant.parse("2026-01-01T23:55:00Z"), first.periodStart()),
                () -> assertEquals(Instant.parse("2026-01-02T00:00:00Z"), first.periodEnd()),
                () -> assertEquals(Instant.parse("2026-01-02T00:09:00Z"), second.periodEnd()),
                () -> assertEquals(0.9, first.cost(), EPS),
                () -> assertEquals(2, first.sloMinutes()),
                () -> assertEquals(2, second.sloMinutes()),
                () -> assertEquals(1.62, second.cost(), EPS));
    }

    /**
     * Scale from zero with a 30 s startup: 360 requests (6 rps) in minute 2 only; the controller asks
     * for one replica while it saw demand or a queue over the last 15 s.
     * <ul>
     *   <li>t=120 sees [105,120): nothing, stays 0; 90 requests queue. t=135 sees 6 rps: starts a pod,
     *       ready at 165. Backlog 270 at 165 (cold start for [120,165)).</li>
     *   <li>[165,180): 90 arrive, 150 served: 210 left. [180,195): 150 served: 60. [195,210): 60 served: 0.</li>
     *   <li>t=195 and t=210 still see a queue (means 135, 30) and keep the pod; t=225 sees nothing: 0.</li>
     *   <li>Minute 2: cold start, breach. Minute 3 drains the backlog (a breach too), but the history has no
     *       requests there, so the observed run does not judge it, and neither does the replay (same
     *       minutes for both: docs/replay.md, "Same footing").</li>
     *   <li>Cost: one pod over [135,225) = 90 s = 0.09. Idle: needed 0.6 over [135,180) (0.4 x 45 = 18),
     *       0 over [180,225) (45): 63 replica-s = 0.063.</li>
     * </ul>
     */
    @Test
    void burstAtZeroGetsTheColdStart() {
        ServiceHistory h = Histories.requests(0, 0, 360, 0, 0, 0).replicas(0).build();
        ReplayResult r = Replay.run(h, model(30), spec(), TestAutoscalers.oneWhileBusy(), ReplayOptions.of("zero"));
        Outcome o = r.total();
        assertAll(
                () -> assertEquals(1, o.sloMinutes()),
                () -> assertEquals(1, o.breachMinutes()),
                () -> assertEquals(1, o.coldStartMinutes()),
                () -> assertEquals(0.09, o.cost(), EPS),
                () -> assertEquals(0.063, o.idleCost(), EPS),
                () -> assertEquals(1, o.scaleUpEvents()),
                () -> assertEquals(1, o.scaleDownEvents()),
                () -> assertEquals(1, o.maxReplicas(), EPS));
    }

    /** Scaling down removes a starting pod before a ready one, and pays for neither afterwards. */
    @Test
    void scaleDownRemovesStartingPodsFirst() {
        ServiceHistory h = Histories.requests(600, 600, 600).replicas(1).build();
        // 10 rps on one replica: exactly at capacity (1000 ms, not a breach). At 30 s ask for 2, at 45 s back
        // to 1: the starting pod (ready at 150 s) goes, the serving one stays, so nothing breaches.
        ReplayResult r = Replay.run(h, model(120), spec(),
                TestAutoscalers.schedule(15, t -> t == 30 ? 2 : 1), ReplayOptions.of("blip"));
        assertAll(
                () -> assertEquals(0, r.total().breachMinutes()),
                () -> assertEquals(3, r.total().sloMinutes()),
                // 1 x 180 s + 1 x 15 s for the short-lived starting pod = 195 replica-s
                () -> assertEquals(0.195, r.total().cost(), EPS),
                () -> assertEquals(1, r.total().scaleUpEvents()),
                () -> assertEquals(1, r.total().scaleDownEvents()));
    }

    /** The same step increase with an instant startup: pod 2 serves from 120 s, 7.5 rps/replica, no breach. */
    @Test
    void instantStartupServesFromTheDecision() {
        ServiceHistory h = Histories.requests(300, 300, 900, 900, 900, 900, 900, 900, 900, 900).replicas(1).build();
        Outcome o = Replay.run(h, model(0), spec(), TestAutoscalers.schedule(15, t -> t < 120 ? 1 : 2),
                ReplayOptions.of("instant")).total();
        assertEquals(0, o.breachMinutes());
        assertEquals(1.08, o.cost(), EPS);
    }

    @Test
    void refusesAModelWithoutCapacityNamingTheServiceAndWhy() {
        ServiceModel unknown = ServiceModelFitter.fit(Histories.requests(600, 600).replicas(1).build(), spec());
        UserError e = assertThrows(UserError.class, () -> Replay.run(Histories.requests(600).replicas(1).build(),
                unknown, spec(), TestAutoscalers.always(1), ReplayOptions.of("x")));
        assertTrue(e.getMessage().contains("svc") && e.getMessage().contains("too little data"), e.getMessage());
    }
}
