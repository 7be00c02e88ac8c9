package dev.scalewise.backtest;

import dev.scalewise.report.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * backtest's table shows cost per million tokens beside cost per 1k when a service has tokens, and TTFT and TPOT
 * breach minutes apart when a service holds such targets, and only then.
 */
class TokenComparisonTest {
    static PolicyTotal total(String service, String policy, String family, double cost, double prompt, double generated) {
        return targets(service, policy, family, cost, prompt, generated, 0, Double.NaN, Double.NaN);
    }

    static PolicyTotal targets(String service, String policy, String family, double cost, double prompt, double generated,
                               long breach, double ttft, double tpot) {
        return new PolicyTotal(service, policy, family, 1000, cost, "USD", 10, 2, 3, 0.99, 100, breach, 0, 0, 0, 0, 0,
                "trusted", "stated", prompt, generated, ttft, tpot);
    }

    @Test
    void ttftAndTpotBreachMinutesStandApartAfterTheBreachRange() {
        Table t = Comparison.of(List.of(targets("llm", "observed", "observed", 12, 3e6, 1e6, 7, 6, 2),
                total("ocr", "observed", "observed", 5, Double.NaN, Double.NaN)));
        int ttft = BeyondHistoryTest.column(t, "ttft_breach_min");
        assertAll(
                () -> assertEquals(BeyondHistoryTest.column(t, "breach_range") + 1, ttft),
                () -> assertEquals(ttft + 1, BeyondHistoryTest.column(t, "tpot_breach_min")),
                () -> assertEquals(7L, ((Number) t.rows().get(0).get(BeyondHistoryTest.column(t, "breach_min"))).longValue()),
                () -> assertEquals(6.0, ((Number) t.rows().get(0).get(ttft)).doubleValue()),
                () -> assertEquals(2.0, ((Number) t.rows().get(0).get(ttft + 1)).doubleValue()),
                () -> assertTrue(Double.isNaN(((Number) t.rows().get(1).get(ttft)).doubleValue()), "no TTFT target"),
                () -> assertEquals(t.columns().size(), t.totals().orElseThrow().size()),
                () -> assertEquals(7L, ((Number) t.totals().orElseThrow().get(BeyondHistoryTest.column(t, "breach_min")))
                        .longValue(), "the totals row keeps its columns in place"),
                () -> assertFalse(Comparison.of(List.of(total("ocr", "observed", "observed", 5, Double.NaN, Double.NaN)))
                        .columns().stream().anyMatch(c -> c.name().equals("ttft_breach_min"))));
    }

    @Test
    void costPerMillionTokensIsBlendedOverPromptAndGeneratedTokens() {
        // 12 USD over 3 M prompt + 1 M generated tokens: 3 USD per million; the other service has no tokens
        Table t = Comparison.of(List.of(total("llm", "observed", "observed", 12, 3e6, 1e6),
                total("llm", "hpa/llm", "reactive", 8, 3e6, 1e6), total("ocr", "observed", "observed", 5, Double.NaN,
                        Double.NaN)));
        int col = BeyondHistoryTest.column(t, "cost_per_1m_tok");
        assertAll(
                () -> assertEquals(4, col, "right after cost_per_1k"),
                () -> assertEquals(3.0, (Double) t.rows().get(0).get(col), 1e-12),
                () -> assertEquals(2.0, (Double) t.rows().get(1).get(col), 1e-12),
                () -> assertTrue(Double.isNaN((Double) t.rows().get(2).get(col)), "no tokens, no figure"),
                () -> assertEquals(t.columns().size(), t.totals().orElseThrow().size()),
                () -> assertEquals(12.0, (Double) t.totals().orElseThrow().get(BeyondHistoryTest.column(t, "cost")) - 5,
                        1e-12, "the totals row keeps its columns in place"));
    }

    @Test
    void aFleetWithoutTokensHasNoSuchColumn() {
        Table t = Comparison.of(List.of(total("ocr", "observed", "observed", 5, Double.NaN, Double.NaN)));
        assertFalse(t.columns().stream().anyMatch(c -> c.name().equals("cost_per_1m_tok")));
    }
}
