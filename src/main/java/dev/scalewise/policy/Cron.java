package dev.scalewise.policy;

import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A standard 5-field cron expression (minute hour day-of-month month day-of-week), as in crontab(5)
 * and Kubernetes CronJob: lists, ranges, steps, month and weekday names, 0 or 7 for Sunday. When both
 * day fields are restricted a time matches either (the Vixie cron rule crontab(5) documents).
 */
public final class Cron {
    private static final List<String> FIELDS = List.of("minute", "hour", "day of month", "month", "day of week");
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 7};
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final BitSet[] allowed = new BitSet[5];
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private Cron(String text) {
        this.text = text;
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException("cron '" + text + "' has " + parts.length
                    + " fields; expected 5 (minute hour day-of-month month day-of-week)");
        }
        for (int f = 0; f < 5; f++) {
            allowed[f] = parseField(f, parts[f].toUpperCase(Locale.ROOT));
        }
        if (allowed[4].get(7)) {
            allowed[4].set(0); // 7 is Sunday too
        }
        domRestricted = !parts[2].startsWith("*");
        dowRestricted = !parts[4].startsWith("*");
    }

    /** Parses an expression; the exception message names the field and what was wrong. */
    public static Cron parse(String text) {
        return new Cron(text);
    }

    public boolean matches(LocalDateTime t) {
        if (!allowed[0].get(t.getMinute()) || !allowed[1].get(t.getHour()) || !allowed[3].get(t.getMonthValue())) {
            return false;
        }
        boolean dom = allowed[2].get(t.getDayOfMonth());
        boolean dow = allowed[4].get(t.getDayOfWeek().getValue() % 7);
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    @Override
    public String toString() {
        return text;
    }

    private BitSet parseField(int f, String field) {
        BitSet bits = new BitSet(MAX[f] + 1);
        for (String item : field.split(",", -1)) {
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                step = number(f, item.substring(slash + 1), item);
                if (step <= 0) {
                    throw error(f, item, "a step must be positive");
                }
                range = item.substring(0, slash);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = MIN[f];
                hi = f == 4 ? 6 : MAX[f];
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw error(f, item, "a range has the form A-B");
                }
                lo = value(f, ends[0], item);
                hi = value(f, ends[1], item);
                if (lo > hi) {
                    throw error(f, item, "the range starts after it ends");
                }
            } else {
                lo = value(f, range, item);
                hi = slash >= 0 ? (f == 4 ? 6 : MAX[f]) : lo;
            }
            for (int v = lo; v <= hi; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private int value(int f, String s, String item) {
        List<String> names = f == 3 ? MONTHS : f == 4 ? DAYS : List.of();
        int named = names.indexOf(s);
        if (named >= 0) {
            return f == 3 ? named + 1 : named;
        }
        int v = number(f, s, item);
        if (v < MIN[f] || v > MAX[f]) {
            throw error(f, item, "expected " + MIN[f] + "-" + MAX[f] + ", found " + v);
        }
        return v;
    }

    private int number(int f, String s, String item) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error(f, item, "'" + s + "' is not a number" + (f >= 3 ? " or a name" : ""));
        }
    }

    private IllegalArgumentException error(int f, String item, String why) {
        return new IllegalArgumentException("cron '" + text + "': " + FIELDS.get(f) + " field '" + item + "': " + why);
    }
}
