package dev.scalewise.recommend;

import dev.scalewise.recommend.Recommendation.Status;
import dev.scalewise.recommend.Search.Evaluated;
import dev.scalewise.sim.Outcome;

import java.util.Locale;
import java.util.Optional;

/**
 * The status of a recommendation and its reason, from what the searches found and the current policy's
 * outcomes (docs/recommend.md §4). Every reason of a row that is not recommended says what would change
 * the answer; a recommended one states its breach minutes before and after, side by side.
 */
record Verdict(Status status, String reason) {

    /**
     * What the model cannot show: whether its capacity is only a bound or an extrapolation (then a setting
     * that runs above the busiest load history showed is never recommended), and how many candidates met the
     * objective on train only by running there.
     */
    record Unobserved(boolean bounded, double busiestRps, String capacityKind, long rejected) {
        String where() {
            return String.format(Locale.ROOT, "above the busiest load per replica history showed (%.3g rps), where "
                    + "the capacity is %s", busiestRps, capacityKind.equals("lower bound") ? "only a lower bound"
                    : "extrapolated");
        }
    }

    /**
     * What the searches found.
     *
     * @param chosen          the cheapest setting meeting the objective on train and the SLO on the holdout
     * @param failedOnHoldout the cheapest setting meeting the objective on train, when it missed the SLO on the
     *                        holdout (the fallback then looked for {@code chosen})
     * @param lowersBurn      when nothing meets both: the setting that lowers the budget burn most
     * @param mostHeadroom    the setting with the most headroom the constraints allow, replayed on both periods
     * @param fix             what would make a setting meet the SLO (the constraint to relax)
     */
    record Found(Optional<Evaluated> chosen, Optional<Evaluated> failedOnHoldout, Optional<Evaluated> lowersBurn,
                 Optional<Evaluated> mostHeadroom, String fix) {
    }

