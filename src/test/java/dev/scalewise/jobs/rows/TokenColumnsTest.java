package dev.scalewise.jobs.rows;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.ServiceSpec;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LLM columns of a service without token counts: null in every output row, never NaN in the Parquet. */
class TokenColumnsTest {
    private static final List<String> TOKEN_COLUMNS = List.of("prompt_tokens", "generation_tokens",
            "cost_per_1m_input_tokens", "cost_per_1m_output_tokens", "cost_per_1m_tokens");

    /** Five minutes of a request-only service (no prompt or generation counts). */
    private static ServiceHistory requestsOnly() {
        double[] unknown = new double[5];
        Arrays.fill(unknown, Double.NaN);
        double[] cost = {0.1, 0.1, 0.1, 0.1, 0.1};
        return new ServiceHistory("chat", Instant.parse("2026-01-05T10:00:00Z"), 60,
                new double[] {600, 1200, 1800, 1200, 600}, new double[] {2, 2, 3, 3, 2}, unknown, unknown, unknown,
                new double[] {400, 500, 1200, 700, 300}, unknown, unknown, unknown, unknown, cost, "USD");
    }

    @Test
    void analyzeRowsOfARequestOnlyServiceHoldNullTokenColumns() {
        Row r = AnalyzeRows.rows(requestsOnly(), ServiceSpec.defaults("chat")).get(0);
        assertEquals(AnalyzeRows.SCHEMA.size(), r.size(), "one value per column");
        assertEquals("rps", r.getString(AnalyzeRows.SCHEMA.fieldIndex("load_unit")));
        for (String c : TOKEN_COLUMNS) {
            assertTrue(r.isNullAt(AnalyzeRows.SCHEMA.fieldIndex(c)), c + " is " + r.get(AnalyzeRows.SCHEMA.fieldIndex(c)));
        }
    }
}
