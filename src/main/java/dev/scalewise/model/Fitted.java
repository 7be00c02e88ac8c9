package dev.scalewise.model;

import java.util.Locale;

/**
 * One fitted number with its evidence.
 *
 * @param value      the number; NaN when the data cannot support one (then {@code note} says why)
 * @param sampleSize observations the number rests on (steps, bins, events or load-test points, as the note says)
 * @param basis      what the number is: measured, a bound, extrapolated, stated, defaulted or unknown
 * @param confidence how far to trust it (criteria: docs/replay.md, "Confidence")
 * @param note       how it was obtained, in words a user can check
 */
public record Fitted(double value, long sampleSize, Basis basis, Confidence confidence, String note) {

    /** Measured inside the observed range and meeting its quality criteria. */
    public static Fitted measured(double value, long sampleSize, String note) {
        return new Fitted(value, sampleSize, Basis.MEASURED, Confidence.HIGH, note);
    }

    public static Fitted of(double value, long sampleSize, Basis basis, Confidence confidence, String note) {
        return new Fitted(value, sampleSize, basis, confidence, note);
    }

    public static Fitted lowerBound(double value, long sampleSize, String note) {
        return new Fitted(value, sampleSize, Basis.LOWER_BOUND, Confidence.LOW, note);
    }

    public static Fitted upperBound(double value, long sampleSize, String note) {
        return new Fitted(value, sampleSize, Basis.UPPER_BOUND, Confidence.LOW, note);
    }

    public static Fitted extrapolated(double value, long sampleSize, String note) {
        return new Fitted(value, sampleSize, Basis.EXTRAPOLATED, Confidence.LOW, note);
    }

    /** Set by the user; {@code source} names where ("services.yaml startupSeconds"). */
    public static Fitted stated(double value, String source) {
        return new Fitted(value, 0, Basis.STATED, Confidence.HIGH, "stated in " + source);
    }

    public static Fitted byDefault(double value, String why) {
        return new Fitted(value, 0, Basis.DEFAULT, Confidence.DEFAULT, why);
    }

    /** Too little data: says so instead of inventing a number. */
    public static Fitted unknown(long sampleSize, String why) {
        return new Fitted(Double.NaN, sampleSize, Basis.UNKNOWN, Confidence.LOW, why);
    }

    public boolean known() {
        return Double.isFinite(value);
    }

    /** The same evidence for a value scaled by {@code factor} (what-if runs), the note saying so. */
    public Fitted scaled(double factor, String what) {
        return new Fitted(value * factor, sampleSize, basis, confidence,
                note + String.format(Locale.ROOT, " x %.1f (%s)", factor, what));
    }

    /** "lower bound, low" — what outputs print next to the value. */
    public String label() {
        return basis.label() + ", " + confidence.name().toLowerCase(Locale.ROOT);
    }
}
