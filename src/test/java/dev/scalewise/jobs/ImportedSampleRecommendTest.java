package dev.scalewise.jobs;

import dev.scalewise.importer.prometheus.SampleFleetServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(sample.out(), imported.out().replace("file:" + data, "file:" + Path.of("sample-data").toAbsolutePath())
                .replace(data.toString(), "sample-data"));
    }
}
