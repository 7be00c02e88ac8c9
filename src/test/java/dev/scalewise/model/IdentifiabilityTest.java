package dev.scalewise.model;

import dev.scalewise.data.DatasetKind;
import dev.scalewise.data.HistoryAligner;
import dev.scalewise.data.InputBlock;
import dev.scalewise.data.InputRow;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.testkit.ContractCsv;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 item 2: capacity says what it is (measured, extrapolated, a lower bound), never explodes, and
 * does not depend on the step the same data are aligned to.
 */
class IdentifiabilityTest {
    static final Slo SLO = new Slo(Slo.Percentile.P95, 1000, 0.99);
    static final ServiceSpec SPEC = new ServiceSpec("svc", SLO, OptionalDouble.of(60), OptionalDouble.of(1), true);
    static final ServiceSpec ALIBABA = new ServiceSpec("genai-sd", new Slo(Slo.Percentile.P95, 68_000, 0.95),
            OptionalDouble.of(240), OptionalDouble.empty(), true);

    /**
     * The real GenAI trace (latency does not rise with load) at its native 57 s step and at 60 s, whole and
     * cut to its first half, 60 %, ..., 90 %: the capacity is a lower bound at every cut, the two alignments
     * within 10 % of each other. (Before issue 17 three of the cuts extrapolated a slope of ~0 into 1e13 rps.)
     */
    @Test
    void theRealTraceAtTwoStepsGivesTheSameLowerBound() {
        ServiceHistory at57 = ContractCsv.history(ContractCsv.ALIBABA, "genai-sd", 57);
        ServiceHistory at60 = ContractCsv.history(ContractCsv.ALIBABA, "genai-sd", 60);
        for (double share : new double[] {0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0}) {
            Fitted a = ServiceModelFitter.fit(at57.slice(0, (int) (at57.steps() * share)), ALIBABA).capacityPerReplica();
            Fitted b = ServiceModelFitter.fit(at60.slice(0, (int) (at60.steps() * share)), ALIBABA).capacityPerReplica();
            String what = share + " of the trace: 57 s " + a.value() + ", 60 s " + b.value();
            assertAll(what,
                    () -> assertEquals(Basis.LOWER_BOUND, a.basis(), a.note()),
                    () -> assertEquals(Basis.LOWER_BOUND, b.basis(), b.note()),
                    () -> assertTrue(Math.abs(a.value() / b.value() - 1) <= 0.10, what),
                    () -> assertTrue(a.value() < 0.1 && b.value() < 0.1, what));
        }
    }

    /**
     * A synthetic service whose truth is known (p95 = 100 ms / (1 - x / 20 rps), capacity 18 rps at 1000 ms),
     * recorded in 3 s rows and aligned at 57 s and at 60 s: both measure the capacity, within 10 % of each
     * other and of the truth.
     */
    @Test
    void aMeasuredCapacityDoesNotDependOnTheStep() {
        List<InputRow> rows = threeSecondRows(7);
        ServiceModel at57 = ServiceModelFitter.fit(align(rows, 57), SPEC);
        ServiceModel at60 = ServiceModelFitter.fit(align(rows, 60), SPEC);
        double a = at57.capacityPerReplica().value();
        double b = at60.capacityPerReplica().value();
        assertAll(
                () -> assertEquals(Basis.MEASURED, at57.capacityPerReplica().basis(), at57.capacityPerReplica().note()),
                () -> assertEquals(Basis.MEASURED, at60.capacityPerReplica().basis(), at60.capacityPerReplica().note()),
                () -> assertTrue(Math.abs(a / b - 1) <= 0.10, a + " vs " + b),
                () -> assertEquals(18, a, 1.8),
                () -> assertEquals(18, b, 1.8));
    }

    /** Six hours of 3 s rows, 4 replicas, load per replica sweeping 1..19 rps every hour. */
    static List<InputRow> threeSecondRows(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<InputRow> rows = new ArrayList<>();
        long t0 = Histories.START.toEpochMilli();
        for (int k = 0; k < 6 * 1200; k++) {
            double x = 10 - 9 * Math.cos(2 * Math.PI * k / 1200.0);
            long start = t0 + k * 3000L;
            double p95 = 100 / (1 - x / 20) * Math.exp(0.05 * random.nextGaussian());
            rows.add(new InputRow(DatasetKind.REQUESTS, "svc", start, start + 3000, "requests", 0, k, "",
                    new double[] {x * 4 * 3, 0, Double.NaN, Double.NaN, 4}, 0b1100, ""));
            rows.add(new InputRow(DatasetKind.LATENCY, "svc", start, start + 3000, "latency", 0, k, "",
                    new double[] {Double.NaN, p95, Double.NaN}, 0b101, ""));
        }
        return rows;
    }

