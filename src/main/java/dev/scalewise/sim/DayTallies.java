package dev.scalewise.sim;

import dev.scalewise.policy.Slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One {@link OutcomeTally} per UTC calendar day of a replayed or observed span, merged into a total. */
final class DayTallies {
    static final long DAY_SECONDS = 86_400;

    private final Instant start;
    private final long totalSeconds;
    /** Seconds from {@code start} back to midnight UTC of the first day (0..86399). */
    private final long offsetInFirstDay;
    private final OutcomeTally[] days;

    DayTallies(Instant start, long totalSeconds) {
        this.start = start;
        this.totalSeconds = totalSeconds;
        this.offsetInFirstDay = Math.floorMod(start.getEpochSecond(), DAY_SECONDS);
        int count = (int) Math.max(1, (offsetInFirstDay + totalSeconds + DAY_SECONDS - 1) / DAY_SECONDS);
        this.days = new OutcomeTally[count];
        for (int d = 0; d < count; d++) {
            days[d] = new OutcomeTally();
        }
    }

    /** Day index of a time given in seconds since {@code start}. */
    int dayOf(long secondsSinceStart) {
        return (int) ((offsetInFirstDay + secondsSinceStart) / DAY_SECONDS);
    }

    /** Seconds since {@code start} at which day {@code day} ends. */
    long endOfDay(int day) {
        return (day + 1) * DAY_SECONDS - offsetInFirstDay;
    }

    OutcomeTally day(int day) {
        return days[day];
    }

    ReplayResult result(String service, String policy, String currency, Slo slo, boolean cutShort, int mostAsked) {
        List<Outcome> perDay = new ArrayList<>(days.length);
        OutcomeTally total = new OutcomeTally();
        for (int d = 0; d < days.length; d++) {
            long from = Math.max(0, endOfDay(d) - DAY_SECONDS);
            long to = Math.min(totalSeconds, endOfDay(d));
            perDay.add(days[d].toOutcome(service, policy, start.plusSeconds(from), start.plusSeconds(to), currency, slo));
            total.merge(days[d]);
        }
        return new ReplayResult(List.copyOf(perDay),
                total.toOutcome(service, policy, start, start.plusSeconds(totalSeconds), currency, slo), cutShort,
                mostAsked);
    }
}
