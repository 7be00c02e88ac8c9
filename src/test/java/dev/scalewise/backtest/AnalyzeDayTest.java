package dev.scalewise.backtest;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.jobs.rows.AnalyzeRows;
import dev.scalewise.model.Confidence;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.sim.Outcome;
import dev.scalewise.testkit.Histories;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** analyze's per-day numbers: the as-run baseline of the backtest, plus what analyze shows about them. */
class AnalyzeDayTest {
    private static final double N = Double.NaN;

    /** The tiny fixture's "chat" service, aligned by hand; arithmetic in fixtures/tiny/README.md. */
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
        List<AnalyzeDay> days = AnalyzeDay.of(chat(), ServiceSpec.defaults("chat"));
        assertEquals(1, days.size());
        AnalyzeDay d = days.get(0);
        Outcome o = d.outcome();
        assertAll(
                () -> assertEquals(LocalDate.parse("2026-01-05"), d.date()),
                () -> assertEquals(5400, o.requests(), 1e-9),
                () -> assertEquals(0.5, o.cost(), 1e-9),
                () -> assertTrue(d.costKnown()),
                () -> assertEquals(0.5 / 5400 * 1000, o.costPer1k(), 1e-12), // 0.0925925...
                () -> assertEquals(12.0 / 60, o.replicaHours(), 1e-12),      // 12 replica-minutes
                () -> assertEquals(5, o.sloMinutes()),
                () -> assertEquals(1, o.breachMinutes()),                    // 10:02, p95 1200 > 1000
                () -> assertEquals(0.2 / 0.01, o.budgetBurn(), 1e-9),
                () -> assertEquals(0.7, o.meanGpuUtil(), 1e-12),             // (0.6 + 0.8) / 2
                () -> assertEquals(0, o.unknownMinutes()),
                // 5 latency points are fewer than the 30 the capacity fit needs: capacity and idle share unknown
                () -> assertTrue(Double.isNaN(d.capacity().value())),
                () -> assertEquals(Confidence.LOW, d.capacity().confidence()),
                () -> assertEquals("too little data: 5 steps with requests, replicas and p95 latency; need 30",
                        d.capacity().note()),
                () -> assertTrue(Double.isNaN(d.idleShare())));
    }

    /**
     * 10:01 has no requests row (its replicas and billing are known): it is left out of requests
     * (5400 - 1200), cost (0.5 - 0.1), replica-hours ((12 - 2) / 60) and SLO minutes (5 - 1).
     */
    @Test
    void gapsAreLeftOutOfTotalsAndCountedAsUnknownMinutes() {
        ServiceHistory h = chat();
        h.requests()[1] = N;
        Outcome o = AnalyzeDay.of(h, ServiceSpec.defaults("chat")).get(0).outcome();
        assertAll(
                () -> assertEquals(4200, o.requests(), 1e-9),
                () -> assertEquals(0.4, o.cost(), 1e-9),
                () -> assertEquals(10.0 / 60, o.replicaHours(), 1e-12),
                () -> assertEquals(4, o.sloMinutes()),
                () -> assertEquals(1, o.unknownMinutes()),
                () -> assertEquals(0.6, o.meanGpuUtil(), 1e-12)); // 10:01's 0.8 is in the gap
    }

    /** Without billing the cost is unknown, unless services.yaml sets a price: 1 replica x 3.6 / h x 1 min = 0.06. */
    @Test
    void stepsAreSplitByUtcDayAndCostNeedsBillingOrAPrice() {
        ServiceHistory h = Histories.requests(60, 60).start(Instant.parse("2026-01-05T23:59:00Z")).replicas(1).build();
        List<AnalyzeDay> days = AnalyzeDay.of(h, ServiceSpec.defaults(h.service()));
        assertEquals(List.of(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-06")),
                days.stream().map(AnalyzeDay::date).toList());
        assertTrue(days.stream().noneMatch(AnalyzeDay::costKnown));
        assertTrue(Double.isNaN(days.get(0).outcome().costPer1k()));
        assertEquals(0, days.get(0).outcome().sloMinutes()); // no latency data

        ServiceSpec priced = new ServiceSpec(h.service(), Slo.DEFAULT, OptionalDouble.empty(), OptionalDouble.of(3.6), true);
        List<AnalyzeDay> pricedDays = AnalyzeDay.of(h, priced);
        assertTrue(pricedDays.stream().allMatch(AnalyzeDay::costKnown));
        assertEquals(0.06, pricedDays.get(1).outcome().cost(), 1e-12);
    }

    /**
     * analyze and the backtest's observed rows are one computation: for two days with a fitted capacity,
     * billing and a few gaps, every number of every row is identical (not just close).
     */
    @Test
    void analyzeRowsAreTheBacktestObservedRows() {
        int steps = 2 * 1440;
        SplittableRandom random = new SplittableRandom(11);
        double[] requests = new double[steps];
        double[] replicas = new double[steps];
        double[] p95 = new double[steps];
        double[] cost = new double[steps];
        for (int i = 0; i < steps; i++) {
            replicas[i] = 2 + random.nextInt(4);
            double rpsPerReplica = 2 + random.nextDouble() * 23;
            requests[i] = i % 97 == 0 ? N : rpsPerReplica * replicas[i] * 60;
            p95[i] = 200 + 40 * rpsPerReplica; // reaches 1000 ms at 20 rps per replica
            cost[i] = replicas[i] * 0.05;
        }
        ServiceHistory h = Histories.requests(requests).replicas(replicas).p95(p95).cost(cost).build();
        List<Row> rows = AnalyzeRows.rows(h, ServiceSpec.defaults(h.service()));
        List<Outcome> observed = ServiceBacktest.run(h, ServiceSpec.defaults(h.service()), List.of(), h.start(),
                h.start().plus(Duration.ofDays(2))).outcomes().stream().map(PolicyOutcome::outcome).toList();
        assertEquals(2, rows.size());
        assertEquals(2, observed.size());
        for (int d = 0; d < 2; d++) {
            Row r = rows.get(d);
            Outcome o = observed.get(d);
            assertAll(
                    () -> assertEquals(o.requests(), col(r, "requests")),
                    () -> assertEquals(o.cost(), col(r, "effective_cost")),
                    () -> assertEquals(o.costPer1k(), col(r, "cost_per_1k")),
                    () -> assertEquals(o.replicaHours(), col(r, "replica_hours")),
                    () -> assertEquals(o.meanReplicas(), col(r, "mean_replicas")),
                    () -> assertEquals(o.maxReplicas(), col(r, "max_replicas")),
                    () -> assertEquals(o.sloMinutes(), (long) col(r, "slo_minutes")),
                    () -> assertEquals(o.breachMinutes(), (long) col(r, "breach_minutes")),
                    () -> assertEquals(o.budgetBurn(), col(r, "budget_burn")),
                    () -> assertEquals(o.idleShare(), col(r, "idle_share")),
                    () -> assertEquals(o.unknownMinutes(), (long) col(r, "unknown_minutes")),
                    () -> assertEquals("high", col(r, "capacity_confidence")));
            // not vacuous: capacity was fitted, some minutes breached, some replicas idle, gaps counted
            assertTrue(o.breachMinutes() > 0 && o.idleShare() > 0 && o.unknownMinutes() > 0, o.toString());
            assertFalse(Double.isNaN((double) col(r, "capacity_rps_per_replica")));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T col(Row r, String name) {
        return (T) r.get(AnalyzeRows.SCHEMA.fieldIndex(name));
    }
}
