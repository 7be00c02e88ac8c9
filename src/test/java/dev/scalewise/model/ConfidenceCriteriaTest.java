package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 item 7: HIGH only when a relation meets the documented criteria (enough points, spread of load,
 * r² >= 0.5, a sane shape); each failing criterion gives LOW and the note names it.
 */
class ConfidenceCriteriaTest {
    static final ServiceSpec SPEC = new ServiceSpec("svc", new Slo(Slo.Percentile.P95, 1000, 0.99),
            OptionalDouble.of(60), OptionalDouble.of(1), true);

    /** GPU utilization = intercept + slope x load + noise, load uniform in [lo, hi], over n steps. */
    static SignalCurve gpu(int n, double lo, double hi, double intercept, double slope, double noise) {
        SplittableRandom random = new SplittableRandom(3);
        double[] requests = new double[n];
        double[] gpu = new double[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble(lo, hi);
            requests[i] = x * 2 * 60;
            gpu[i] = Math.max(0, Math.min(1, intercept + slope * x + noise * random.nextGaussian()));
        }
        ServiceHistory h = Histories.requests(requests).replicas(2).gpu(gpu).build();
        return ServiceModelFitter.fit(h, SPEC).gpuUtil();
    }

    @Test
    void aCleanLineOverAWideLoadRangeIsHigh() {
        SignalCurve c = gpu(200, 1, 10, 0.1, 0.05, 0.01);
        assertEquals(Confidence.HIGH, c.confidence(), c.note());
    }

    /** The case: r² of 0.08 must not be HIGH. */
    @Test
    void aPoorFitIsLowAndSaysWhy() {
        SignalCurve c = gpu(200, 1, 10, 0.3, 0.01, 0.15);
        assertAll(c.note(),
                () -> assertEquals(Confidence.LOW, c.confidence()),
                () -> assertTrue(c.note().contains("r²") && c.note().contains("HIGH needs 0.5"), c.note()));
    }

    @Test
    void aNarrowLoadRangeIsLow() {
        SignalCurve c = gpu(200, 9, 10, 0.1, 0.05, 0.0001);
        assertAll(c.note(),
                () -> assertEquals(Confidence.LOW, c.confidence()),
                () -> assertTrue(c.note().contains("load spread"), c.note()));
    }

    @Test
    void fewPointsAreLow() {
        SignalCurve c = gpu(20, 1, 10, 0.1, 0.05, 0.01);
        assertAll(c.note(),
                () -> assertEquals(Confidence.LOW, c.confidence()),
                () -> assertTrue(c.note().contains("20 points (HIGH needs 30)"), c.note()));
    }

    /** A line far below zero at zero load is the wrong shape for the loads below the data (issue 17). */
    @Test
    void aNegativeInterceptIsLow() {
        SignalCurve c = gpu(200, 5, 10, -0.3, 0.1, 0.005);
        assertAll(c.note(),
                () -> assertEquals(Confidence.LOW, c.confidence()),
                () -> assertTrue(c.note().contains("at zero load"), c.note()));
    }

    /** A capacity crossing measured over data the curve does not explain is LOW, not HIGH. */
    @Test
    void aMeasuredCapacityOverNoiseIsLow() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 400;
        double[] requests = new double[n];
        double[] p95 = new double[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble(1, 10);
            requests[i] = x * 2 * 60;
            p95[i] = 800 * Math.exp(0.6 * random.nextGaussian()); // no relation to load; often above 1000
        }
        Fitted c = ServiceModelFitter.fit(Histories.requests(requests).replicas(2).p95(p95).build(), SPEC)
                .capacityPerReplica();
        assertAll(c.note(),
                () -> assertEquals(Basis.MEASURED, c.basis()),
                () -> assertEquals(Confidence.LOW, c.confidence()),
                () -> assertTrue(c.note().contains("low:"), c.note()));
    }

    /** The measured capacity of a clean queueing curve meets every criterion. */
    @Test
    void aCleanMeasuredCapacityIsHigh() {
        Fitted c = ServiceModelFitter.fit(ServiceModelFitterTest.queueingHistory(19.5, 2000, 1), SPEC)
                .capacityPerReplica();
        assertEquals(Confidence.HIGH, c.confidence(), c.note());
        assertEquals(Basis.MEASURED, c.basis());
    }
}
