package dev.scalewise.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;

/** Formats one value as text, the same way in every text format. */
final class Cells {
    /** Significant digits shown for human formats: enough for cost per 1k, not noisy. */
    private static final MathContext HUMAN = new MathContext(6);

    private Cells() {
    }

    /** For terminals and markdown: numbers to 6 significant digits, unknown as "-". */
    static String human(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "-" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : plain(round(d));
        }
        return exact(v);
    }

    /** For csv: full precision, unknown as the empty string. */
    static String exact(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : plain(BigDecimal.valueOf(d));
        }
        if (v instanceof Instant || v instanceof LocalDate) {
            return v.toString();
        }
        return String.valueOf(v);
    }

    private static BigDecimal round(double d) {
        return new BigDecimal(d).round(HUMAN);
    }

    private static String plain(BigDecimal b) {
        String s = b.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
