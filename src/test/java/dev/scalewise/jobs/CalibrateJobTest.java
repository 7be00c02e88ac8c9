package dev.scalewise.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.Numbers;
import dev.scalewise.jobs.rows.CalibrateRows;
import dev.scalewise.testkit.ContractCsv;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * `scalewise calibrate` end to end on the real GenAI trace (CSV in the data contract): the model replaying the
 * trace's own replicas does not reproduce its breaches, so the verdict is untrusted, with the model's numbers
 * in json and the same row in Parquet under --out (the columns of schemas/calibration.avsc).
 */
class CalibrateJobTest {
    static final String DATA = ContractCsv.ALIBABA.toString();
    static final String SERVICES = ContractCsv.ALIBABA.resolve("services.yaml").toString();

    @BeforeAll
    static void spark() {
        SharedSpark.get();
    }

    @Test
    void theRealTraceIsUntrustedAndSaysWhy() throws Exception {
        SharedSpark.CliRun run = SharedSpark.cli("calibrate", "--data", DATA, "--services", SERVICES, "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode row = new ObjectMapper().readTree(run.out()).get("services").get(0);
        assertAll(run.out(),
                () -> assertEquals("genai-sd", row.get("service").asText()),
                () -> assertEquals("untrusted", row.get("trust").asText()),
                () -> assertTrue(row.get("trust_reason").asText().contains("do not follow load")),
                () -> assertEquals("lower bound", row.get("capacity_kind").asText()),
                () -> assertEquals(16, row.get("observed_breach_minutes").asLong()),
                () -> assertEquals(0, row.get("both_breach_minutes").asLong()),
                () -> assertEquals(499, row.get("compared_minutes").asLong()),
                () -> assertEquals("Little's law", row.get("concurrency_source").asText()),
                () -> assertEquals("capacity per replica (rps at the SLO)", row.get("model").get(0).get("parameter").asText()));
    }

    @Test
    void tableLeavesTheModelOutAndParquetKeepsIt(@TempDir Path out) {
        SharedSpark.CliRun table = SharedSpark.cli("calibrate", "--data", DATA, "--services", SERVICES);
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("untrusted") && !table.out().contains("parameter"), table.out());
        // the table fits a terminal of 120 columns without cutting what the capacity is, and the verdict's reason
        // follows it in words
        for (String line : table.out().split("\n")) {
            assertTrue(line.length() <= 120, "wider than 120 columns: " + line);
        }
        assertTrue(table.out().lines().anyMatch(l -> l.matches("genai-sd +untrusted +.* lower bound")), table.out());
        assertTrue(table.out().contains("genai-sd: untrusted. the model reproduces none of the 16 observed breach"),
                table.out());
        SharedSpark.CliRun written = SharedSpark.cli("calibrate", "--data", DATA, "--services", SERVICES,
                "--out", out.toString());
        assertEquals(0, written.code(), written.err());
        List<Row> rows = SharedSpark.get().read().parquet(out.toString()).collectAsList();
        assertEquals(1, rows.size());
        assertEquals(Arrays.asList(CalibrateRows.SCHEMA.fieldNames()).subList(1, CalibrateRows.SCHEMA.size()),
                Arrays.asList(rows.get(0).schema().fieldNames()).subList(0, CalibrateRows.SCHEMA.size() - 1));
        assertEquals("untrusted", rows.get(0).getAs("trust"));
    }

