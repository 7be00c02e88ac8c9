package dev.scalewise.calibrate;

/**
 * How outputs print a breach count that rests on load history never showed: not as a number (the number
 * column is left unknown) but as the range the evidence spans, "identified..modeled": the breach minutes
 * history confirms, and the model's count with the capacity at its bound or extrapolation
 * (docs/replay.md, "Latency, breaches, cold starts").
 */
public final class BreachRange {
    private BreachRange() {
    }

    /** "" when every breach minute is identified, else "lo..hi". */
    public static String text(long breachMinutes, long unidentifiedBreachMinutes) {
        return unidentifiedBreachMinutes == 0 ? ""
                : (breachMinutes - unidentifiedBreachMinutes) + ".." + breachMinutes;
    }

    /** The count as a table shows it: the number when identified, NaN (printed "-") when it is a range. */
    public static Object count(long breachMinutes, long unidentifiedBreachMinutes) {
        return unidentifiedBreachMinutes == 0 ? (Object) breachMinutes : (Object) Double.NaN;
    }
}
