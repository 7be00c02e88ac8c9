package dev.scalewise.jobs;

import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySpec;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6 on the committed sample: every service x policy gets a recommendation that meets the SLO on
 * the held-out week and costs less than the observed run, or a status and reason saying why not; the
 * manifests written by --out load back through the policy loader with exactly the recommended
 * min/max replicas.
 */
class RecommendSampleTest {
    @Test
    void everyServiceGetsAProvenRecommendationOrAReason(@TempDir Path out) throws Exception {
        PolicyBundle bundle = PolicyBundle.read(List.of("policies"), Optional.empty());
        RecommendJob.Result result = RecommendJob.run(SharedSpark.get(), new RecommendJob.Request("sample-data",
                Optional.empty(), Optional.empty(), 60, "service", bundle, Optional.empty(),
                new RecommendJob.Options("COST", 0.25, null, null, null)));
        List<Row> rows = result.rows().collectAsList();
        assertEquals(bundle.policySet().policies().size(), rows.size());
        List<String> services = new ArrayList<>();
        for (Row r : rows) {
            services.add(r.getAs("service"));
            String status = r.getAs("status");
            String what = r.getAs("service") + "/" + r.getAs("policy") + " " + status + ": " + r.getAs("reason");
            assertFalse(r.<String>getAs("reason").isBlank(), what);
            if (status.equals("RECOMMENDED")) {
                assertTrue(r.<Double>getAs("holdout_recommended_budget_burn") <= 1.0, what);
                assertTrue(r.<Boolean>getAs("held_out"), what);
            } else {
                // issue 22: a row that is not recommended shows no savings, and says why and what would fix it
                assertNull(r.getAs("savings_pct"), what);
                assertTrue(status.equals("CANNOT_RECOMMEND") || r.<String>getAs("reason").contains("; "), what);
            }
        }
        // issue 22: the under-provisioned rerank HPA, whose cheapest setting on train misses the SLO on the
        // holdout, gets the cheapest setting that holds on both
        Row rerank = rows.stream().filter(r -> r.getAs("policy").equals("hpa/rerank")).findFirst().orElseThrow();
        assertEquals("RECOMMENDED", rerank.getAs("status"), rerank.<String>getAs("reason"));
        assertTrue(rerank.<Double>getAs("holdout_recommended_budget_burn") <= 1.0, rerank.<String>getAs("reason"));
        assertEquals(List.of("embed-search", "llm-api", "llm-chat", "llm-code", "rerank", "vision-ocr"),
                services.stream().distinct().sorted().toList());
        // issue 25: the LLM server's KV-cache HPA and queue-driven KEDA ScaledObject are recommended like the rest,
        // with cost per million tokens and TTFT and TPOT breach minutes apart wherever a run was replayed
        int withEvidence = 0;
        for (String policy : List.of("hpa/llm-api-kv-cache", "keda/llm-api-queue")) {
            Row r = rows.stream().filter(x -> x.getAs("policy").equals(policy)).findFirst().orElseThrow();
            String what = policy + " " + r.getAs("status") + ": " + r.getAs("reason");
            if (r.getAs("holdout_current_cost_per_1k") == null) {
                continue; // not replayed (the reason says why)
            }
            withEvidence++;
            for (String series : List.of("holdout_current_", "holdout_observed_")) {
                assertTrue(r.<Double>getAs(series + "cost_per_1m_tokens") > 0, what);
                assertNotNull(r.getAs(series + "ttft_breach_minutes"), what);
                assertNotNull(r.getAs(series + "tpot_breach_minutes"), what);
                assertTrue(r.<Long>getAs(series + "ttft_breach_minutes") <= r.<Long>getAs(series + "breach_minutes")
                        && r.<Long>getAs(series + "tpot_breach_minutes") <= r.<Long>getAs(series + "breach_minutes"), what);
            }
        }
        assertTrue(withEvidence > 0, "neither LLM policy was replayed");
        rows.stream().filter(x -> !x.getAs("service").equals("llm-api"))
                .forEach(x -> assertNull(x.getAs("holdout_observed_ttft_breach_minutes"), x.<String>getAs("policy")));
        // cheaper than the observed run, or the reason says why not
        long cheaperThanObserved = 0;
        for (Row r : rows) {
            if (!r.getAs("status").equals("RECOMMENDED")) {
                continue;
            }
            if (r.<Double>getAs("monthly_recommended") < r.<Double>getAs("monthly_observed")) {
                cheaperThanObserved++;
            } else {
                assertTrue(r.<String>getAs("reason").contains("more than the observed run"), r.<String>getAs("reason"));
            }
        }
        // 3 of the 8 recommended were cheaper than observed when this was written (the example policies for
        // llm-chat and llm-code scale on other signals than the fleet ran); fewer is a regression
        assertTrue(cheaperThanObserved >= 3, cheaperThanObserved + " recommendations cheaper than observed");

        SharedSpark.CliRun run = SharedSpark.cli("recommend", "--data", "sample-data", "--policies", "policies",
                "--service", "embed-search", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        // issue 20: the terminal table fits 120 columns, numbers rounded, and the why sentences follow it
        for (String line : run.out().split("\n")) {
            assertTrue(line.length() <= 120, "wider than 120 columns: " + line);
            assertFalse(line.matches(".*\\d[eE][+-]?\\d.*"), "scientific notation: " + line);
        }
        assertTrue(run.out().contains("embed-search / keda/embed-search: "), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("embed-search +keda/embed-search +recommended +0\\.\\d{1,5} +.*")),
                run.out());
        // issue 22: --diff prints what the edit changes, one unified diff per manifest
        SharedSpark.CliRun diff = SharedSpark.cli("recommend", "--data", "sample-data", "--policies", "policies",
                "--service", "embed-search", "--diff");
        assertEquals(0, diff.code(), diff.err());
        assertTrue(diff.out().startsWith("--- a/policies/keda-prometheus-rps.yaml\n+++ b/policies/keda-prometheus-rps.yaml\n@@ -"),
                diff.out());
        assertTrue(diff.out().lines().anyMatch(l -> l.startsWith("+") && l.contains("maxReplicaCount: ")), diff.out());
        Path edited = out.resolve("manifests/keda-prometheus-rps.yaml");
        assertTrue(Files.exists(edited), run.err());
        PolicySpec reloaded = PolicyLoader.load(List.of(edited.toString())).policies().get(0);
        Row keda = rows.stream().filter(r -> r.getAs("policy").equals("keda/embed-search")).findFirst().orElseThrow();
        for (Row k : keda.<Row>getList(keda.fieldIndex("knobs"))) {
            double recommended = k.getDouble(4);
            switch (k.getString(0)) {
                case "minReplicas" -> assertEquals(recommended, reloaded.minReplicas());
                case "maxReplicas" -> assertEquals(recommended, reloaded.maxReplicas());
                default -> { }
            }
        }
    }
}
