package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;

/**
 * Train / holdout split of one history: the holdout is the last {@code fraction} of it in whole days
 * (counted back from the end), at least 7 days when the history spans 28 days or more, and at least one
 * day whenever the history spans two; shorter histories split by steps. A fraction of 0 validates on
 * the training period itself (the report says so).
 *
 * @param holdoutSteps steps in the holdout (the last ones)
 */
public record Split(ServiceHistory train, ServiceHistory holdout, int holdoutSteps, boolean heldOut) {
    static final int DAY_SECONDS = 86_400;
    static final int LONG_HISTORY_DAYS = 28;
    static final int MIN_HOLDOUT_DAYS_LONG = 7;

    public static Split of(ServiceHistory h, double fraction) {
        int steps = h.steps();
        if (fraction <= 0 || steps < 2) {
            return new Split(h, h, 0, false);
        }
        long stepsPerDay = DAY_SECONDS / h.stepSeconds();
        int days = (int) (steps / Math.max(1, stepsPerDay));
        int holdoutSteps;
        if (DAY_SECONDS % h.stepSeconds() == 0 && days >= 2) {
            int holdoutDays = (int) Math.max(1, Math.round(days * fraction));
            if (days >= LONG_HISTORY_DAYS) {
                holdoutDays = Math.max(holdoutDays, MIN_HOLDOUT_DAYS_LONG);
            }
            holdoutDays = Math.min(holdoutDays, days - 1);
            holdoutSteps = (int) (holdoutDays * stepsPerDay);
        } else {
            holdoutSteps = (int) Math.max(1, Math.min(steps - 1, Math.round(steps * fraction)));
        }
        int cut = steps - holdoutSteps;
        return new Split(h.slice(0, cut), h.slice(cut, steps), holdoutSteps, true);
    }

    public double holdoutDays() {
        return holdout.days();
    }
}
