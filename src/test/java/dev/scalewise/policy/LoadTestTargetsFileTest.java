package dev.scalewise.policy;

import dev.scalewise.testkit.ServicesYaml;
import dev.scalewise.yaml.YamlError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load tests give every SLO target its points, TTFT and TPOT included, at the target's own percentile (docs/tokens.md;
 * the vLLM runs and the loads worked by hand in src/test/resources/loadtests/README.md).
 */
class LoadTestTargetsFileTest {
    static final String A = "vllm-4.0qps-Qwen2.5-7B-Instruct-20261201-093000.json";
    static final String B = "vllm-8.0qps-Qwen2.5-7B-Instruct-20261201-094500.json";
    static final String DEFAULTS = "vllm-6.0qps-Qwen2.5-7B-Instruct-20261201-100000.json";

    static StatedCapacity capacity(String slo, String loadTests) {
        return ServicesYaml.spec("a", """
                services:
                  a:
                    slo: %s
                    capacity:
                      promptTokenWeight: 0.25
                      loadTests: %s
                """.formatted(slo, loadTests)).capacity();
    }

    static List<double[]> xy(List<StatedCapacity.Point> points) {
        return points.stream().map(p -> new double[] {p.rpsPerReplica(), p.latencyMs()}).toList();
    }

    static void assertPoints(List<double[]> expected, List<StatedCapacity.Point> actual) {
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], actual.get(i).rpsPerReplica(), 1e-9, actual.toString());
            assertEquals(expected.get(i)[1], actual.get(i).latencyMs(), actual.toString());
        }
    }

    /** TTFT first, TPOT further: each file is one point of each curve, at (0.25 x input + output tokens) / duration. */
    @Test
    void ttftAndTpotPointsFromVllmRuns() {
        StatedCapacity c = capacity("{ttft: {percentile: p95, thresholdMs: 1500}, tpot: {percentile: p95, thresholdMs: 52}}",
                "[" + B + ", " + A + "]");
        assertAll(
                () -> assertPoints(List.of(new double[] {2000, 500}, new double[] {4000, 2500}), c.points()),
                () -> assertPoints(List.of(new double[] {2000, 40}, new double[] {4000, 88}),
                        c.morePoints().get(Slo.Metric.TPOT)),
                () -> assertEquals(List.of(Slo.Metric.TPOT), List.copyOf(c.morePoints().keySet())),
                () -> assertEquals(4000, c.maxLoadTestRps(), 1e-9),
                () -> assertTrue(c.points().get(0).source().contains(A), c.points().toString()),
                () -> assertPoints(List.of(new double[] {2000, 40}, new double[] {4000, 88}),
                        c.forTarget(Slo.Metric.TPOT).points()),
                () -> assertTrue(c.forTarget(Slo.Metric.TTFT).points().isEmpty(), "the first target's are points()"));
    }

    /** End-to-end first, with TTFT p99 and TPOT p50 further: each target its own percentile of its own metric. */
    @Test
    void everyTargetAtItsOwnPercentile() {
        StatedCapacity c = capacity("{latency: p95, thresholdMs: 20000, ttft: {percentile: p99, thresholdMs: 3000}, "
                + "tpot: {percentile: p50, thresholdMs: 50}}", "[" + A + ", " + B + "]");
        assertAll(
                () -> assertPoints(List.of(new double[] {2000, 10_500}, new double[] {4000, 21_000}), c.points()),
                () -> assertPoints(List.of(new double[] {2000, 700}, new double[] {4000, 3400}),
                        c.morePoints().get(Slo.Metric.TTFT)),
                () -> assertPoints(List.of(new double[] {2000, 33}, new double[] {4000, 58}),
                        c.morePoints().get(Slo.Metric.TPOT)));
    }

    /** vLLM's default run saves p99 only: enough for p99 targets (its median serves a p50 one). */
    @Test
    void aDefaultRunServesP99Targets() {
        StatedCapacity c = capacity("{ttft: {percentile: p99, thresholdMs: 2000}, tpot: {percentile: p99, thresholdMs: 80}}",
                "[" + A + ", " + DEFAULTS + "]");
        assertAll(
                () -> assertPoints(List.of(new double[] {2000, 700}, new double[] {3000, 1900}), c.points()),
                () -> assertPoints(List.of(new double[] {2000, 45}, new double[] {3000, 70}),
                        c.morePoints().get(Slo.Metric.TPOT)));
    }

    /** targets: names what a file measures; the others keep their inline points or are fitted from history. */
    @Test
    void targetsNamesWhatAFileMeasures() {
        StatedCapacity c = capacity("{ttft: {percentile: p95, thresholdMs: 1500}, tpot: {percentile: p95, thresholdMs: 52}}",
                "[{file: " + A + ", targets: [ttft]}, {file: " + B + ", targets: [ttft]}]");
        StatedCapacity locust = ServicesYaml.spec("a", """
                services:
                  a:
                    slo: {latency: p99, thresholdMs: 90000, ttft: {thresholdMs: 2000}}
                    capacity:
                      rpsPerReplica: 0.1
                      loadTests: [{file: genai_4users_stats.csv, targets: [latency]}]
                """).capacity();
        assertAll(
                () -> assertPoints(List.of(new double[] {2000, 500}, new double[] {4000, 2500}), c.points()),
                () -> assertEquals(Map.of(), c.morePoints(), "TPOT from history"),
                () -> assertPoints(List.of(new double[] {0.08, 61_000}), locust.points()),
                () -> assertEquals(Map.of(), locust.morePoints()));
    }

    /** A Locust file measures no TTFT: the error says so at the file's line, and how to keep the file for latency. */
    @Test
    void locustHasNoTimeToFirstToken() {
        YamlError e = assertThrows(YamlError.class, () -> ServicesYaml.spec("a", """
                services:
                  a:
                    slo: {latency: p99, thresholdMs: 90000, ttft: {thresholdMs: 2000}}
                    capacity:
                      rpsPerReplica: 0.1
                      loadTests: [genai_4users_stats.csv]
                """));
        assertEquals("src/test/resources/loadtests/services.yaml:6:19: services.a.capacity.loadTests[0]: "
                + "src/test/resources/loadtests/genai_4users_stats.csv (Locust stats): expected time to first token p95, "
                + "found end-to-end latency only (a Locust stats file times whole requests; it has no time to first "
                + "token): a vLLM result file (vllm bench serve --save-result) reports it; or name the targets the file "
                + "measures, {file: genai_4users_stats.csv, targets: [latency]}, and leave ttft to history",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the file has p99 only: named, with the fields it has, and what else the user may do
            "missing p95 | {ttft: {percentile: p95, thresholdMs: 1500}, tpot: {thresholdMs: 52}} | [" + A + ", " + DEFAULTS
                    + "] | services.yaml:6:73: services.a.capacity.loadTests[1]: src/test/resources/loadtests/" + DEFAULTS
                    + " (vLLM benchmark_serving): expected p95_ttft_ms (time to first token p95), found only mean_ttft_ms, "
                    + "median_ttft_ms, std_ttft_ms, p99_ttft_ms: run vllm bench serve (or benchmark_serving.py) "
                    + "--save-result with --percentile-metrics naming ttft and --metric-percentiles naming 95 (its "
                    + "defaults: ttft,tpot,itl and 99); or name the targets the file measures, {file: " + DEFAULTS
                    + ", targets: [tpot]}, and state ttft's points inline (capacity.latency) or leave them to history",
            "one point of a further target | {ttft: {thresholdMs: 1500}, tpot: {thresholdMs: 52}} "
                    + "| [" + A + ", {file: " + B + ", targets: [ttft]}] | services.yaml:6:18: services.a.capacity.loadTests: "
                    + "the tpot target's latency curve needs load tests at two different loads per replica, found 1 at 2000 "
                    + "tokens/s/replica",
            "not a target of the SLO | {ttft: {thresholdMs: 1500}} | [{file: " + A + ", targets: [tpot]}] "
                    + "| services.yaml:6:90: services.a.capacity.loadTests[0].targets[0]: expected one of the SLO's targets "
                    + "(ttft), found 'tpot'",
            "named twice | {ttft: {thresholdMs: 1500}} | [{file: " + A + ", targets: [ttft, ttft]}] "
                    + "| 'ttft' is named twice",
            "no target named | {ttft: {thresholdMs: 1500}} | [{file: " + A + ", targets: []}] "
                    + "| expected at least one of the SLO's targets (ttft)"})
    void whatAFileLacksIsAnErrorAtItsLine(String name, String slo, String loadTests, String message) {
        YamlError e = assertThrows(YamlError.class, () -> capacity(slo, loadTests));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
