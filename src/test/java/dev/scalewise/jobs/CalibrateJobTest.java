package dev.scalewise.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.jobs.rows.CalibrateRows;
import dev.scalewise.testkit.ContractCsv;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
