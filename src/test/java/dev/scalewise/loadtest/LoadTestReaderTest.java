package dev.scalewise.loadtest;

import dev.scalewise.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three load-test outputs, in the shapes their tools write (src/test/resources/loadtests: vLLM
 * benchmark_serving --save-result with --percentile-metrics ttft,tpot,itl,e2el --metric-percentiles 50,95,99;
 * Locust --csv PREFIX_stats.csv with its Aggregated row; k6 --summary-export and handleSummary data), read as
 * points; what a file lacks is an error naming the file and the field.
 */
class LoadTestReaderTest {
    static final Path DIR = Path.of("src/test/resources/loadtests");

    static LoadTestPoint read(String file) {
        try {
            return LoadTestReader.read(file, Files.readAllBytes(DIR.resolve(file)), Optional.empty());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void vllmResultJson() {
        LoadTestPoint p = read("vllm-3.0qps-Llama-3.1-8B-Instruct-20251103-101500.json");
        assertAll(
                () -> assertEquals(2.95, p.rps()),
                () -> assertEquals(2011.8, p.p50Ms()),
                () -> assertEquals(3612.5, p.p95Ms()),
                () -> assertEquals(4470.2, p.p99Ms()),
                () -> assertTrue(p.source().contains("vLLM")));
    }

    /** The Aggregated row, not the first endpoint's. */
    @Test
    void locustStatsCsv() {
        LoadTestPoint p = read("genai_4users_stats.csv");
        assertAll(
                () -> assertEquals(0.080, p.rps()),
                () -> assertEquals(24000, p.p50Ms()),
                () -> assertEquals(52000, p.p95Ms()),
                () -> assertEquals(61000, p.p99Ms()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"genai-k6-summary-export.json, 0.0598, 22950.4, 46120.7, NaN",
            "genai-k6-handle-summary.json, 0.1, 30110.0, 64102.9, 79200.0"})
    void k6SummaryInBothShapes(String file, double rps, double p50, double p95, double p99) {
        LoadTestPoint p = read(file);
        assertAll(
                () -> assertEquals(rps, p.rps()),
                () -> assertEquals(p50, p.p50Ms()),
                () -> assertEquals(p95, p.p95Ms()),
                () -> assertEquals(p99, p.p99Ms()));
    }

    /** benchmark_serving's default percentile metrics (ttft, tpot, itl) carry no end-to-end latency. */
    @Test
    void vllmWithoutEndToEndPercentilesSaysWhatToRun() {
        UserError e = assertThrows(UserError.class, () -> read("vllm-default-percentiles.json"));
        assertTrue(e.getMessage().startsWith("vllm-default-percentiles.json: no end-to-end latency")
                && e.getMessage().contains("--percentile-metrics e2el"), e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"foo\": 1}                                        | x.json: not a load-test output Scalewise reads",
            "{\"request_throughput\": \"fast\"}                  | x.json: request_throughput: expected a number, found \"fast\"",
            "{\"request_throughput\": 0, \"p95_e2el_ms\": 10}    | x.json: expected a throughput above 0 requests/s, found 0.0",
            "\"Type\",\"Name\",\"Request Count\",\"Requests/s\"  | x.json: no row named 'Aggregated'",
            "{\"metrics\": {\"http_req_duration\": {}}}          | x.json: expected metrics.http_req_duration and metrics.http_reqs"})
    void badFilesNameTheFileAndTheField(String content, String message) {
        UserError e = assertThrows(UserError.class, () -> LoadTestReader.read("x.json",
                content.getBytes(StandardCharsets.UTF_8), Optional.empty()));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void aNamedFormatWins() {
        UserError e = assertThrows(UserError.class, () -> LoadTestReader.read("x.csv",
                Files.readAllBytes(DIR.resolve("genai_2users_stats.csv")), Optional.of(LoadTestFormat.K6)));
        assertTrue(e.getMessage().startsWith("x.csv: expected a JSON object"), e.getMessage());
    }
}
