package dev.scalewise.model;

import dev.scalewise.data.LlmSeries;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.testkit.Histories;
import dev.scalewise.testkit.ServicesYaml;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An LLM server held to TTFT p95 <= 1,500 ms and TPOT p95 <= 52 ms, with two vLLM runs for its curves
 * (src/test/resources/loadtests/README.md): the TTFT curve through (2,000, 500) and (4,000, 2,500) tokens/s per
 * replica reaches 1,500 ms at 3,000; the TPOT curve through (2,000, 40) and (4,000, 88) reaches 52 ms at 2,500, so
 * the replica's capacity is 2,500 tokens/s and TPOT says it. The history has tokens but no TTFT or TPOT: without the
 * files neither curve could be fitted.
 */
class LoadTestTargetCurvesTest {
    static final String SLO = "{ttft: {percentile: p95, thresholdMs: 1500}, tpot: {percentile: p95, thresholdMs: 52}}";
    static final String A = "vllm-4.0qps-Qwen2.5-7B-Instruct-20261201-093000.json";
    static final String B = "vllm-8.0qps-Qwen2.5-7B-Instruct-20261201-094500.json";

    static ServiceSpec spec(String loadTests) {
        return ServicesYaml.spec("llm", """
                services:
                  llm:
                    slo: %s
                    pricePerReplicaHour: 4
                    startupSeconds: 60
                    capacity: {promptTokenWeight: 0.25, loadTests: %s}
                """.formatted(SLO, loadTests));
    }

    /** Two hours a minute at a time, 2 requests/s on 2 replicas, 1,000 prompt and 250 generated tokens a request. */
    static ServiceHistory history() {
        int steps = 120;
        double[] requests = new double[steps];
        Arrays.fill(requests, 120);
        double[][] s = new double[LlmSeries.NAMES.size()][steps];
        for (double[] a : s) {
            Arrays.fill(a, Double.NaN);
        }
        Arrays.fill(s[0], 120_000);
        Arrays.fill(s[1], 30_000);
        return Histories.requests(requests).replicas(2).build().withLlm(LlmSeries.of(s));
    }

    @Test
    void eachTargetTakesItsCurveFromTheLoadTests() {
        ServiceModel m = ServiceModelFitter.fit(history(), spec("[" + A + ", " + B + "]"));
        TargetCurve tpot = m.more().get(0);
        Fitted c = m.capacityPerReplica();
        assertAll(c.note(),
                () -> assertTrue(m.work().tokens()),
                () -> assertEquals(500, m.latency().latencyMs(2000), 1e-9),
                () -> assertEquals(2500, m.latency().latencyMs(4000), 1e-9),
                () -> assertEquals(1500, m.latency().latencyMs(3000), 1e-6, "linear between the runs"),
                () -> assertEquals(Slo.Metric.TPOT, tpot.target().metric()),
                () -> assertEquals(40, tpot.curve().latencyMs(2000), 1e-9),
                () -> assertEquals(88, tpot.curve().latencyMs(4000), 1e-9),
                () -> assertEquals(2500, tpot.capacity().value(), 1e-6),
                () -> assertEquals(Basis.STATED, tpot.capacity().basis()),
                () -> assertTrue(tpot.capacity().note().contains("where the stated tpot p95 latency reaches 52 ms, from "),
                        tpot.capacity().note()),
                () -> assertEquals(2500, c.value(), 1e-6, "TPOT binds before TTFT's 3,000"),
                () -> assertTrue(c.note().startsWith("tpot p95 reaches 52 ms first: where the stated tpot p95 latency"),
                        c.note()),
                () -> assertTrue(c.note().contains(A) && c.note().contains(B), c.note()));
    }

    /** A file named only for TTFT leaves TPOT to the history, which has none: the capacity is unknown and says why. */
    @Test
    void aTargetNoFileMeasuresIsFittedFromHistory() {
        ServiceModel m = ServiceModelFitter.fit(history(), spec("[{file: " + A + ", targets: [ttft]}, {file: " + B
                + ", targets: [ttft]}]"));
        assertAll(m.capacityPerReplica().note(),
                () -> assertEquals(2500, m.latency().latencyMs(4000), 1e-9),
                () -> assertFalse(m.more().get(0).capacity().known()),
                () -> assertFalse(m.capacityPerReplica().known()),
                () -> assertTrue(m.capacityPerReplica().note().startsWith("tpot p95: "), m.capacityPerReplica().note()));
    }
}
