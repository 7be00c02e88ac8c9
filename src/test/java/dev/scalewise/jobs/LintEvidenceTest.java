package dev.scalewise.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7: on the committed sample, `lint --data` flags the deliberately under-provisioned rerank HPA
 * (policies/hpa-rerank-capped.yaml, maxReplicas 20) with the breach minutes `backtest` reports for the
 * same policy over the same days, and with the replicas its peak needed.
 */
class LintEvidenceTest {
    @Test
    void underProvisionedPolicyIsFlaggedWithTheBacktestsBreachMinutes() throws Exception {
        SharedSpark.CliRun lint = SharedSpark.cli("lint", "policies/hpa-rerank-capped.yaml", "--services",
                "policies/services.yaml", "--data", "sample-data", "--days", "7", "--format", "json", "--fail-on", "warning");
        assertEquals(1, lint.code(), lint.err()); // evidence findings are warnings (judgments): they fail the run here
        JsonNode findings = new ObjectMapper().readTree(lint.out()).get("findings");
        String breach = message(findings, "SW901");
        Matcher m = Pattern.compile("for (\\d+) minutes").matcher(breach);
        assertTrue(m.find(), breach);
        long lintMinutes = Long.parseLong(m.group(1));
        assertTrue(message(findings, "SW902").contains("but maxReplicas is 20"), message(findings, "SW902"));

        PolicyBundle bundle = PolicyBundle.read(List.of("policies/hpa-rerank-capped.yaml"),
                Optional.of("policies/services.yaml"));
        BacktestJob.Result backtest = BacktestJob.run(SharedSpark.get(), new BacktestJob.Request("sample-data",
                Optional.empty(), Optional.empty(), 60, "service", bundle, 1));
        // the sample covers 2026-10-05..18: the last 7 days start on 2026-10-12
        List<Row> days = backtest.rows().filter("policy = 'hpa/rerank' and date >= '2026-10-12'").collectAsList();
        assertEquals(7, days.size());
        long backtestMinutes = days.stream().mapToLong(r -> r.<Long>getAs("breach_minutes")).sum();
        assertEquals(backtestMinutes, lintMinutes);
        assertTrue(lintMinutes > 0.01 * 7 * 1440, "rerank must breach beyond its 1 % error budget: " + lintMinutes);
    }

    @Test
    void nightlyResultsGiveTheSameFindingWithoutAReplay(@TempDir Path out) throws Exception {
        SharedSpark.CliRun backtest = SharedSpark.cli("backtest", "--data", "sample-data", "--policies",
                "policies/hpa-rerank-capped.yaml", "--services", "policies/services.yaml", "--out", out.toString());
        assertEquals(0, backtest.code(), backtest.err());
        SharedSpark.CliRun fromResults = SharedSpark.cli("lint", "policies/hpa-rerank-capped.yaml", "--services",
                "policies/services.yaml", "--results", out.toString(), "--format", "json", "--fail-on", "warning");
        SharedSpark.CliRun fromData = SharedSpark.cli("lint", "policies/hpa-rerank-capped.yaml", "--services",
                "policies/services.yaml", "--data", "sample-data", "--format", "json");
        assertEquals(1, fromResults.code(), fromResults.err());
        String a = message(new ObjectMapper().readTree(fromResults.out()).get("findings"), "SW901");
        String b = message(new ObjectMapper().readTree(fromData.out()).get("findings"), "SW901");
        // the same minutes, budget and worst days; only --data can also compare with the observed run
        assertEquals(b.replaceAll("; the observed run had \\d+ breach minutes", ""), a);
    }

    private static String message(JsonNode findings, String rule) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(rule)) {
                return f.get("message").asText();
            }
        }
        throw new AssertionError("no " + rule + " finding in " + findings);
    }
}
