package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The observed baseline, worked out by hand with the golden model (10 rps/replica, 0.06 per replica-minute). */
class AsRunTest {
    static final double EPS = 1e-9;

    /**
     * <pre>
     * step  requests  replicas  p95    billing  -> cost   idle                    SLO
     * 0     600       1         500    NaN         0.06   need 1 of 1: 0          ok
     * 1     600       2         1200   0.2         0.2    need 1 of 2: 0.2/2=0.1  breach
     * 2     0         2         NaN    0.12        0.12   need 0: 0.12            not judged (no requests)
     * 3     300       0         NaN    0           0      no replicas: 0          cold start, not judged
     * </pre>
     * Step 0 has no billing, so its cost is replicas x price (1 x 0.06). Scale events: 1->2 up, 2->0 down.
     */
    @Test
    void observedOutcomeFromTheHistoryItself() {
        ServiceHistory h = Histories.requests(600, 600, 0, 300)
                .replicas(new double[] {1, 2, 2, 0})
                .p95(new double[] {500, 1200, Double.NaN, Double.NaN})
                .cost(new double[] {Double.NaN, 0.2, 0.12, 0})
                .build();
        Outcome o = AsRun.outcomes(h, ReplayGoldenTest.model(120), ReplayGoldenTest.spec()).total();
        assertAll(
                () -> assertEquals("observed", o.policy()),
                () -> assertEquals(1500, o.requests(), EPS),
                () -> assertEquals(0.38, o.cost(), EPS),
                () -> assertEquals(0.22, o.idleCost(), EPS),
                () -> assertEquals(2, o.sloMinutes()),
                () -> assertEquals(1, o.breachMinutes()),
                () -> assertEquals(0.5 / 0.01, o.budgetBurn(), EPS),
                () -> assertEquals(1, o.coldStartMinutes()),
                () -> assertEquals(1, o.scaleUpEvents()),
                () -> assertEquals(1, o.scaleDownEvents()),
                () -> assertEquals(5.0 / 60, o.replicaHours(), EPS),
                () -> assertEquals(1.25, o.meanReplicas(), EPS),
                () -> assertEquals(2, o.maxReplicas(), EPS),
                () -> assertTrue(Double.isNaN(o.meanGpuUtil())));
    }

    /**
     * A step without requests data (10:01) is left out of every total, though its replicas (3) and billing
     * (0.5) are known: requests 600 + 600, cost 1 x 0.06 + 1 x 0.06 (no billing: replicas x price), one
     * replica-minute each, one unknown minute, and no scale event (1 on both sides of the gap).
     */
    @Test
    void gapStepsAreLeftOutAndCountedAsUnknownMinutes() {
        ServiceHistory h = Histories.requests(600, Double.NaN, 600).replicas(new double[] {1, 3, 1})
                .p95(new double[] {500, 5000, 500}).cost(new double[] {Double.NaN, 0.5, Double.NaN}).build();
        Outcome o = AsRun.outcomes(h, ReplayGoldenTest.model(120), ReplayGoldenTest.spec()).total();
        assertAll(
                () -> assertEquals(1200, o.requests(), EPS),
                () -> assertEquals(0.12, o.cost(), EPS),
                () -> assertEquals(2.0 / 60, o.replicaHours(), EPS),
                () -> assertEquals(1, o.unknownMinutes()),
                () -> assertEquals(2, o.sloMinutes()),
                () -> assertEquals(0, o.breachMinutes()),
                () -> assertEquals(0, o.scaleUpEvents() + o.scaleDownEvents()));
    }

    /** Without a fitted capacity the idle share is unknown, not 0. */
    @Test
    void unknownCapacityMakesIdleShareUnknown() {
        ServiceModel m = ReplayGoldenTest.model(120);
        ServiceModel noCapacity = new ServiceModel(m.service(), m.latency(), m.percentile(),
                Fitted.unknown(3, "too little data"), m.saturationPerReplica(), m.busiestLoadPerReplica(), m.gpuUtil(),
                m.cpuUtil(), m.memUtil(), m.concurrency(), m.queueDepth(), m.startupSeconds(), m.pricePerReplicaHour(),
                m.currency());
        ServiceHistory h = Histories.requests(600, 600).replicas(2).build();
        Outcome o = AsRun.outcomes(h, noCapacity, ReplayGoldenTest.spec()).total();
        assertEquals(0.24, o.cost(), EPS); // 2 replicas x 2 minutes x 0.06
        assertTrue(Double.isNaN(o.idleShare()));
    }

    /** 30 s steps fold into minutes by their worst step: minute 0 (500, 1500) breaches, minute 1 does not. */
    @Test
    void shortStepsAreJudgedPerMinute() {
        ServiceHistory h = Histories.requests(300, 300, 300, 300).stepSeconds(30).replicas(1)
                .p95(new double[] {500, 1500, 500, 500}).build();
        Outcome o = AsRun.outcomes(h, ReplayGoldenTest.model(120), ReplayGoldenTest.spec()).total();
        assertEquals(2, o.sloMinutes());
        assertEquals(1, o.breachMinutes());
    }

    /** A 5-minute step judges each of its five minutes alike. */
    @Test
    void longStepsJudgeEachOfTheirMinutes() {
        ServiceHistory h = Histories.requests(3000, 3000).stepSeconds(300).replicas(1)
                .p95(new double[] {1500, 500}).build();
        Outcome o = AsRun.outcomes(h, ReplayGoldenTest.model(120), ReplayGoldenTest.spec()).total();
        assertEquals(10, o.sloMinutes());
        assertEquals(5, o.breachMinutes());
    }

    /**
     * Replaying the observed replica counts (instant startup, decided at each minute) pays exactly what the
     * as-run baseline pays when billing is replicas x price, with the same requests and scale events.
     */
    @Test
    void replayingTheObservedReplicasCostsWhatAsRunCosts() {
        SplittableRandom random = new SplittableRandom(5);
        int minutes = 3 * 1440;
        double[] requests = new double[minutes];
        double[] replicas = new double[minutes];
        for (int m = 0; m < minutes; m++) {
            replicas[m] = 1 + random.nextInt(6);
            requests[m] = random.nextInt(3000);
        }
        ServiceHistory h = Histories.requests(requests).replicas(replicas).build();
        ServiceModel model = ReplayGoldenTest.model(0);
        Autoscaler replayObserved = TestAutoscalers.schedule(60, t -> (int) replicas[(int) (t / 60)]);
        ReplayResult replayed = Replay.run(h, model, ReplayGoldenTest.spec(), replayObserved, ReplayOptions.of("same"));
        ReplayResult observed = AsRun.outcomes(h, model, ReplayGoldenTest.spec());
        assertEquals(3, observed.days().size());
        for (int d = 0; d < 3; d++) {
            Outcome r = replayed.days().get(d);
            Outcome o = observed.days().get(d);
            assertEquals(o.cost(), r.cost(), 1e-9 * o.cost());
            assertEquals(o.requests(), r.requests(), 1e-6);
            assertEquals(o.replicaHours(), r.replicaHours(), 1e-9);
            assertEquals(o.idleCost(), r.idleCost(), 1e-9 * o.cost());
            assertEquals(o.scaleUpEvents(), r.scaleUpEvents());
            assertEquals(o.scaleDownEvents(), r.scaleDownEvents());
        }
    }
}
