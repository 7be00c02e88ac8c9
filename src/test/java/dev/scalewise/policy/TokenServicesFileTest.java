package dev.scalewise.policy;

import dev.scalewise.testkit.ServicesYaml;
import dev.scalewise.yaml.YamlError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** services.yaml for an LLM service: a capacity in tokens, TTFT and TPOT targets (docs/tokens.md). */
class TokenServicesFileTest {
    @Test
    void aCapacityInTokensReadsTheVllmLoadTestsTokens() {
        // vllm-2.0qps...json: its total_input_tokens, total_output_tokens and duration, weighted 0.25 : 1
        StatedCapacity c = ServicesYaml.spec("a", """
                services:
                  a:
                    slo: {latency: p99, thresholdMs: 90000}
                    capacity:
                      tokensPerSecondPerReplica: 900
                      saturationTokensPerSecondPerReplica: 1200
                      promptTokenWeight: 0.25
                      latency: [{tokensPerSecondPerReplica: 100, ms: 3000}]
                      loadTests: [{file: vllm-2.0qps-Llama-3.1-8B-Instruct-20251103-101500.json, replicas: 2}]
                """).capacity();
        double perReplica = (0.25 * 131_284 + 118_702) / 303.03030303030306 / 2;
        assertAll(
                () -> assertEquals(2, c.points().size()),
                () -> assertEquals(perReplica, c.points().get(1).rpsPerReplica(), 1e-9),
                () -> assertEquals(2977.3, c.points().get(1).latencyMs(), "the p99, the SLO's percentile"),
                () -> assertTrue(c.tokens()),
                () -> assertEquals(900, c.rpsPerReplica()),
                () -> assertEquals(1200, c.saturationRpsPerReplica()),
                () -> assertEquals(0.25, c.promptTokenWeight()),
                () -> assertEquals(100, c.points().get(0).rpsPerReplica()),
                () -> assertEquals("tokensPerSecondPerReplica", c.loadKey()));
    }

    @Test
    void requestsAndTokensDoNotMix() {
        YamlError e = assertThrows(YamlError.class, () -> ServicesYaml.spec("a", """
                services:
                  a:
                    capacity: {rpsPerReplica: 2, tokensPerSecondPerReplica: 900}
                """));
        assertTrue(e.getMessage().contains("not both") && e.getMessage().contains("rpsPerReplica"), e.getMessage());
    }

    @Test
    void aLoadTestWithoutTokensCannotStateATokenCapacity() {
        YamlError e = assertThrows(YamlError.class, () -> ServicesYaml.spec("a", """
                services:
                  a:
                    slo: {latency: p95, thresholdMs: 90000}
                    capacity:
                      tokensPerSecondPerReplica: 900
                      loadTests: [genai_4users_stats.csv]
                """));
        assertTrue(e.getMessage().contains("reports no tokens"), e.getMessage());
    }

    @Test
    void ttftAndTpotTargetsAllMustHold() {
        Slo both = ServicesYaml.spec("a", """
                services:
                  a:
                    slo:
                      latency: p95
                      thresholdMs: 30000
                      ttft: {percentile: p99, thresholdMs: 2000}
                      tpot: {thresholdMs: 100}
                      objective: 99
                """).slo();
        Slo onlyTokens = ServicesYaml.spec("a", """
                services:
                  a:
                    slo: {ttft: {thresholdMs: 2000}, tpot: {thresholdMs: 100}}
                """).slo();
        assertAll(
                () -> assertEquals(Slo.Metric.LATENCY, both.metric()),
                () -> assertEquals(30000, both.thresholdMs()),
                () -> assertEquals(List.of(new Slo.Target(Slo.Metric.TTFT, Slo.Percentile.P99, 2000),
                        new Slo.Target(Slo.Metric.TPOT, Slo.Percentile.P95, 100)), both.more()),
                () -> assertEquals(0.99, both.objective()),
                () -> assertEquals(Slo.Metric.TTFT, onlyTokens.metric(), "no end-to-end target when none is named"),
                () -> assertEquals(2000, onlyTokens.thresholdMs()),
                () -> assertEquals(List.of(new Slo.Target(Slo.Metric.TPOT, Slo.Percentile.P95, 100)), onlyTokens.more()),
                () -> assertEquals(Slo.DEFAULT, ServicesYaml.spec("a", "services: {a: {}}").slo()));
    }

    @Test
    void aTargetNeedsItsThreshold() {
        YamlError e = assertThrows(YamlError.class, () -> ServicesYaml.spec("a", """
                services:
                  a:
                    slo: {tpot: {percentile: p95}}
                """));
        assertTrue(e.getMessage().contains("tpot: expected thresholdMs"), e.getMessage());
    }
}
