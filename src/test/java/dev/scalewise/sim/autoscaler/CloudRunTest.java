package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.ReplicaShape;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Billing;
import org.junit.jupiter.api.Test;

import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cloud Run's documented autoscaling (docs/autoscalers.md): per driver, ceil(one-minute mean / (per-instance
 * maximum x 60 % target)), the larger driver, one instance on a request from zero, an instance no longer
 * needed kept 15 minutes. Timelines worked out by hand; containerConcurrency 80, so 48 in flight each.
 */
class CloudRunTest {
    /** Cloud Run's defaults: 1 vCPU and 512 MiB. */
    static final ReplicaShape SHAPE = new ReplicaShape(1, 0.5, false);

    static CloudRunPolicy run(int min, int max) {
        return new CloudRunPolicy(meta("svc"), min, max, 80, 0.6, 0.6, false, false, 900, SHAPE);
    }

    @Test
    void aRequestScalesOutOfZero() {
        CloudRun c = new CloudRun(run(0, 10));
        assertEquals(1, c.decide(0, 0, 0, new Fixtures.Metrics().set(Signal.RPS, 1).set(Signal.QUEUE_DEPTH, 3)));
    }

    @Test
    void nothingArrivingStaysAtZero() {
        CloudRun c = new CloudRun(run(0, 10));
        assertEquals(0, c.decide(0, 0, 0, new Fixtures.Metrics().set(Signal.RPS, 0).set(Signal.QUEUE_DEPTH, 0)));
    }

    /**
     * One instance, 24 in flight until t=55, then 144. The one-minute window at t holds the samples after
     * t - 60: at t=60 eleven of 24 and one of 144, mean 34 -> ceil(34/48) = 1; t=65: 44 -> 1; t=70: 54 -> 2.
     */
    @Test
    void theConcurrencyDriverAveragesTheLastMinute() {
        CloudRun c = new CloudRun(run(1, 10));
        int replicas = 1;
        int[] at = new int[15];
        for (int i = 0; i < 15; i++) {
            long t = i * 5L;
            double inFlight = t < 60 ? 24 : 144;
            replicas = c.decide(t, replicas, 1, new Fixtures.Metrics().set(Signal.CONCURRENCY, inFlight).set(Signal.RPS, 1));
            at[i] = replicas;
        }
        assertEquals(1, at[12]); // t=60
        assertEquals(1, at[13]); // t=65
        assertEquals(2, at[14]); // t=70
    }

    /** Two instances at 90 % CPU: 1.8 instances' worth of CPU / 0.6 = 3, above the concurrency driver's 1. */
    @Test
    void theCpuDriverWinsWhenItNeedsMore() {
        CloudRun c = new CloudRun(run(1, 10));
        assertEquals(3, c.decide(0, 2, 2, new Fixtures.Metrics().set(Signal.CONCURRENCY, 5).set(Signal.CPU_UTIL, 0.9)
                .set(Signal.RPS, 1)));
    }

    /**
     * Two instances, then only enough work for one (24 in flight in all): the instance no longer needed
     * stays until the start's two leave the 15-minute window, at t=900.
     */
    @Test
    void anInstanceNoLongerNeededIsKeptFifteenMinutes() {
        CloudRun c = new CloudRun(run(0, 10));
        int replicas = 2;
        for (long t = 0; t < 900; t += 5) {
            replicas = c.decide(t, replicas, replicas, new Fixtures.Metrics().set(Signal.CONCURRENCY, 12).set(Signal.RPS, 1));
            assertEquals(2, replicas, "t=" + t);
        }
        assertEquals(1, c.decide(900, 2, 2, new Fixtures.Metrics().set(Signal.CONCURRENCY, 12).set(Signal.RPS, 1)));
    }

    @Test
    void maxInstancesCaps() {
        CloudRun c = new CloudRun(run(0, 4));
        assertEquals(4, c.decide(0, 1, 1, new Fixtures.Metrics().set(Signal.CONCURRENCY, 1000).set(Signal.RPS, 50)));
    }

    /**
     * Request-based billing (cpu-throttling, the default) bills instances while they serve at Google's request-based
     * rates plus $0.40 per million requests; instance-based billing their lifetime at the instance-based rates
     * (pricing page, Tier 1). 1 vCPU and 0.5 GiB: (0.000024 + 0.5 x 0.0000025) x 3600 = 0.0909 USD per hour
     * request-based, (0.000018 + 0.5 x 0.000002) x 3600 = 0.0684 instance-based.
     */
    @Test
    void theBillingSettingChoosesHowInstancesAreChargedAndAtWhichRates() {
        CloudRunPolicy requestBased = run(0, 4);
        Billing rb = new CloudRun(requestBased).billing();
        assertTrue(rb.whileServing());
        assertEquals(0.40, rb.pricePerMillionRequestsUsd());
        assertEquals(0.0909, rb.listPrice().activeUsdPerHour(), 1e-12);
        assertEquals(0, rb.listPrice().idleShare());
        CloudRunPolicy instanceBased = new CloudRunPolicy(requestBased.meta(), 0, 4, 80, 0.6, 0.6, true, false, 900, SHAPE);
        Billing ib = new CloudRun(instanceBased).billing();
        assertFalse(ib.whileServing());
        assertEquals(0, ib.pricePerMillionRequestsUsd());
        assertEquals(0.0684, ib.listPrice().activeUsdPerHour(), 1e-12);
    }

    /** Google's per-vCPU and per-GiB prices leave a GPU out: such an instance keeps the service's price, and says so. */
    @Test
    void anInstanceWithAGpuHasNoListPrice() {
        CloudRunPolicy gpu = new CloudRunPolicy(meta("svc"), 0, 4, 80, 0.6, 0.6, true, false, 900, new ReplicaShape(8, 32, true));
        Billing b = new CloudRun(gpu).billing();
        assertFalse(b.listPrice().known());
        assertTrue(b.basis(false).get(0).contains("leave out the instance's GPU"), b.basis(false).toString());
    }
}
