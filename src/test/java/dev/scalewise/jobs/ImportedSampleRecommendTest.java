package dev.scalewise.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.importer.prometheus.SampleFleetServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19's end to end: the sample fleet imported back from a real Prometheus (`import prometheus`)
 * and its FOCUS billing re-read (`import billing`) gives the same recommendations as the committed
 * sample, line for line.
 */
class ImportedSampleRecommendTest {
    @Test
    void recommendationsFromTheImportedFleetAreTheSampleOnes(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        SharedSpark.CliRun prom = SharedSpark.cli("import", "prometheus", "--url",
                SampleFleetServers.prometheus().url().toString(), "--from", SampleFleetServers.FROM, "--to",
                SampleFleetServers.TO, "--out", data.toString(), "--services", "sample-data/services.yaml");
        assertEquals(0, prom.code(), prom.err());
        List<String> billing = new ArrayList<>(List.of("import", "billing", "--out", data.toString()));
        try (Stream<Path> s = Files.walk(Path.of("sample-data/billing"))) {
            s.filter(p -> p.toString().endsWith(".parquet")).sorted().forEach(p -> billing.add(p.toString()));
        }
        SharedSpark.CliRun cost = SharedSpark.cli(billing.toArray(String[]::new));
        assertEquals(0, cost.code(), cost.err());

        SharedSpark.CliRun sample = SharedSpark.cli("recommend", "--data", "sample-data", "--policies", "policies",
                "--format", "json");
        SharedSpark.CliRun imported = SharedSpark.cli("recommend", "--data", data.toString(), "--policies", "policies",
                "--format", "json");
        assertEquals(0, sample.code(), sample.err());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(sample.out().contains("\"RECOMMENDED\""), sample.out());
        // the data-quality notes name an example file: the same file under the other directory
        String importedOut = imported.out().replace("file:" + data, "file:" + Path.of("sample-data").toAbsolutePath())
                .replace(data.toString(), "sample-data");
        // every field the same; a fitted number (the capacity where the latency curve crosses the SLO) to one part
        // in a billion, because Prometheus gives percentiles back a few parts per billion off (MinuteJudge)
        if (!same(MAPPER.readTree(sample.out()), MAPPER.readTree(importedOut))) {
            assertEquals(sample.out(), importedOut);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final double FLOAT_NOISE = 1e-9;

    /** The same tree, numbers within {@link #FLOAT_NOISE} of each other (relative), everything else exactly. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y || Math.abs(x - y) <= FLOAT_NOISE * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size() && a.getNodeType() == b.getNodeType()) {
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    if (!same(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            List<String> names = new ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            List<String> other = new ArrayList<>();
            b.fieldNames().forEachRemaining(other::add);
            return names.equals(other) && names.stream().allMatch(n -> same(a.get(n), b.get(n)));
        }
        return a.equals(b);
    }

    @Test
    void floatNoiseIsTheOnlyDifferenceAllowed() throws Exception {
        assertTrue(same(MAPPER.readTree("{\"a\": [118.13667817273799, \"x\"]}"),
                MAPPER.readTree("{\"a\": [118.13667817151932, \"x\"]}")));
        assertFalse(same(MAPPER.readTree("{\"a\": 118.1366}"), MAPPER.readTree("{\"a\": 118.1367}")));
        assertFalse(same(MAPPER.readTree("{\"a\": 1}"), MAPPER.readTree("{\"b\": 1}")));
        assertFalse(same(MAPPER.readTree("{\"a\": \"RECOMMENDED\"}"), MAPPER.readTree("{\"a\": \"KEEP_CURRENT\"}")));
        assertFalse(same(MAPPER.readTree("[1, 2]"), MAPPER.readTree("[1, 2, 3]")));
    }
}
