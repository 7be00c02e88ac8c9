package dev.scalewise.backtest;

import dev.scalewise.report.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** backtest's table shows cost per million tokens beside cost per 1k when a service has tokens, and only then. */
class TokenComparisonTest {
    static PolicyTotal total(String service, String policy, String family, double cost, double prompt, double generated) {
        return new PolicyTotal(service, policy, family, 1000, cost, "USD", 10, 2, 3, 0.99, 100, 0, 0, 0, 0, 0, 0,
                "trusted", "stated", prompt, generated);
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
