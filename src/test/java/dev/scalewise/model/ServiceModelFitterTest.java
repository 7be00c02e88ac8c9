package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceModelFitterTest {
    static final Slo SLO = new Slo(Slo.Percentile.P95, 1000, 0.99);
    static final ServiceSpec SPEC = new ServiceSpec("svc", SLO, OptionalDouble.empty(), OptionalDouble.empty(), true);

    /**
     * History drawn from p95 = 100 ms / (1 - x / 20 rps) with 10 % lognormal noise, x = load per replica
     * uniform in [0.2, maxLoad]. True capacity at 1000 ms: 20 x (1 - 100/1000) = 18 rps/replica.
     */
    static ServiceHistory queueingHistory(double maxLoad, int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double replicas = 3;
        double[] requests = new double[steps];
        double[] p95 = new double[steps];
        double[] gpu = new double[steps];
        double[] cost = new double[steps];
        for (int i = 0; i < steps; i++) {
            double x = random.nextDouble(0.2, maxLoad);
            requests[i] = x * replicas * 60;
            p95[i] = 100 / (1 - x / 20) * Math.exp(0.1 * random.nextGaussian());
            gpu[i] = 0.1 + 0.04 * x;
            cost[i] = replicas * 2.5 * 60 / 3600;
        }
        return Histories.requests(requests).replicas(replicas).p95(p95).gpu(gpu).cost(cost).build();
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3"})
    void capacityInsideTheObservedRangeIsWithinTenPercent(long seed) {
        ServiceModel m = ServiceModelFitter.fit(queueingHistory(19.5, 2000, seed), SPEC);
        Fitted c = m.capacityPerReplica();
        assertAll(
                () -> assertEquals(18, c.value(), 1.8, c.note()),
                () -> assertEquals(Confidence.HIGH, c.confidence()),
                () -> assertEquals(2000, c.sampleSize()),
                () -> assertEquals(1000, m.latency().latencyMs(c.value()), 1e-6, "the curve meets the SLO at capacity"));
    }

    /** History only reached 60 % of the service rate (p95 at most 250 ms): extrapolated, flagged LOW. */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3"})
    void capacityBeyondTheObservedRangeIsExtrapolatedWithLowConfidence(long seed) {
        Fitted c = ServiceModelFitter.fit(queueingHistory(12, 2000, seed), SPEC).capacityPerReplica();
        assertAll(
                () -> assertEquals(18, c.value(), 1.8, c.note()),
                () -> assertEquals(Confidence.LOW, c.confidence()),
                () -> assertTrue(c.note().contains("extrapolated"), c.note()));
    }

    @Test
    void latencyCurveNeverDecreasesWithLoad() {
        LatencyCurve curve = ServiceModelFitter.fit(queueingHistory(19.5, 500, 7), SPEC).latency();
        double previous = 0;
        for (double x = 0; x < 19.9; x += 0.05) {
            double y = curve.latencyMs(x);
            assertTrue(y >= previous - 1e-9, "latency fell at " + x);
            previous = y;
        }
    }

    @Test
    void tooLittleDataSaysSoInsteadOfInventingNumbers() {
        ServiceModel m = ServiceModelFitter.fit(queueingHistory(19.5, 12, 1), SPEC);
        assertAll(
                () -> assertFalse(m.capacityPerReplica().known()),
                () -> assertEquals(Confidence.LOW, m.capacityPerReplica().confidence()),
                () -> assertEquals(12, m.capacityPerReplica().sampleSize()),
                () -> assertTrue(m.capacityPerReplica().note().startsWith("too little data"),
                        m.capacityPerReplica().note()),
                () -> assertEquals(120, m.startupSeconds().value()),
                () -> assertEquals(Confidence.DEFAULT, m.startupSeconds().confidence()),
                () -> assertFalse(m.cpuUtil().known()),
                () -> assertTrue(Double.isNaN(m.cpuUtil().at(5))));
    }

    /** Billing 2.5 per replica-hour exactly: 3 replicas x 60 s cost 3 x 2.5 / 60 per step. */
    @Test
    void priceComesFromBillingUnlessServicesYamlSetsIt() {
        ServiceHistory h = queueingHistory(19.5, 200, 1);
        Fitted billed = ServiceModelFitter.fit(h, SPEC).pricePerReplicaHour();
        assertEquals(2.5, billed.value(), 1e-9);
        assertEquals(Confidence.HIGH, billed.confidence());
        assertEquals(200, billed.sampleSize());
        ServiceSpec priced = new ServiceSpec("svc", SLO, OptionalDouble.of(45), OptionalDouble.of(4.0), true);
        ServiceModel m = ServiceModelFitter.fit(h, priced);
        assertEquals(4.0, m.pricePerReplicaHour().value());
        assertEquals(45, m.startupSeconds().value());
        assertEquals(Confidence.HIGH, m.startupSeconds().confidence());
    }

    @Test
    void withoutBillingOrOverrideThePriceIsUnknown() {
        ServiceHistory h = Histories.requests(new double[50]).replicas(2).build();
        Fitted price = ServiceModelFitter.fit(h, SPEC).pricePerReplicaHour();
        assertFalse(price.known());
        assertTrue(price.note().contains("pricePerReplicaHour"), price.note());
    }

    /** The synthetic GPU utilization is 0.1 + 0.04 x exactly; the fit recovers it and clamps at 1. */
    @Test
    void gpuUtilizationIsALineInLoadPerReplicaClampedToOne() {
        SignalCurve gpu = ServiceModelFitter.fit(queueingHistory(19.5, 300, 3), SPEC).gpuUtil();
        assertAll(
                () -> assertEquals(0.04, gpu.slope(), 1e-9),
                () -> assertEquals(0.1, gpu.intercept(), 1e-9),
                () -> assertEquals(0.5, gpu.at(10), 1e-9),
                () -> assertEquals(1.0, gpu.at(40), 1e-12),
                () -> assertEquals(300, gpu.sampleSize()));
    }

    /**
     * Five demand step-ups (600 -> 1200 requests per minute) each followed by a replica increase 3 steps
     * later: the estimate is the 180 s lag, LOW (it includes the controller's reaction).
     */
    @Test
    void startupIsEstimatedFromTheLagBetweenDemandStepUpAndReadyReplicas() {
        int steps = 5 * 40;
        double[] requests = new double[steps];
        double[] replicas = new double[steps];
        for (int i = 0; i < steps; i++) {
            int phase = i % 40;
            requests[i] = phase >= 10 && phase < 30 ? 1200 : 600;
            replicas[i] = phase >= 13 && phase < 33 ? 4 : 2;
        }
        Fitted startup = ServiceModelFitter.fit(Histories.requests(requests).replicas(replicas).build(), SPEC)
                .startupSeconds();
        assertAll(
                () -> assertEquals(180, startup.value()),
                () -> assertEquals(5, startup.sampleSize()),
                () -> assertEquals(Confidence.LOW, startup.confidence()));
    }

    /** Without in-flight data, concurrency follows Little's law on the latency curve: 10 rps x 0.2 s = 2. */
    @Test
    void concurrencyFallsBackToLittlesLaw() {
        ServiceModel m = ServiceModel.stated("svc", LatencyCurve.queueing(100, 20), SLO, 60, 1);
        assertEquals(2.0, m.concurrencyPerReplica(10), 1e-9);
        ServiceModel observed = m.withConcurrency(new OccupancyCurve("concurrency",
                LatencyCurve.queueing(150, Double.POSITIVE_INFINITY), OccupancyCurve.Source.OBSERVED, 20,
                Confidence.HIGH, "test"));
        assertEquals(1.5, observed.concurrencyPerReplica(10), 1e-9);
    }
}
