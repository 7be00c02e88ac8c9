package dev.scalewise.jobs;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.Slo;
import dev.scalewise.sim.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tiny fixture's "chat" service, aligned by hand; arithmetic in fixtures/tiny/README.md. */
class ObservedDaysTest {
    private static final double N = Double.NaN;

    static ServiceHistory chat() {
        double[] requests = {600, 1200, 1800, 1200, 600};
        double[] replicas = {2, 2, 3, 3, 2};
        double[] p95 = {400, 500, 1200, 700, 300};
        double[] gpu = {0.6, 0.8, N, N, N};
        double[] cost = {0.1, 0.1, 0.1, 0.1, 0.1};
        double[] unknown = new double[5];
        Arrays.fill(unknown, N);
        return new ServiceHistory("chat", Instant.parse("2026-01-05T10:00:00Z"), 60, requests, replicas, unknown,
                unknown, unknown, p95, unknown, gpu, unknown, unknown, cost, "USD");
    }

    @Test
    void tinyFixtureChatDay() {
        List<AnalyzeDay> days = ObservedDays.of(chat(), Slo.DEFAULT);
        assertEquals(1, days.size());
        AnalyzeDay d = days.get(0);
        Outcome o = d.outcome();
        assertEquals(LocalDate.parse("2026-01-05"), d.date());
        assertEquals(5400, o.requests(), 1e-9);
        assertEquals(0.5, o.cost(), 1e-9);
        assertEquals(0.5 / 5400 * 1000, o.costPer1k(), 1e-12); // 0.0925925...
        assertEquals(12.0 / 60, o.replicaHours(), 1e-12);      // 12 replica-minutes
        assertEquals(5, o.sloMinutes());
        assertEquals(1, o.breachMinutes());                    // 10:02, p95 1200 > 1000
        assertEquals(0.2 / 0.01, o.budgetBurn(), 1e-9);
        assertEquals(0.7, o.meanGpuUtil(), 1e-12);             // (0.6 + 0.8) / 2
        assertEquals(10, d.capacityRpsPerReplica(), 1e-9);     // p95 of {5, 10, 6.67, 5}
        assertEquals(3.0 / 12, d.idleShare(), 1e-12);          // idle replica-minutes 1+0+0+1+1
        assertEquals(0, d.unknownMinutes());
    }

    @Test
    void gapsAreLeftOutOfTotalsAndCountedAsUnknownMinutes() {
        ServiceHistory h = chat();
        h.requests()[1] = N;
        h.replicas()[1] = N;
        AnalyzeDay d = ObservedDays.of(h, Slo.DEFAULT).get(0);
        assertEquals(4200, d.outcome().requests(), 1e-9);
        assertEquals(0.4, d.outcome().cost(), 1e-9); // the gap's 0.1 is not charged to the covered minutes
        assertEquals(1, d.unknownMinutes());
        assertEquals(4, d.outcome().sloMinutes());
    }

    @Test
    void stepsAreSplitByUtcDayAndCostUnknownWithoutBilling() {
        double[] two = {60, 60};
        double[] one = {1, 1};
        double[] nan = {N, N};
        ServiceHistory h = new ServiceHistory("s", Instant.parse("2026-01-05T23:59:00Z"), 60, two, one, nan, nan,
                nan, nan, nan, nan, nan, nan, nan, "");
        List<AnalyzeDay> days = ObservedDays.of(h, Slo.DEFAULT);
        assertEquals(List.of(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-06")),
                days.stream().map(AnalyzeDay::date).toList());
        assertTrue(days.stream().noneMatch(AnalyzeDay::costKnown));
        assertEquals("all_minutes", days.get(0).capacityBasis()); // no latency data at all
        assertEquals(0, days.get(0).outcome().sloMinutes());
    }
}
