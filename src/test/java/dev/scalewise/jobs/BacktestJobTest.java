package dev.scalewise.jobs;

import dev.scalewise.backtest.PolicyOutcome;
import dev.scalewise.backtest.ServiceBacktest;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.sample.SampleConfig;
import dev.scalewise.sample.SampleWriter;
import dev.scalewise.sim.Outcome;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backtest job on a 3-service, 3-day generated fleet with 2 policies (an HPA for llm-chat and one
 * for embed-search; rerank has none and gets only its observed rows): every Spark row equals what the
 * pure-Java core computes for the same service directly, and a rerun of a day replaces it with the
 * same rows.
 */
class BacktestJobTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path policies;

    @BeforeAll
    static void fleet() throws Exception {
        SharedSpark.get();
        data = tmp.resolve("fleet");
        new SampleWriter(ParquetFiles::write).write(new SampleConfig(3, 3, 60, 7, LocalDate.parse("2026-10-05")), data, false, d -> { });
        policies = tmp.resolve("policies");
        Files.createDirectories(policies);
        Files.writeString(policies.resolve("two.yaml"), """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: chat-tight}
                spec:
                  scaleTargetRef: {kind: Deployment, name: llm-chat}
                  minReplicas: 3
                  maxReplicas: 60
                  metrics:
                    - type: Pods
                      pods: {metric: {name: rps_per_replica}, target: {type: AverageValue, averageValue: "1.5"}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: embed-lean}
                spec:
                  scaleTargetRef: {kind: Deployment, name: embed-search}
                  minReplicas: 2
                  maxReplicas: 80
                  metrics:
                    - type: Pods
                      pods: {metric: {name: rps_per_replica}, target: {type: AverageValue, averageValue: "100"}}
                """);
        Files.copy(data.resolve("services.yaml"), policies.resolve("services.yaml"));
    }

    @Test
    void rowsEqualTheCoreComputedDirectly() {
        PolicyBundle bundle = PolicyBundle.read(List.of(policies.toString()), Optional.empty());
        BacktestJob.Result result = BacktestJob.run(SharedSpark.get(), new BacktestJob.Request(data.toString(),
                Optional.empty(), Optional.empty(), 60, "service", bundle, 1));
        List<Row> rows = result.rows().orderBy("service", "policy", "date").collectAsList();
        // observed x 3 services + 2 policies, x 3 days
        assertEquals((3 + 2) * 3, rows.size());
        assertEquals(0, result.problems().count());
        // the kernel timer wraps each policy's replay once: 2 policies, each on its one service
        assertEquals(2, result.kernel().replays());
        assertTrue(result.kernel().cpuSeconds() > 0, "kernel CPU time summed from the executors");

        for (String service : List.of("llm-chat", "embed-search", "rerank")) {
            ServiceHistory h = HistoryJob.histories(SharedSpark.get(), data.toString(), java.util.Set.of(service),
                    Optional.empty(), Optional.empty(), 60, "service").history(service);
            List<PolicySpec> ps = bundle.policiesFor(service);
            ServiceBacktest.Result core = ServiceBacktest.run(h, bundle.service(service), ps, Instant.MIN, Instant.MAX);
            assertEquals(3 * (1 + ps.size()), core.outcomes().size());
            for (PolicyOutcome po : core.outcomes()) {
                Outcome o = po.outcome();
                Row r = rows.stream().filter(x -> x.getAs("service").equals(service)
                        && x.getAs("policy").equals(po.policy().label())
                        && x.getAs("date").equals(o.periodStart().toString().substring(0, 10))).findFirst().orElseThrow();
                assertEquals(o.requests(), r.<Double>getAs("requests"), 1e-9);
                assertEquals(o.cost(), r.<Double>getAs("cost"), 1e-9);
                assertEquals(o.replicaHours(), r.<Double>getAs("replica_hours"), 1e-9);
                assertEquals(o.breachMinutes(), r.<Long>getAs("breach_minutes"));
                assertEquals(o.scaleUpEvents(), r.<Long>getAs("scale_up_events"));
                assertEquals(o.p95Replicas(), r.<Double>getAs("p95_replicas"), 1e-9);
                assertEquals(po.policy().family().id(), r.getAs("family"));
            }
        }
        assertTrue(rows.stream().anyMatch(r -> r.getAs("policy").equals("hpa/chat-tight")));
    }

    @Test
    void rerunningADayReplacesItWithTheSameRowsAndLeavesTheOthers() throws Exception {
        Path out = tmp.resolve("out");
        String[] day2 = {"backtest", "--data", data.toString(), "--policies", policies.toString(), "--from", "2026-10-06",
                "--to", "2026-10-06", "--out", out.toString()};
        String[] day3 = day2.clone();
        day3[6] = "2026-10-07";
        day3[8] = "2026-10-07";
        assertEquals(0, SharedSpark.cli(day2).code());
        assertEquals(0, SharedSpark.cli(day3).code());
        List<Row> first = SharedSpark.get().read().parquet(out.resolve("results").toString())
                .orderBy("date", "service", "policy").collectAsList();
        assertEquals(2 * 5, first.size());
        SharedSpark.CliRun again = SharedSpark.cli(day2);
        assertEquals(0, again.code(), again.err());
        List<Row> second = SharedSpark.get().read().parquet(out.resolve("results").toString())
                .orderBy("date", "service", "policy").collectAsList();
        assertEquals(first, second);
        assertTrue(Files.isDirectory(out.resolve("results/date=2026-10-07")));
    }

    /** A policy for a service the exports lack is one problem, dated the last day reported, not a failure. */
    @Test
    void aPolicyForAServiceWithoutDataIsAProblemOnTheLastDay() throws Exception {
        Path more = tmp.resolve("more-policies");
        Files.createDirectories(more);
        Files.copy(policies.resolve("two.yaml"), more.resolve("two.yaml"));
        Files.copy(policies.resolve("services.yaml"), more.resolve("services.yaml"));
        Files.writeString(more.resolve("ghost.yaml"), """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: ghost-hpa}
                spec:
                  scaleTargetRef: {kind: Deployment, name: ghost}
                  minReplicas: 1
                  maxReplicas: 4
                  metrics:
                    - type: Pods
                      pods: {metric: {name: rps_per_replica}, target: {type: AverageValue, averageValue: "5"}}
                """);
        PolicyBundle bundle = PolicyBundle.read(List.of(more.toString()), Optional.empty());
        BacktestJob.Result result = BacktestJob.run(SharedSpark.get(), new BacktestJob.Request(data.toString(),
                Optional.empty(), Optional.empty(), 60, "service", bundle, 1));
        List<Row> problems = result.problems().collectAsList();
        assertEquals(1, problems.size());
        Row p = problems.get(0);
        // the fleet's 3 days start 2026-10-05; the last one reported is the 7th
        assertEquals("2026-10-07", p.getString(0));
        assertEquals("ghost", p.getString(1));
        assertTrue(p.getString(3).startsWith("no data for service 'ghost' under "), p.getString(3));
        assertEquals(3 * 3 + 2 * 3, result.rows().count()); // the other services' rows are all there
    }
}
