package dev.scalewise.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The LLM columns end to end: read from CSV by the jobs, through the aligner and the token model, out in
 * analyze's rows (numbers worked by hand in src/test/resources/fixtures/llm/README.md).
 */
class LlmColumnsJobTest {
    static final Path LLM = Path.of("src/test/resources/fixtures/llm");

    @BeforeAll
    static void spark() {
        SharedSpark.get();
    }

    @Test
    void analyzeShowsTokensCostPerMillionTokensAndEveryTarget() throws Exception {
        SharedSpark.CliRun run = SharedSpark.cli("analyze", "--data", LLM.toString(),
                "--services", LLM.resolve("services.yaml").toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode chat = new ObjectMapper().readTree(run.out()).get("rows").get(0);
        assertAll(
                () -> assertEquals("chat", chat.get("service").asText()),
                () -> assertEquals(3_360_000, chat.get("prompt_tokens").asDouble(), 1e-6),
                () -> assertEquals(720_000, chat.get("generation_tokens").asDouble(), 1e-6),
                () -> assertEquals(0.5 / 4.08, chat.get("cost_per_1m_tokens").asDouble(), 1e-9),
                () -> assertEquals(0.5 / 4.08, chat.get("cost_per_1m_input_tokens").asDouble(), 1e-9),
                () -> assertEquals(0.5 / 4.08, chat.get("cost_per_1m_output_tokens").asDouble(), 1e-9),
                () -> assertEquals("tokens/s", chat.get("load_unit").asText()),
                () -> assertEquals("p95<=1000ms & ttft p95<=800ms & tpot p95<=50ms@99%", chat.get("slo").asText()),
                () -> assertEquals(5, chat.get("slo_minutes").asLong()),
                () -> assertEquals(2, chat.get("breach_minutes").asLong(), "minute 2 (latency, TTFT), minute 3 (TTFT)"));
    }
}
