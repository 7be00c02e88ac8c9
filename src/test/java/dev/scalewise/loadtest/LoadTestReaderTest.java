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

import static dev.scalewise.loadtest.LatencyMeasure.E2E;
import static dev.scalewise.loadtest.LatencyMeasure.TPOT;
import static dev.scalewise.loadtest.LatencyMeasure.TTFT;
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
    static final String QWEN_4QPS = "vllm-4.0qps-Qwen2.5-7B-Instruct-20261201-093000.json";
    static final String QWEN_DEFAULT = "vllm-6.0qps-Qwen2.5-7B-Instruct-20261201-100000.json";

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
                () -> assertEquals(2011.8, p.latencyMs(E2E, 50)),
                () -> assertEquals(3612.5, p.latencyMs(E2E, 95)),
                () -> assertEquals(4470.2, p.latencyMs(E2E, 99)),
                () -> assertTrue(p.source().contains("vLLM")));
    }

    /**
     * vllm bench serve --save-result --percentile-metrics ttft,tpot,itl,e2el --metric-percentiles 50,95,99 at 4 requests/s
     * (src/test/resources/loadtests/README.md): each metric's median (median_X_ms), p95_X_ms and p99_X_ms, as written.
     */
    @Test
    void vllmTimesTheFirstTokenAndEachOutputTokenToo() {
        LoadTestPoint p = read(QWEN_4QPS);
        assertAll(
                () -> assertEquals(4.0, p.rps()),
                () -> assertEquals(180, p.latencyMs(TTFT, 50)),
                () -> assertEquals(500, p.latencyMs(TTFT, 95)),
                () -> assertEquals(700, p.latencyMs(TTFT, 99)),
                () -> assertEquals(33, p.latencyMs(TPOT, 50)),
                () -> assertEquals(40, p.latencyMs(TPOT, 95), "tpot, not itl (45)"),
                () -> assertEquals(45, p.latencyMs(TPOT, 99)),
                () -> assertEquals(10_500, p.latencyMs(E2E, 95)),
                () -> assertEquals(4000, p.inputTokensPerSecond()),
                () -> assertEquals(1000, p.outputTokensPerSecond()));
    }

    /** A percentile the run did not save is an error naming the file, the field and the fields it has, never another one. */
    @Test
    void aMissingPercentileIsNamedNotReplacedByAnother() {
        LoadTestPoint p = read(QWEN_DEFAULT);
        UserError ttft = assertThrows(UserError.class, () -> p.latencyMs(TTFT, 95));
        UserError e2e = assertThrows(UserError.class, () -> p.latencyMs(E2E, 99));
        assertAll(
                () -> assertEquals(1900, p.latencyMs(TTFT, 99)),
                () -> assertEquals(70, p.latencyMs(TPOT, 99)),
                () -> assertEquals(QWEN_DEFAULT + " (vLLM benchmark_serving): expected p95_ttft_ms (time to first token "
                        + "p95), found only mean_ttft_ms, median_ttft_ms, std_ttft_ms, p99_ttft_ms: run vllm bench serve "
                        + "(or benchmark_serving.py) --save-result with --percentile-metrics naming ttft and "
                        + "--metric-percentiles naming 95 (its defaults: ttft,tpot,itl and 99)", ttft.getMessage()),
                () -> assertTrue(e2e.getMessage().startsWith(QWEN_DEFAULT + " (vLLM benchmark_serving): expected "
                        + "p99_e2el_ms (end-to-end latency p99), found no e2el fields: "), e2e.getMessage()));
    }

    /** Locust and k6 time whole requests: asking them for TTFT or TPOT says so. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "genai_4users_stats.csv       | genai_4users_stats.csv (Locust stats): expected time to first token p95, found "
                    + "end-to-end latency only (a Locust stats file times whole requests; it has no time to first token): "
                    + "a vLLM result file (vllm bench serve --save-result) reports it",
            "genai-k6-handle-summary.json | genai-k6-handle-summary.json (k6 summary): expected time to first token p95, "
                    + "found end-to-end latency only (a k6 summary times whole HTTP requests, http_req_duration; it has no "
                    + "time to first token): a vLLM result file (vllm bench serve --save-result) reports it"})
    void locustAndK6HaveNoTimeToFirstToken(String file, String message) {
        UserError e = assertThrows(UserError.class, () -> read(file).latencyMs(TTFT, 95));
        assertEquals(message, e.getMessage());
    }

    /** vLLM's statistics of no request are 0 (a non-streaming endpoint has no TTFT): refused, not read as 0 ms. */
    @Test
    void aZeroLatencyIsRefused() {
        LoadTestPoint p = LoadTestReader.read("x.json", ("{\"request_throughput\": 2.0, \"median_ttft_ms\": 0.0, "
                + "\"p95_ttft_ms\": 0.0, \"median_e2el_ms\": 900.0, \"p95_e2el_ms\": 1500.0}")
                .getBytes(StandardCharsets.UTF_8), Optional.empty());
        UserError e = assertThrows(UserError.class, () -> p.latencyMs(TTFT, 95));
        assertAll(
                () -> assertEquals(1500, p.latencyMs(E2E, 95)),
                () -> assertTrue(e.getMessage().startsWith("x.json (vLLM benchmark_serving): p95_ttft_ms: expected a "
                        + "latency above 0 ms, found 0 (vLLM writes 0 when it timed no request"), e.getMessage()));
    }

    /** The Aggregated row, not the first endpoint's. */
    @Test
    void locustStatsCsv() {
        LoadTestPoint p = read("genai_4users_stats.csv");
        assertAll(
                () -> assertEquals(0.080, p.rps()),
                () -> assertEquals(24000, p.latencyMs(E2E, 50)),
                () -> assertEquals(52000, p.latencyMs(E2E, 95)),
                () -> assertEquals(61000, p.latencyMs(E2E, 99)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"genai-k6-summary-export.json, 0.0598, 22950.4, 46120.7, NaN",
            "genai-k6-handle-summary.json, 0.1, 30110.0, 64102.9, 79200.0"})
    void k6SummaryInBothShapes(String file, double rps, double p50, double p95, double p99) {
        LoadTestPoint p = read(file);
        MeasuredLatency e2e = p.latencies().get(E2E);
        assertAll(
                () -> assertEquals(rps, p.rps()),
                () -> assertEquals(p50, e2e.p50Ms()),
                () -> assertEquals(p95, e2e.p95Ms()),
                () -> assertEquals(p99, e2e.p99Ms()));
    }

    /** benchmark_serving's default percentile metrics (ttft, tpot, itl) carry no end-to-end latency. */
    @Test
    void vllmWithoutEndToEndPercentilesSaysWhatToRun() {
        UserError e = assertThrows(UserError.class, () -> read("vllm-default-percentiles.json").latencyMs(E2E, 95));
        assertTrue(e.getMessage().startsWith("vllm-default-percentiles.json (vLLM benchmark_serving): expected "
                + "p95_e2el_ms (end-to-end latency p95), found no e2el fields")
                && e.getMessage().contains("--percentile-metrics naming e2el"), e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"foo\": 1}                                        | x.json: not a load-test output Scalewise reads",
            "{\"request_throughput\": \"fast\"}                  | x.json: request_throughput: expected a number, found \"fast\"",
            "{\"request_throughput\": 0, \"p95_e2el_ms\": 10}    | x.json: expected a throughput above 0 requests/s, found 0.0",
            "{\"request_throughput\": 1, \"mean_ttft_ms\": 10}   | x.json: no latency percentiles (median_, p95_ or p99_ of ttft, tpot or e2el)",
            "{\"request_throughput\": 1, \"p95_tpot_ms\": \"9\"} | x.json: p95_tpot_ms: expected a number, found \"9\"",
            "\"Type\",\"Name\",\"Request Count\",\"Requests/s\"  | x.json: no row named 'Aggregated'",
            "{\"metrics\": {\"http_req_duration\": {}}}          | x.json: expected metrics.http_req_duration and metrics.http_reqs"})
    void badFilesNameTheFileAndTheField(String content, String message) {
        UserError e = assertThrows(UserError.class, () -> LoadTestReader.read("x.json",
                content.getBytes(StandardCharsets.UTF_8), Optional.empty()));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    /** vllm bench serve --append-result writes runs one after another: not read as its first run alone. */
    @Test
    void appendedRunsAreNotReadAsTheFirstAlone() throws IOException {
        String run = new String(Files.readAllBytes(DIR.resolve(QWEN_4QPS)), StandardCharsets.UTF_8);
        UserError e = assertThrows(UserError.class, () -> LoadTestReader.read("x.json",
                (run + "\n" + run + "\n" + run).getBytes(StandardCharsets.UTF_8), Optional.empty()));
        assertEquals("x.json: expected one run, found 3 results one after another (as vllm bench serve --append-result "
                + "writes them): put each run in a file of its own", e.getMessage());
    }

    @Test
    void aNamedFormatWins() {
        UserError e = assertThrows(UserError.class, () -> LoadTestReader.read("x.csv",
                Files.readAllBytes(DIR.resolve("genai_2users_stats.csv")), Optional.of(LoadTestFormat.K6)));
        assertTrue(e.getMessage().startsWith("x.csv: expected a JSON object"), e.getMessage());
    }
}
