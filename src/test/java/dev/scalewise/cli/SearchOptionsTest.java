package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.recommend.RecommendOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --screen-days reaches the recommender: a week by default, 0 for the whole training period, never negative. */
class SearchOptionsTest {
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        SearchOptions search;
    }

    private static SearchOptions parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.search;
    }

    @Test
    void screeningIsAWeekByDefaultAndZeroTurnsItOff() {
        assertEquals(RecommendOptions.SCREEN_DAYS, parse().options().screenDays());
        assertEquals(7, RecommendOptions.SCREEN_DAYS);
        assertEquals(0, parse("--screen-days", "0").options().screenDays());
        assertEquals(3, parse("--screen-days", "3").options().screenDays());
    }

    @Test
    void aNegativeSpanIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> parse("--screen-days", "-1").options());
        assertTrue(e.getMessage().contains("--screen-days") && e.getMessage().contains("-1"), e.getMessage());
    }
}