    /**
     * @param changes the changed knobs of a setting, as "name a->b, ..."
     * @param broken  a constraint the current policy breaks (below the floor, above the cap), if any
     * @param unobserved what the model cannot show
     */
    static Verdict decide(Found found, Outcome currentTrain, Outcome currentHoldout, Optional<String> broken,
                          double maxBurn, Unobserved unobserved, java.util.function.Function<Evaluated, String> changes) {
        boolean currentBeyond = unobserved.bounded() && currentTrain.aboveObservedMinutes() > 0;
        boolean currentMeetsTrain = !(currentTrain.budgetBurn() > maxBurn) && broken.isEmpty() && !currentBeyond;
        boolean currentMeetsHoldout = currentHoldout.meetsSlo();
        String missed = found.failedOnHoldout().map(f -> {
            Outcome h = f.holdout().orElseThrow();
            return unobserved.bounded() && h.aboveObservedMinutes() > 0
                    ? String.format(Locale.ROOT, "the cheapest setting meeting the objective on train (%s) runs %d minutes "
                    + "on the holdout %s: its breaches there are not identifiable from history", changes.apply(f),
                    h.aboveObservedMinutes(), unobserved.where())
                    : String.format(Locale.ROOT, "the cheapest setting meeting the objective on train (%s) burns %.2f of "
                    + "the error budget on the holdout (%d breach minutes)", changes.apply(f), h.budgetBurn(),
                    h.breachMinutes());
        }).orElse("");
        if (found.chosen().isPresent()) {
            Evaluated c = found.chosen().get();
            Outcome recTrain = c.train();
            Outcome recHoldout = c.holdout().orElseThrow();
            if (currentMeetsTrain && currentMeetsHoldout && !(recTrain.cost() < currentTrain.cost() * (1 - Search.TIE))) {
                return new Verdict(Status.KEEP_CURRENT, "the current policy is already the cheapest setting meeting the "
                        + "objective on train and the SLO on the holdout" + (missed.isEmpty() ? "" : "; " + missed));
            }
            if (currentMeetsTrain && currentMeetsHoldout && !(recHoldout.cost() < currentHoldout.cost())) {
                return new Verdict(Status.KEEP_CURRENT, "cheaper on train but not on the holdout");
            }
            double less = Recommender.percentLess(recHoldout.cost(), currentHoldout.cost());
            String why;
            if (currentMeetsTrain && currentMeetsHoldout) {
                why = String.format(Locale.ROOT, "%.1f %% cheaper than the current policy on the holdout", less);
            } else {
                why = broken.map(b -> "the current policy breaks a constraint (" + b + "); this one meets it")
                        .orElse(currentMeetsTrain
                                ? String.format(Locale.ROOT, "the current policy misses the SLO on the holdout (burn %.2f); "
                                + "this one meets it", currentHoldout.budgetBurn())
                                : currentBeyond
                                ? String.format(Locale.ROOT, "the current policy runs %d minutes on train %s, so its "
                                + "breaches there are not identifiable; this one stays within observed load and meets "
                                + "the SLO", currentTrain.aboveObservedMinutes(), unobserved.where())
                                : String.format(Locale.ROOT, "the current policy misses the objective on train (burn %.2f); "
                                + "this one meets it and the SLO on the holdout", currentTrain.budgetBurn()))
                        + costChange(less);
            }
            boolean rise = recTrain.breachMinutes() > currentTrain.breachMinutes()
                    || recHoldout.breachMinutes() > currentHoldout.breachMinutes();
            why += (rise ? ", within the error budget" : ", with no more breach minutes")
                    + breaches(currentTrain, recTrain, currentHoldout, recHoldout);
            if (!missed.isEmpty()) {
                why += "; " + missed + ", so this one has more headroom";
            }
            return new Verdict(Status.RECOMMENDED, why);
        }
        if (found.lowersBurn().isPresent()) {
            Evaluated l = found.lowersBurn().get();
            Outcome h = l.holdout().orElseThrow();
            return new Verdict(Status.LOWERS_BURN, String.format(Locale.ROOT, "no setting within the constraints meets "
                            + "the objective on train and the SLO on the holdout; this one lowers the budget burn most: "
                            + "holdout burn %.2f -> %.2f, train %.2f -> %.2f%s%s; it still misses the SLO: %s",
                    currentHoldout.budgetBurn(), h.budgetBurn(), currentTrain.budgetBurn(), l.train().budgetBurn(),
                    breaches(currentTrain, l.train(), currentHoldout, h),
                    costChange(Recommender.percentLess(h.cost(), currentHoldout.cost())), found.fix()));
        }
        if (unobserved.bounded() && unobserved.rejected() > 0 && missed.isEmpty()) {
            return new Verdict(Status.KEEP_CURRENT, String.format(Locale.ROOT, "not identifiable from history: every "
                    + "setting within the budget on train (%d) runs %s; state the capacity in services.yaml "
                    + "(docs/replay.md, \"Stating capacity\") to evaluate them", unobserved.rejected(), unobserved.where()));
        }
        if (!missed.isEmpty()) {
            return new Verdict(Status.HOLDOUT_FAILED, missed + String.format(Locale.ROOT, " (the current policy: %.2f), and "
                    + "no setting within the constraints meets both periods or burns less; %s", currentHoldout.budgetBurn(),
                    found.fix()));
        }
        return new Verdict(Status.KEEP_CURRENT, String.format(Locale.ROOT, "no setting within the constraints meets the "
                + "objective (budget burn within %.2f) on train and the SLO on the holdout, nor burns less than the current "
                + "policy (train %.2f, holdout %.2f); %s", maxBurn, currentTrain.budgetBurn(), currentHoldout.budgetBurn(),
                found.fix()));
    }

    /** " (breach minutes: train a -> b, holdout c -> d)". */
    static String breaches(Outcome currentTrain, Outcome recTrain, Outcome currentHoldout, Outcome recHoldout) {
        return String.format(Locale.ROOT, " (breach minutes: train %d -> %d, holdout %d -> %d)", currentTrain.breachMinutes(),
                recTrain.breachMinutes(), currentHoldout.breachMinutes(), recHoldout.breachMinutes());
    }

    /** ", at 16.0 % more cost" or ", 8.4 % cheaper" against the current policy on the holdout. */
    private static String costChange(double percentLess) {
        if (!Double.isFinite(percentLess)) {
            return "";
        }
        return percentLess < 0 ? String.format(Locale.ROOT, ", at %.1f %% more cost", -percentLess)
                : String.format(Locale.ROOT, ", %.1f %% cheaper", percentLess);
    }
}
