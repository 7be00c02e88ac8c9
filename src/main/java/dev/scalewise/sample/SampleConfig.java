package dev.scalewise.sample;

import dev.scalewise.UserError;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What to generate. Validated here so the CLI and tests get the same messages.
 *
 * @param stepSeconds output interval; a multiple of the 15-s tick that divides an hour
 * @param startDate   first UTC day; the sample covers [startDate, startDate + days)
 */
public record SampleConfig(int services, int days, int stepSeconds, long seed, LocalDate startDate) {
    public static final int MAX_SERVICES = 1000;
    public static final int MAX_DAYS = 400;

    public SampleConfig {
        if (services < 1 || services > MAX_SERVICES) {
            throw new UserError("--services: expected 1.." + MAX_SERVICES + ", found " + services);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new UserError("--days: expected 1.." + MAX_DAYS + ", found " + days);
        }
        if (stepSeconds < ServiceSimulator.TICK_SECONDS || stepSeconds % ServiceSimulator.TICK_SECONDS != 0
                || 3600 % stepSeconds != 0) {
            throw new UserError("--step: expected a multiple of 15 s that divides an hour (15s, 30s, 60s, 5m, "
                    + "15m, 1h...), found " + stepSeconds + " s");
        }
    }

    public long startEpochSecond() {
        return startDate.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    public int stepsPerDay() {
        return 86_400 / stepSeconds;
    }

    public int steps() {
        return days * stepsPerDay();
    }
}
