package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cloud Run's request-based billing, worked out by hand on ReplayGoldenTest's model (latency 100 + 90 x ms at x
 * rps per replica, capacity 10 rps, 0.001 per replica-second; in flight per replica by Little's law,
 * x x latency): an instance is billed while it serves a request, so a ready instance with c < 1 requests in
 * flight on average is billed at most c of the time, plus $0.40 per million requests.
 */
class ReplayBillingTest {
    static final double EPS = 1e-9;

    static Autoscaler billed(Billing billing, int replicas) {
        Autoscaler a = TestAutoscalers.always(replicas);
        return new Autoscaler() {
            @Override
            public int periodSeconds() {
                return a.periodSeconds();
            }

            @Override
            public int decide(long now, int current, int ready, MetricsView metrics) {
                return a.decide(now, current, ready, metrics);
            }

            @Override
            public Billing billing() {
                return billing;
            }
        };
    }

    /**
     * 2 instances; 5 rps for 5 minutes, then 15.
     * <pre>
     * 5 rps    2.5 rps each, 325 ms, 2.5 x 0.325 = 0.8125 in flight each: billed 1.625 of 2; needed 0.5
     * 15 rps   7.5 rps each, 775 ms, 5.8 in flight each: both billed; needed 1.5
     * </pre>
     * Cost 300 x 1.625 x 0.001 + 300 x 2 x 0.001 = 1.0875, plus 6000 requests x 0.4e-6 = 0.0024; idle (billed
     * beyond the need) 300 x 1.125 x 0.001 + 300 x 0.5 x 0.001 = 0.4875. Billed for its lifetime the same run
     * costs 2 x 600 x 0.001 = 1.2 with 300 x 1.5 x 0.001 + 300 x 0.5 x 0.001 = 0.6 idle, and no request charge.
     */
    @Test
    void requestBasedBillingChargesInstancesWhileTheyServe() {
        ServiceHistory h = Histories.requests(300, 300, 300, 300, 300, 900, 900, 900, 900, 900).replicas(2).build();
        Outcome serving = Replay.run(h, ReplayGoldenTest.model(120), ReplayGoldenTest.spec(),
                billed(new Billing(true, Integer.MAX_VALUE, 0.40, ListPrice.NONE), 2), ReplayOptions.of("request-based")).total();
        Outcome lifetime = Replay.run(h, ReplayGoldenTest.model(120), ReplayGoldenTest.spec(),
                billed(Billing.LIFETIME, 2), ReplayOptions.of("instance-based")).total();
        assertAll(
                () -> assertEquals(1.0875 + 0.0024, serving.cost(), EPS),
                () -> assertEquals(0.4875, serving.idleCost(), EPS),
                () -> assertEquals(1.2, lifetime.cost(), EPS),
                () -> assertEquals(0.6, lifetime.idleCost(), EPS),
                () -> assertEquals(lifetime.replicaHours(), serving.replicaHours(), EPS, "the instances run either way"),
                () -> assertEquals(lifetime.breachMinutes(), serving.breachMinutes()));
    }

    /** The request charge is listed in USD: a service priced in another currency is not charged it. */
    @Test
    void theRequestChargeNeedsAServicePricedInUsd() {
        ServiceHistory h = Histories.requests(900, 900).replicas(2).build();
        dev.scalewise.model.ServiceModel m = ReplayGoldenTest.model(120);
        dev.scalewise.model.ServiceModel eur = new dev.scalewise.model.ServiceModel(m.service(), m.latency(), m.percentile(),
                m.capacityPerReplica(), m.saturationPerReplica(), m.busiestLoadPerReplica(), m.gpuUtil(), m.cpuUtil(),
                m.memUtil(), m.concurrency(), m.queueDepth(), m.startupSeconds(), m.pricePerReplicaHour(), "EUR", m.work(),
                m.more(), m.llmSignals());
        Outcome o = Replay.run(h, eur, ReplayGoldenTest.spec(), billed(Billing.lifetime(0.40, ListPrice.NONE), 2),
                ReplayOptions.of("eur")).total();
        assertEquals(2 * 120 * 0.001, o.cost(), EPS);
    }
}