    static ServiceHistory align(List<InputRow> rows, int stepSeconds) {
        return new HistoryAligner(stepSeconds, OptionalLong.empty(), OptionalLong.empty(),
                EnumSet.of(DatasetKind.REQUESTS, DatasetKind.LATENCY)).align("svc", InputBlock.of(rows))
                .history().orElseThrow();
    }

    /**
     * Latency that does not rise with load, noisy or exactly constant (whose fitted line through 1/L has a
     * slope of ~0 by rounding alone), at about half the threshold or just below it (where noise alone would
     * put an M/M/1 crossing within reach): always a lower bound at the busiest load history held, never beyond
     * what was seen, and a curve that stays flat beyond it.
     */
    @ParameterizedTest(name = "level {0} ms, noise {1}")
    @CsvSource({"36000, 0", "36000, 0.05", "36000, 0.3", "62000, 0.05", "62000, 0.15"})
    void flatLatencyIsALowerBoundNeverAnExplosion(double levelMs, double noise) {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int steps = 300;
            double[] requests = new double[steps];
            double[] p95 = new double[steps];
            double maxLoad = 0;
            for (int i = 0; i < steps; i++) {
                double x = random.nextDouble(0.01, 0.06);
                maxLoad = Math.max(maxLoad, x);
                requests[i] = x * 100 * 60;
                p95[i] = levelMs * Math.exp(noise * random.nextGaussian());
            }
            ServiceModel m = ServiceModelFitter.fit(Histories.requests(requests).replicas(100).p95(p95).build(),
                    new ServiceSpec("svc", new Slo(Slo.Percentile.P95, 68_000, 0.95), OptionalDouble.of(240),
                            OptionalDouble.of(1), true));
            Fitted c = m.capacityPerReplica();
            double busiest = m.busiestLoadPerReplica().value();
            double top = maxLoad;
            long s = seed;
            assertAll("seed " + s + ": " + c.note(),
                    () -> assertEquals(Basis.LOWER_BOUND, c.basis()),
                    () -> assertEquals(Confidence.LOW, c.confidence()),
                    () -> assertEquals(busiest, c.value()),
                    () -> assertTrue(c.value() <= top && c.value() > 0.9 * top, c.value() + " vs max " + top),
                    () -> assertEquals(m.latency().latencyMs(top), m.latency().latencyMs(1000 * top), 1e-9),
                    () -> assertEquals(c.value(), m.saturationPerReplica().value()),
                    () -> assertEquals(Basis.DEFAULT, m.saturationPerReplica().basis()));
        }
    }

    /**
     * Latency rising along p95 = 100 / (1 - x/20) but seen only up to 6 rps/replica: an M/M/1 fit would put the
     * capacity at 18, three times beyond what history held, further than the two the model extrapolates: a lower
     * bound at the busiest load, whose note says how far the extrapolation would have gone.
     */
    @Test
    void risingLatencyFarBelowTheThresholdIsABoundNotAFarExtrapolation() {
        Fitted c = ServiceModelFitter.fit(ServiceModelFitterTest.queueingHistory(6, 2000, 1), SPEC).capacityPerReplica();
        assertAll(c.note(),
                () -> assertEquals(Basis.LOWER_BOUND, c.basis()),
                () -> assertTrue(c.value() <= 6 && c.value() > 5.5, "" + c.value()),
                () -> assertTrue(c.note().contains("too far"), c.note()));
    }

    /** Within two times the busiest load the extrapolation stands, LOW, and says how far it went. */
    @Test
    void aNearExtrapolationSaysHowFar() {
        Fitted c = ServiceModelFitter.fit(ServiceModelFitterTest.queueingHistory(12, 2000, 1), SPEC).capacityPerReplica();
        assertAll(c.note(),
                () -> assertEquals(Basis.EXTRAPOLATED, c.basis()),
                () -> assertEquals(Confidence.LOW, c.confidence()),
                () -> assertTrue(c.note().matches(".*extrapolated to 1\\.[4-6]x the busiest load.*"), c.note()));
    }
}
