package dev.scalewise.calibrate;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.sim.AsRun;
import dev.scalewise.testkit.ContractCsv;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17 item 1: the verdict follows its documented criteria, on synthetic truth and on a real trace. */
class CalibratorTest {
    static final Slo SLO = new Slo(Slo.Percentile.P95, 1000, 0.99);
    static final ServiceSpec SPEC = new ServiceSpec("svc", SLO, OptionalDouble.of(60), OptionalDouble.of(1), true);

    /**
     * Two days of 1-minute steps: demand per replica follows a daily cycle from 1 rps up to {@code peak} with 3
     * replicas; p95 = 100 ms / (1 - x / 20) x 5 % noise (1000 ms, the threshold, at 18 rps), plus, when
     * {@code spikes}, 3 % of minutes at 3 s whatever the load (a GC pause, a slow dependency): breaches the
     * load does not explain.
     */
    static ServiceHistory history(long seed, double peak, boolean spikes) {
        SplittableRandom random = new SplittableRandom(seed);
        int steps = 2 * 1440;
        double[] requests = new double[steps];
        double[] p95 = new double[steps];
        for (int i = 0; i < steps; i++) {
            double x = 1 + (peak - 1) * 0.5 * (1 - Math.cos(2 * Math.PI * i / 1440.0)) + random.nextDouble(-0.3, 0.3);
            requests[i] = x * 3 * 60;
            p95[i] = 100 / (1 - x / 20) * Math.exp(0.05 * random.nextGaussian());
            if (spikes && random.nextInt(100) < 3) {
                p95[i] = 3000;
            }
        }
        return Histories.requests(requests).replicas(3).p95(p95).build();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aServiceWhoseLatencyFollowsLoadIsTrusted(long seed) {
        ServiceHistory h = history(seed, 19.5, false);
        Calibration c = Calibrator.calibrate(h, ServiceModelFitter.fit(h, SPEC), SPEC);
        assertAll(c.reason(),
                () -> assertEquals(Trust.TRUSTED, c.trust()),
                () -> assertTrue(c.medianAbsLogRatio() < Math.log(1.1), "" + c.medianAbsLogRatio()),
                () -> assertTrue(c.observedBreachMinutes() > 100, "load-driven breaches: " + c.observedBreachMinutes()),
                () -> assertTrue(c.bothBreachMinutes() >= 0.5 * c.eitherBreachMinutes()),
                () -> assertEquals(c.observedReplicaMinutes(), c.replayedReplicaMinutes(), 1e-6));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void breachesTheLoadDoesNotExplainAreNotTrusted(long seed) {
        ServiceHistory h = history(seed, 15, true);
        Calibration c = Calibrator.calibrate(h, ServiceModelFitter.fit(h, SPEC), SPEC);
        assertAll(c.reason(),
                () -> assertNotEquals(Trust.TRUSTED, c.trust()),
                () -> assertTrue(c.observedBreachMinutes() > 50, "" + c.observedBreachMinutes()),
                () -> assertTrue(c.bothBreachMinutes() < 0.5 * c.eitherBreachMinutes()));
    }

    /** The real GenAI trace: breaches are not load-driven (latency even falls with load): untrusted, and says why. */
    @Test
    void theRealTraceIsNotTrusted() {
        ServiceSpec spec = new ServiceSpec("genai-sd", new Slo(Slo.Percentile.P95, 68_000, 0.95), OptionalDouble.of(240),
                OptionalDouble.empty(), true);
        for (int step : new int[] {57, 60}) {
            ServiceHistory h = ContractCsv.history(ContractCsv.ALIBABA, "genai-sd", step);
            ServiceModel m = ServiceModelFitter.fit(h, spec);
            Calibration c = Calibrator.calibrate(h, m, spec);
            assertAll("step " + step + ": " + c.reason(),
                    () -> assertEquals(Trust.UNTRUSTED, c.trust()),
                    () -> assertTrue(c.observedBreachMinutes() > 10),
                    () -> assertEquals(0, c.bothBreachMinutes()),
                    () -> assertTrue(c.reason().contains("do not follow load")),
                    () -> assertTrue(c.reason().contains("lower bound")),
                    () -> assertEquals(AsRun.outcomes(h, m, spec).total().sloMinutes(), c.comparedMinutes()));
        }
    }

    /** The thresholds, minute counts worked out by hand. */
    @Test
    void verdictThresholds() {
        double ln = Math.log(1.2);
        assertAll(
                () -> assertEquals(Trust.TRUSTED, Calibrator.verdict(100, ln, Math.log(1.9), 0, 0, 0, 0).trust()),
                () -> assertEquals(Trust.TRUSTED, Calibrator.verdict(100, ln, Math.log(1.9), 10, 10, 7, 13).trust()),
                // fewer than 5 breach minutes in all: too few to disagree on
                () -> assertEquals(Trust.TRUSTED, Calibrator.verdict(100, ln, Math.log(1.9), 4, 0, 0, 4).trust()),
                () -> assertEquals(Trust.ROUGH, Calibrator.verdict(100, ln, Math.log(1.9), 10, 10, 4, 16).trust()),
                () -> assertEquals(Trust.ROUGH, Calibrator.verdict(100, Math.log(1.4), Math.log(2.5), 0, 0, 0, 0).trust()),
                () -> assertEquals(Trust.UNTRUSTED, Calibrator.verdict(100, Math.log(1.6), Math.log(2), 0, 0, 0, 0).trust()),
                () -> assertEquals(Trust.UNTRUSTED, Calibrator.verdict(100, ln, Math.log(1.9), 10, 10, 3, 17).trust()),
                () -> assertEquals(Trust.UNTRUSTED, Calibrator.verdict(59, ln, Math.log(1.9), 0, 0, 0, 0).trust()));
    }

    /** The reason reads as the tables do: counts with thousands separators. */
    @Test
    void reasonCountsAreGrouped() {
        String reason = Calibrator.verdict(20_160, Math.log(1.02), Math.log(1.05), 1_715, 1_719, 1_645, 1_789).reason();
        assertEquals("modeled latency within 2% of observed in the typical minute, within 5% in 9 of 10 (20,160 minutes); "
                + "1,645 of the 1,789 breach minutes in both (observed 1,715, modeled 1,719)", reason);
    }
}
