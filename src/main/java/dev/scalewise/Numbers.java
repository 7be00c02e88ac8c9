package dev.scalewise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How every number reads as text, in one place (issue 18): {@link #plain} where a machine or a
 * manifest reads it back (YAML values, CSV, a message quoting the input), the others where a person
 * reads it (terminal tables, markdown, the HTML report, whose script follows the same rules). People's
 * numbers are rounded to meaningful digits, grouped by thousands, and never in scientific notation;
 * an unknown value (NaN) reads "-".
 */
public final class Numbers {
    /** What a person reads for an unknown value. */
    public static final String UNKNOWN = "-";
    /** Significant digits for people: enough to compare cost per 1k, not noisy. */
    static final int SIGNIFICANT = 3;
    /** From here on a readable number is whole: its integer part has {@value #SIGNIFICANT} digits. */
    private static final double WHOLE = 100;

    private Numbers() {
    }

    /** Shortest exact decimal, never an exponent: 3, 2.5, 0.125, 0.00001. For machines and manifests. */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A count: 1,234,567. */
    public static String count(long n) {
        return grouped(0).format(n);
    }

    /**
     * A measured or derived quantity for people: {@value #SIGNIFICANT} significant digits, and whole
     * numbers once the integer part has that many digits: 0.00276, 12.3, 1,235, 737,121,000.
     */
    public static String readable(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= WHOLE) {
            return fixed(v, 0);
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(SIGNIFICANT, RoundingMode.HALF_UP)).stripTrailingZeros();
        return zeroless(grouped(Math.max(0, rounded.scale())).format(rounded));
    }

    /**
     * Money: whole units from 1,000 on (44,491), cents from 1 on (5.73, 942.10), and below 1 (a cost
     * per 1k inferences) {@value #SIGNIFICANT} significant digits (0.00276). The currency follows when
     * known: "44,491 USD".
     */
    public static String money(double v, String currency) {
        String amount;
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        } else if (Math.abs(v) >= 1000) {
            amount = fixed(v, 0);
        } else if (Math.abs(v) >= 1) {
            amount = fixed(v, 2);
        } else {
            amount = readable(v);
        }
        amount = zeroless(amount);
        return currency == null || currency.isEmpty() ? amount : amount + " " + currency;
    }

    /** A percentage with one decimal: 16.8 %. The argument is already in percent. */
    public static String percent(double v) {
        return Double.isFinite(v) ? fixed(v, 1) + " %" : nonFinite(v);
    }

    /** A number with a fixed count of decimals, grouped by thousands: fixed(1.4931, 2) = 1.49. */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return zeroless(grouped(decimals).format(new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP)));
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? UNKNOWN : v > 0 ? "inf" : "-inf";
    }

    /** "-0" and "-0.00" read as 0: a rounded-away sign says nothing. */
    private static String zeroless(String s) {
        return s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9') ? s.substring(1) : s;
    }

    /**
     * Rounding is half away from zero on the double's exact binary value, as JavaScript's toFixed and
     * toPrecision round, so the HTML report's script prints the very same text.
     */
    private static DecimalFormat grouped(int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
