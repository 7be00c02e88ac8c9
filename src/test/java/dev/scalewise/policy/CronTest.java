package dev.scalewise.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronTest {
    // 2026-11-30 is a Monday, 2026-11-29 a Sunday.
    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            "'0 7 * * 1-5',   2026-11-30T07:00, true",
            "'0 7 * * 1-5',   2026-11-29T07:00, false",
            "'0 7 * * MON-FRI', 2026-11-30T07:00, true",
            "'*/15 * * * *',  2026-11-30T10:45, true",
            "'*/15 * * * *',  2026-11-30T10:46, false",
            "'30 8 1 JAN *',  2026-01-01T08:30, true",
            "'0 0 * * 7',     2026-11-29T00:00, true",   // 7 = Sunday
            "'0 0 * * 0',     2026-11-29T00:00, true",
            // both day fields restricted: the 1st OR a Monday (crontab(5))
            "'0 0 1 * MON',   2026-11-30T00:00, true",
            "'0 0 1 * MON',   2026-12-01T00:00, true",
            "'0 0 1 * MON',   2026-12-02T00:00, false",
            "'0 9-17/4 * * *', 2026-11-30T13:00, true",
            "'0 9-17/4 * * *', 2026-11-30T15:00, false",
    })
    void matches(String expr, LocalDateTime at, boolean expected) {
        assertEquals(expected, Cron.parse(expr).matches(at));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 7 * *        | 4 fields",
            "61 7 * * *     | minute field '61': expected 0-59, found 61",
            "0 7 * * FUNDAY | day of week field 'FUNDAY'",
            "0 7-3 * * *    | the range starts after it ends",
            "*/0 * * * *    | a step must be positive",
    })
    void rejectsWithAReason(String expr, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cron.parse(expr));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
