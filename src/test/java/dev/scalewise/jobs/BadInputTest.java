package dev.scalewise.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: schema errors stop with exit 2 and a message naming file and column; bad rows are counted. */
class BadInputTest {
    @BeforeAll
    static void spark() {
        SharedSpark.get();
    }

    @Test
    void renamedParquetColumnStopsNamingFileAndColumn(@TempDir Path tmp) {
        Dataset<Row> requests = SharedSpark.typedCsv(AnalyzeJobTest.TINY, "requests")
                .withColumnRenamed("requests", "request_count");
        SharedSpark.writeParquet(requests, tmp.resolve("data/requests"));
        SharedSpark.CliRun run = runWithOut(tmp);
        assertEquals(2, run.code());
        assertTrue(Pattern.compile("requests: column 'requests' is missing in \\S+/data/requests/part-\\S+\\.parquet; "
                + "found columns \\[interval_start, interval_seconds, service, request_count,").matcher(run.err()).find(),
                run.err());
        assertFalse(Files.exists(tmp.resolve("out")), "no output on a failed run");
    }

    @Test
    void stringWhereANumberBelongsStopsNamingFileColumnAndTypes(@TempDir Path tmp) {
        SharedSpark.writeParquet(SharedSpark.typedCsv(AnalyzeJobTest.TINY, "requests"), tmp.resolve("data/requests"));
        Dataset<Row> latency = SharedSpark.typedCsv(AnalyzeJobTest.TINY, "latency")
                .withColumn("p95_ms", col("p95_ms").cast("string"));
        SharedSpark.writeParquet(latency, tmp.resolve("data/latency"));
        SharedSpark.CliRun run = runWithOut(tmp);
        assertEquals(2, run.code());
        assertTrue(Pattern.compile("latency: column 'p95_ms' has type string in \\S+/data/latency/part-\\S+\\.parquet, "
                + "expected double").matcher(run.err()).find(), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void badCsvRowsAreCountedByKindAndTheRunGoesOn(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data/requests"));
        Files.writeString(dir.resolve("requests.csv"), String.join("\n",
                "interval_start,interval_seconds,service,requests,errors,in_flight,queue_depth,replicas",
                "2026-01-05T10:00:00Z,60,chat,100,,,,1",
                "2026-01-05T10:02:00Z,60,chat,300,,,,1",
                "2026-01-05T10:01:00Z,60,chat,200,,,,1",   // out of order
                "2026-01-05T10:01:00Z,60,chat,999,,,,1",   // duplicate: the first 10:01 row wins
                "2026-01-05T10:03:00Z,60,chat,-5,,,,1",    // negative: dropped, so 10:03 is a gap
                "2026-01-05T10:04:00Z,60,chat,500,,,,1",
                "2026-01-05T10:05:00Z,60,,50,,,,1", ""));  // no service
        SharedSpark.CliRun run = SharedSpark.cli("analyze", "--data", tmp.resolve("data").toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        assertTrue(Pattern.compile("requests: 1 rows: negative value in column 'requests' \\(e\\.g\\. \\S+/data/requests/"
                + "requests\\.csv\\)").matcher(run.err()).find(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        Map<String, Long> counts = new HashMap<>();
        doc.get("dataQuality").get("issues").forEach(i -> counts.put(i.get("issue").asText(), i.get("count").asLong()));
        assertEquals(Map.of("out_of_order", 1L, "duplicate", 1L, "negative", 1L, "gap", 1L, "null_key", 1L), counts);
        JsonNode chat = doc.get("rows").get(0);
        assertEquals(1100, chat.get("requests").asDouble(), 1e-9); // 100 + 200 + 300 + 500
        assertEquals(1, chat.get("unknown_minutes").asLong());
        assertTrue(chat.get("cost_per_1k").isNull());               // no billing dataset
        assertTrue(doc.get("dataQuality").get("notes").toString().contains("billing: no data"));
    }

    @Test
    void csvValueThatIsNotANumberStopsNamingFileColumnAndValue(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data/requests"));
        Files.writeString(dir.resolve("requests.csv"), String.join("\n",
                "interval_start,interval_seconds,service,requests,errors,in_flight,queue_depth,replicas",
                "2026-01-05T10:00:00Z,60,chat,12O,,,,1", "")); // letter O, not zero
        SharedSpark.CliRun run = runWithOut(tmp);
        assertEquals(2, run.code());
        assertTrue(Pattern.compile("requests: column 'requests' has a value that is not a long in \\S+/data/requests/"
                + "requests\\.csv: '12O'").matcher(run.err()).find(), run.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    /** --services goes through the shared services.yaml loader: a bad value names file, line and column. */
    @Test
    void badServicesFileStopsNamingFileLineAndColumn(@TempDir Path tmp) throws Exception {
        Path services = Files.writeString(tmp.resolve("services.yaml"),
                "services:\n  embed:\n    slo: {latency: p97}\n");
        SharedSpark.CliRun run = SharedSpark.cli("analyze", "--data", AnalyzeJobTest.TINY.toString(),
                "--services", services.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains(services + ":3:"), run.err());
        assertTrue(run.err().contains("expected p50, p95 or p99, found 'p97'"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @Test
    void missingRequestsDatasetIsAnInputError(@TempDir Path tmp) {
        SharedSpark.CliRun run = SharedSpark.cli("analyze", "--data", tmp.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("requests: no Parquet or CSV files under"), run.err());
    }

    private static SharedSpark.CliRun runWithOut(Path tmp) {
        return SharedSpark.cli("analyze", "--data", tmp.resolve("data").toString(), "--out", tmp.resolve("out").toString());
    }
}