    /**
     * The committed sample's LLM server: calibrate's observed cost per 1k requests and per million tokens (blended,
     * input, output) over three days are the figures backtest's observed row shows for the same days, and the ones
     * analyze's day rows add up to (input and output split by work, promptTokenWeight 0.25 stated: docs/tokens.md);
     * a service without tokens has none (null, never 0 or NaN).
     */
    @Test
    void llmApiCostsPerMillionTokensAsAnalyzeAndBacktestCountThem() throws Exception {
        String[] period = {"--data", "sample-data", "--services", "sample-data/services.yaml", "--from", "2026-10-06",
                "--to", "2026-10-08"};
        ObjectMapper json = new ObjectMapper();
        SharedSpark.CliRun calibrate = SharedSpark.cli(with(period, "calibrate", "--format", "json"));
        assertEquals(0, calibrate.code(), calibrate.err());
        JsonNode cal = service(json.readTree(calibrate.out()).get("services"), "llm-api");
        JsonNode plain = service(json.readTree(calibrate.out()).get("services"), "rerank");
        SharedSpark.CliRun backtest = SharedSpark.cli(with(period, "backtest", "--policies",
                "policies/hpa-llm-api-kv-cache.yaml", "--warmup-days", "0", "--format", "json"));
        assertEquals(0, backtest.code(), backtest.err());
        JsonNode observed = null;
        for (JsonNode r : json.readTree(backtest.out()).get("rows")) {
            observed = r.get("service").asText().equals("llm-api") && r.get("family").asText().equals("observed")
                    ? r : observed;
        }
        SharedSpark.CliRun analyze = SharedSpark.cli(with(period, "analyze", "--format", "json"));
        assertEquals(0, analyze.code(), analyze.err());
        double cost = 0;
        double prompt = 0;
        double generated = 0;
        int days = 0;
        for (JsonNode r : json.readTree(analyze.out()).get("rows")) {
            if (r.get("service").asText().equals("llm-api")) {
                cost += r.get("effective_cost").asDouble();
                prompt += r.get("prompt_tokens").asDouble();
                generated += r.get("generation_tokens").asDouble();
                days++;
            }
        }
        double perGenerated = cost / (0.25 * prompt + generated) * 1e6;
        JsonNode bt = observed;
        double sumCost = cost;
        double sumPrompt = prompt;
        double sumGenerated = generated;
        assertEquals(3, days);
        assertAll(calibrate.out(),
                () -> assertEquals(bt.get("cost_per_1k").asDouble(), cal.get("cost_per_1k").asDouble(), 1e-12),
                () -> assertEquals(bt.get("cost_per_1m_tok").asDouble(), cal.get("cost_per_1m_tokens").asDouble(), 1e-12),
                () -> assertEquals(sumPrompt, cal.get("prompt_tokens").asDouble(), 1e-6),
                () -> assertEquals(sumGenerated, cal.get("generation_tokens").asDouble(), 1e-6),
                () -> assertEquals(sumCost / (sumPrompt + sumGenerated) * 1e6, cal.get("cost_per_1m_tokens").asDouble(), 1e-9),
                () -> assertEquals(perGenerated, cal.get("cost_per_1m_output_tokens").asDouble(), 1e-9),
                () -> assertEquals(0.25 * perGenerated, cal.get("cost_per_1m_input_tokens").asDouble(), 1e-9),
                () -> assertEquals("USD", cal.get("currency").asText()),
                () -> assertEquals("tokens/s", cal.get("load_unit").asText()),
                () -> assertTrue(plain.get("cost_per_1k").asDouble() > 0),
                () -> assertEquals("rps", plain.get("load_unit").asText()),
                () -> assertTrue(plain.get("cost_per_1m_tokens").isNull() && plain.get("prompt_tokens").isNull()
                        && plain.get("cost_per_1m_input_tokens").isNull(), plain.toString()));
        // the table shows them with --wide: llm-api's blended price, and nothing for a service without tokens
        SharedSpark.CliRun wide = SharedSpark.cli(with(period, "calibrate", "--wide"));
        assertEquals(0, wide.code(), wide.err());
        List<String> header = Arrays.asList(wide.out().lines().findFirst().orElseThrow().trim().split(" {2,}"));
        int at = header.indexOf("cost per 1m tokens");
        assertTrue(at > 0, wide.out());
        String llmRow = wide.out().lines().filter(l -> l.contains("  llm-api  ")).findFirst().orElseThrow();
        String rerankRow = wide.out().lines().filter(l -> l.contains("  rerank  ")).findFirst().orElseThrow();
        assertEquals(Numbers.money(cal.get("cost_per_1m_tokens").asDouble(), ""), cells(llmRow).get(at), llmRow);
        assertEquals("-", cells(rerankRow).get(at), rerankRow);
        assertFalse(rerankRow.contains("NaN"), rerankRow);
    }

    private static String[] with(String[] period, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(1, List.of(period));
        return args.toArray(String[]::new);
    }

    private static JsonNode service(JsonNode rows, String name) {
        for (JsonNode r : rows) {
            if (r.get("service").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + name + " in " + rows);
    }

    private static List<String> cells(String line) {
        return Arrays.asList(line.trim().split(" {2,}"));
    }
}
