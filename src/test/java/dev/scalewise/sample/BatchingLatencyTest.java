package dev.scalewise.sample;

import dev.scalewise.policy.Slo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LLM server's true TTFT and TPOT curves (sample-data/README.md, "The LLM server"), worked by hand. */
class BatchingLatencyTest {
    static final LlmProfile LLM = FleetProfiles.ALL.stream().filter(p -> p.llm() != null).findFirst().orElseThrow().llm();

    /**
     * llm-api: mean prompt = 800 x e^(1/2) = 1318.98 tokens, its prefill at 12,000 tokens/s = 109.915 ms.
     * At 1500 weighted tokens/s rho = 1500 / 3000 = 0.5: TTFT p50 = 109.915 x 1.5 + 150 x 0.5 / 0.5 = 314.87 ms,
     * p95 = 2.2 x that = 692.72 ms; TPOT p50 = 14 x (1 + 2 x 0.5) = 28 ms, p95 = 1.4 x 28 = 39.2 ms.
     */
    @Test
    void handWorkedLlmApi() {
        BatchingLatency curve = LLM.latency();
        assertEquals(1318.977, LLM.meanPrompt(), 1e-3);
        assertEquals(314.8721, curve.ttftP50Ms(1500, LLM.meanPrompt()), 1e-3);
        assertEquals(692.7187, curve.ttftMs(Slo.Percentile.P95, 1500, LLM.meanPrompt()), 1e-3);
        assertEquals(28, curve.tpotP50Ms(1500), 1e-12);
        assertEquals(39.2, curve.tpotMs(Slo.Percentile.P95, 1500), 1e-12);
        // a prompt twice as long doubles the prefill share only: 109.915 x 2 x 1.5 + 150
        assertEquals(479.7443, curve.ttftP50Ms(1500, 2 * LLM.meanPrompt()), 1e-3);
        // beyond 90 % of saturation the backlog, not the curve, carries the overload
        assertEquals(curve.tpotP50Ms(0.9 * 3000), curve.tpotP50Ms(5000), 1e-12);
    }

    /**
     * The capacity at the SLO is where the first target to cross reaches its threshold: TTFT p95 1500 ms at
     * rho ~0.765 (2.2 x (109.915 x 1.765 + 150 x 0.765 / 0.235) = 1501), where TPOT p95 is 1.4 x 14 x 2.53 =
     * 49.6 ms, under its 52 ms.
     */
    @Test
    void capacityIsWhereTheFirstTargetCrosses() {
        Slo slo = FleetProfiles.ALL.stream().filter(p -> p.llm() != null).findFirst().orElseThrow().slo();
        double capacity = LLM.capacityTokensAtSlo(slo);
        assertEquals(0.765, capacity / LLM.saturationTokensPerSecond(), 0.001);
        BatchingLatency curve = LLM.latency();
        assertEquals(1500, curve.ttftMs(Slo.Percentile.P95, capacity, LLM.meanPrompt()), 1e-6);
        assertTrue(curve.tpotMs(Slo.Percentile.P95, capacity) < 52);
        assertTrue(curve.tpotMs(Slo.Percentile.P95, 0.9 * LLM.saturationTokensPerSecond()) > 52, "TPOT breaches too, later");
    }

    @Test
    void everyCurveRisesWithLoadUpToTheCap() {
        BatchingLatency curve = LLM.latency();
        double ttft = 0;
        double tpot = 0;
        for (double load = 0; load <= 0.9 * LLM.saturationTokensPerSecond(); load += 50) {
            assertTrue(curve.ttftP50Ms(load, LLM.meanPrompt()) > ttft && curve.tpotP50Ms(load) > tpot, "at " + load);
            ttft = curve.ttftP50Ms(load, LLM.meanPrompt());
            tpot = curve.tpotP50Ms(load);
        }
    }

    @Test
    void rejectsAnSloTheCurvesNeverOrAlwaysBreak() {
        assertThrows(IllegalArgumentException.class, () -> LLM.capacityTokensAtSlo(new Slo(Slo.Percentile.P95, 1e6, 0.99,
                Slo.Metric.TTFT, List.of())));
        assertThrows(IllegalArgumentException.class, () -> LLM.capacityTokensAtSlo(new Slo(Slo.Percentile.P95, 10, 0.99,
                Slo.Metric.TPOT, List.of())));
    }
}
