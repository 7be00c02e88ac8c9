package dev.scalewise.report;

import dev.scalewise.Numbers;

import java.time.Instant;
import java.time.LocalDate;

/** Formats one value as text, the same way in every text format ({@link Numbers} does the numbers). */
final class Cells {
    private Cells() {
    }

    /** For terminals and markdown: rounded per the column's type, unknown as "-". */
    static String human(Column column, Object v) {
        if (v instanceof Double d) {
            return switch (column.type()) {
                case MONEY -> Numbers.money(d, "");
                case PERCENT -> Numbers.percent(d);
                case RATIO -> Numbers.fixed(d, 2);
                case INTEGER -> Double.isFinite(d) ? Numbers.count(Math.round(d)) : Numbers.readable(d);
                default -> Numbers.readable(d);
            };
        }
        if (v instanceof Long || v instanceof Integer) {
            return Numbers.count(((Number) v).longValue());
        }
        return exact(v);
    }

    /** For csv: full precision, unknown as the empty string. */
    static String exact(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "" : Numbers.plain(d);
        }
        if (v instanceof Instant || v instanceof LocalDate) {
            return v.toString();
        }
        return String.valueOf(v);
    }
}
