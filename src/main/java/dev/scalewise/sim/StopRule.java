package dev.scalewise.sim;

/**
 * When a replay may end before the history does: its caller needs it only while it can still meet these
 * (a recommendation's candidates). A replay ends at the first minute whose breach minutes prove it
 * cannot: more than {@code maxBreachMinutes}, or more than {@code maxBudgetBurn} x the error budget x
 * every minute that can be judged. Breach minutes never fall as a replay goes on, and no replay judges
 * more minutes than the history has judgeable ones, so a replay that ends early would have missed both
 * limits had it run to the end: ending it changes no decision taken on these limits.
 *
 * @param maxBudgetBurn    the highest budget burn the caller accepts; +Infinity or NaN for no limit
 * @param maxBreachMinutes the most breach minutes the caller accepts
 */
public record StopRule(double maxBudgetBurn, long maxBreachMinutes) {
    public static final StopRule NEVER = new StopRule(Double.POSITIVE_INFINITY, Long.MAX_VALUE);

    /**
     * The most breach minutes a replay may reach and still meet the rule. Rounded up: a replay ends one
     * whole minute past the limit, so the burn it ends with exceeds the limit by far more than rounding.
     */
    long breachCap(double errorBudget, long judgeableMinutes) {
        double byBurn = maxBudgetBurn * errorBudget * judgeableMinutes;
        long cap = byBurn >= 0 && byBurn < Long.MAX_VALUE ? (long) Math.ceil(byBurn) : Long.MAX_VALUE;
        return Math.min(cap, maxBreachMinutes);
    }
}
