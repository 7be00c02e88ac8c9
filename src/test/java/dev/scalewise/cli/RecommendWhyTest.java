package dev.scalewise.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "why" paragraphs under recommend's table wrap at the table's width, losing no word. */
class RecommendWhyTest {
    @Test
    void wrapsAtTheTableWidthWithAHangingIndentAndKeepsEveryWord() {
        String text = "rerank / hpa/rerank: " + "meets the objective on train but burns 1.49 of the budget ".repeat(8).trim();
        String wrapped = RecommendCommand.Rows.wrap(text);
        String[] lines = wrapped.split("\n");
        assertTrue(lines.length > 3, wrapped);
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].length() <= 120, lines[i]);
            assertEquals(i > 0, lines[i].startsWith("    "), lines[i]);
        }
        assertEquals(text, wrapped.replace("\n    ", " "));
    }
}
