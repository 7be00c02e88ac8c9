package dev.scalewise.policy;

import dev.scalewise.yaml.YamlError;
import dev.scalewise.testkit.ServicesYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** services.yaml's capacity: entry, read next to src/test/resources/loadtests. */
class StatedCapacityFileTest {
    @Test
    void numbersPointsAndLoadTestsInTheSlosPercentile() {
        StatedCapacity c = ServicesYaml.spec("a", """
                services:
                  a:
                    slo: {latency: p99, thresholdMs: 90000}
                    capacity:
                      rpsPerReplica: 0.1
                      saturationRpsPerReplica: 0.15
                      latency: [{rpsPerReplica: 0.01, ms: 30000}]
                      loadTests: [genai_4users_stats.csv, {file: genai-k6-handle-summary.json, replicas: 2}]
                """).capacity();
        assertAll(
                () -> assertEquals(0.1, c.rpsPerReplica()),
                () -> assertEquals(0.15, c.saturationRpsPerReplica()),
                () -> assertEquals(3, c.points().size()),
                () -> assertEquals(0.01, c.points().get(0).rpsPerReplica()),
                () -> assertEquals(0.05, c.points().get(1).rpsPerReplica(), 1e-12, "k6's 0.1 rps over 2 replicas"),
                () -> assertEquals(79200.0, c.points().get(1).latencyMs(), "the p99, the SLO's percentile"),
                () -> assertEquals(61000, c.points().get(2).latencyMs()),
                () -> assertEquals(0.08, c.maxLoadTestRps(), 1e-12),
                () -> assertTrue(c.points().get(2).source().contains("genai_4users_stats.csv")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "capacity: {loadTests: [vllm-default-percentiles.json]}                | services.a.capacity.loadTests[0]: src/test/resources/loadtests/vllm-default-percentiles.json (vLLM benchmark_serving): expected p99_e2el_ms (end-to-end latency p99), found no e2el fields",
            "capacity: {loadTests: [genai-k6-summary-export.json, genai_2users_stats.csv]} | ",
            "capacity: {loadTests: [missing.json]}                                 | cannot read the load-test file src/test/resources/loadtests/missing.json",
            "capacity: {loadTests: [{file: genai_2users_stats.csv, format: jmeter}]} | services.a.capacity.loadTests[0].format: expected vllm, locust or k6, found 'jmeter'",
            "capacity: {latency: [{rpsPerReplica: 1, ms: 100}]}                     | a latency curve needs points at two different loads per replica",
            "capacity: {rpsPerReplica: 2, saturationRpsPerReplica: 1}              | saturationRpsPerReplica 1 is below rpsPerReplica 2",
            "capacity: {rpsPerReplica: 0}                                          | services.a.capacity.rpsPerReplica: expected a positive number, found 0",
            "capacity: {rpsPerReplica: 1, rps: 2}                                  | unknown field 'rps'"})
    void badEntriesSayWhereAndWhat(String entry, String message) {
        String yaml = "services:\n  a:\n    slo: {latency: p99, thresholdMs: 90000}\n    " + entry + "\n";
        if (message == null) {
            // the k6 export has no p(99) (its default trend stats stop at p(95)): an error naming the percentile
            YamlError e = assertThrows(YamlError.class, () -> ServicesYaml.spec("a", yaml));
            assertTrue(e.getMessage().contains("genai-k6-summary-export.json (k6 summary): expected metrics.http_req_duration "
                    + "p(99) (end-to-end latency p99), found only avg, min, med, max, p(90), p(95): run k6 with "
                    + "--summary-trend-stats naming p(99)"), e.getMessage());
            return;
        }
        YamlError e = assertThrows(YamlError.class, () -> ServicesYaml.spec("a", yaml));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
