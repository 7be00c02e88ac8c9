package dev.scalewise.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.data.Datasets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** analyze end to end on the tiny fixture (expected numbers derived in fixtures/tiny/README.md). */
class AnalyzeJobTest {
    static final Path TINY = Path.of("src/test/resources/fixtures/tiny");

    @BeforeAll
    static void spark() {
        SharedSpark.get();
    }

    @Test
    void tinyFixtureJsonMatchesTheHandDerivation() throws Exception {
        SharedSpark.CliRun run = SharedSpark.cli("analyze", "--data", TINY.toString(),
                "--services", TINY.resolve("services.yaml").toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        JsonNode chat = row(doc, "chat");
        assertEquals("2026-01-05", chat.get("date").asText());
        assertEquals(5400, chat.get("requests").asDouble(), 1e-9);
        assertEquals(0.5, chat.get("effective_cost").asDouble(), 1e-9);
        assertEquals(0.5 / 5400 * 1000, chat.get("cost_per_1k").asDouble(), 1e-12);
        assertEquals(0.2, chat.get("replica_hours").asDouble(), 1e-12);
        assertEquals(0.7, chat.get("mean_gpu_util").asDouble(), 1e-12);
        assertEquals(5, chat.get("slo_minutes").asLong());
        assertEquals(1, chat.get("breach_minutes").asLong());
        assertEquals(20, chat.get("budget_burn").asDouble(), 1e-9);
        assertTrue(chat.get("idle_share").isNull());                  // capacity needs 30 latency points, chat has 5
        assertEquals("low", chat.get("capacity_confidence").asText());
        assertEquals(0, chat.get("unknown_minutes").asLong());
        JsonNode embed = row(doc, "embed");
        assertEquals(0.1, embed.get("cost_per_1k").asDouble(), 1e-12);   // 0.09 / 900 * 1000
        assertEquals(1, embed.get("breach_minutes").asLong());            // 120 ms > 100 ms at 10:01
        assertEquals(1.0 / 3 / 0.1, embed.get("budget_burn").asDouble(), 1e-9);
        assertTrue(embed.get("mean_gpu_util").isNull());
        JsonNode gap = doc.get("dataQuality").get("issues").get(0);
        assertEquals("gpu", gap.get("dataset").asText());
        assertEquals("gap", gap.get("issue").asText());
        assertEquals(6, gap.get("count").asLong()); // chat 3 + embed 3 minutes without gpu rows
    }

    private static JsonNode row(JsonNode doc, String service) {
        for (JsonNode r : doc.get("rows")) {
            if (r.get("service").asText().equals(service)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + service + " in " + doc);
    }

    @Test
    void csvAndParquetGiveTheSameResult(@TempDir Path tmp) {
        for (String ds : Datasets.INPUTS) {
            SharedSpark.writeParquet(SharedSpark.typedCsv(TINY, ds), tmp.resolve(ds).resolve("date=2026-01-05"));
        }
        Dataset<Row> fromCsv = analyze(TINY);
        assertEquals(2, fromCsv.count());
        SharedSpark.assertSameRows(fromCsv, analyze(tmp), 1e-12);
    }

    private static Dataset<Row> analyze(Path data) {
        AnalyzeJob.Result r = AnalyzeJob.run(SharedSpark.get(), new AnalyzeJob.Request(data.toString(),
                Optional.empty(), Optional.empty(), 60, "service", Map.of()));
        return r.rows().orderBy("service", "date");
    }

    @Test
    void rerunningADayReplacesThatDayOnly(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        writeRequests(data, 100, 200);
        assertEquals(0, SharedSpark.cli("analyze", "--data", data.toString(), "--out", out.toString()).code());
        List<Path> day1Files = files(out.resolve("date=2026-01-05"));

        // the export changes on both days, but only 2026-01-06 is re-run
        writeRequests(data, 111, 222);
        SharedSpark.CliRun rerun = SharedSpark.cli("analyze", "--data", data.toString(), "--out", out.toString(),
                "--from", "2026-01-06", "--to", "2026-01-06");
        assertEquals(0, rerun.code(), rerun.err());

        assertEquals(day1Files, files(out.resolve("date=2026-01-05")));
        Map<String, Double> requestsByDay = Map.of(
                "2026-01-05", requests(out, LocalDate.parse("2026-01-05")),
                "2026-01-06", requests(out, LocalDate.parse("2026-01-06")));
        assertEquals(Map.of("2026-01-05", 200.0, "2026-01-06", 444.0), requestsByDay);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("date=2026-01-05", "date=2026-01-06"),
                    s.map(p -> p.getFileName().toString()).sorted().toList()); // no temp dirs left
        }
    }

    /** Two minutes on each of two days; day 1 has `day1` requests per minute, day 2 has `day2`. */
    private static void writeRequests(Path data, int day1, int day2) throws Exception {
        Path dir = Files.createDirectories(data.resolve("requests"));
        Files.writeString(dir.resolve("requests.csv"), String.join("\n",
                "interval_start,interval_seconds,service,requests,errors,in_flight,queue_depth,replicas",
                "2026-01-05T10:00:00Z,60,chat," + day1 + ",,,,1",
                "2026-01-05T10:01:00Z,60,chat," + day1 + ",,,,1",
                "2026-01-06T10:00:00Z,60,chat," + day2 + ",,,,1",
                "2026-01-06T10:01:00Z,60,chat," + day2 + ",,,,1", ""));
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static double requests(Path out, LocalDate day) {
        return SharedSpark.get().read().parquet(out.resolve("date=" + day).toString())
                .agg(org.apache.spark.sql.functions.sum("requests")).first().getDouble(0);
    }
}
