package dev.scalewise.model;

/**
 * One fitted number with its evidence.
 *
 * @param value      the number; NaN when the data cannot support one (then {@code note} says why)
 * @param sampleSize observations the number rests on (steps, bins or events, as the note says)
 * @param confidence how far to trust it
 * @param note       how it was obtained, in words a user can check
 */
public record Fitted(double value, long sampleSize, Confidence confidence, String note) {

    public static Fitted measured(double value, long sampleSize, String note) {
        return new Fitted(value, sampleSize, Confidence.HIGH, note);
    }

    public static Fitted estimated(double value, long sampleSize, String note) {
        return new Fitted(value, sampleSize, Confidence.LOW, note);
    }

    public static Fitted configured(double value, String source) {
        return new Fitted(value, 0, Confidence.HIGH, "set in " + source);
    }

    public static Fitted byDefault(double value, String why) {
        return new Fitted(value, 0, Confidence.DEFAULT, why);
    }

    /** Too little data: says so instead of inventing a number. */
    public static Fitted unknown(long sampleSize, String why) {
        return new Fitted(Double.NaN, sampleSize, Confidence.LOW, why);
    }

    public boolean known() {
        return Double.isFinite(value);
    }
}
