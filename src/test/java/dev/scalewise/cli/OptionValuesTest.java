package dev.scalewise.cli;

import dev.scalewise.UserError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionValuesTest {
    @ParameterizedTest
    @CsvSource({"60s,60", "60,60", "5m,300", "1h,3600", "24h,86400", "120S,120"})
    void stepParses(String text, int seconds) {
        assertEquals(seconds, OptionValues.stepSeconds(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"45s", "0s", "25h", "1.5m", "fast", ""})
    void stepMustBeWholeMinutesUpToADay(String text) {
        UserError e = assertThrows(UserError.class, () -> OptionValues.stepSeconds(text));
        assertTrue(e.getMessage().startsWith("--step: expected whole minutes"), e.getMessage());
    }
}
