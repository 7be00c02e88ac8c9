package dev.scalewise.recommend;

import dev.scalewise.recommend.Recommendation.Status;
import dev.scalewise.sim.Outcome;

import java.util.Locale;
import java.util.Optional;

/** The status of a recommendation and its reason, from the train and holdout outcomes (docs/recommend.md §4). */
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
     * @param found      whether any candidate met the objective on train (within observed load, when bounded)
     * @param broken     a constraint the current policy breaks (below the floor, above the cap), if any
     * @param unobserved what the model cannot show
     */
    static Verdict decide(boolean found, Outcome currentTrain, Outcome currentHoldout, Outcome recTrain,
                          Outcome recHoldout, Optional<String> broken, double maxBurn, Unobserved unobserved) {
        Status status;
        String reason;
        boolean currentMeetsTrain = !(currentTrain.budgetBurn() > maxBurn) && broken.isEmpty()
                && !(unobserved.bounded() && currentTrain.aboveObservedMinutes() > 0);
        if (!found && unobserved.bounded() && unobserved.rejected() > 0) {
            status = Status.KEEP_CURRENT;
            reason = String.format(Locale.ROOT, "not identifiable from history: every setting within the budget on "
                    + "train (%d) runs %s; state the capacity in services.yaml (docs/replay.md, \"Stating capacity\") to "
                    + "evaluate them", unobserved.rejected(), unobserved.where());
        } else if (!found) {
            status = Status.KEEP_CURRENT;
            reason = String.format(Locale.ROOT, "no candidate keeps the budget burn within %.2f on train "
                    + "(the current policy burns %.2f); raise the max cap or relax the SLO", maxBurn, currentTrain.budgetBurn());
        } else if (unobserved.bounded() && recHoldout.aboveObservedMinutes() > 0) {
            status = Status.HOLDOUT_FAILED;
            reason = String.format(Locale.ROOT, "within observed load on train, but on the holdout it runs %d minutes "
                    + "%s: its breaches there are not identifiable from history", recHoldout.aboveObservedMinutes(),
                    unobserved.where());
        } else if (currentMeetsTrain && !(recTrain.cost() < currentTrain.cost() * (1 - Search.TIE))) {
            status = Status.KEEP_CURRENT;
            reason = "the current policy is already the cheapest candidate meeting the objective on train";
        } else if (!recHoldout.meetsSlo()) {
            status = Status.HOLDOUT_FAILED;
            reason = String.format(Locale.ROOT, "meets the objective on train (burn %.2f) but burns %.2f of the error "
                            + "budget on the holdout (%d breach minutes; current policy: %.2f)", recTrain.budgetBurn(),
                    recHoldout.budgetBurn(), recHoldout.breachMinutes(), currentHoldout.budgetBurn());
        } else if (currentHoldout.meetsSlo() && currentMeetsTrain && !(recHoldout.cost() < currentHoldout.cost())) {
            status = Status.KEEP_CURRENT;
            reason = "cheaper on train but not on the holdout";
        } else {
            status = Status.RECOMMENDED;
            reason = currentMeetsTrain
                    ? String.format(Locale.ROOT, "%.1f %% cheaper than the current policy on the holdout, within the SLO",
                    Recommender.percentLess(recHoldout.cost(), currentHoldout.cost()))
                    : broken.map(b -> "the current policy breaks a constraint (" + b + "); this one meets it and the SLO")
                    .orElse(unobserved.bounded() && currentTrain.aboveObservedMinutes() > 0
                            ? String.format(Locale.ROOT, "the current policy runs %d minutes on train %s, so its breaches "
                            + "there are not identifiable; this one stays within observed load and meets the SLO",
                            currentTrain.aboveObservedMinutes(), unobserved.where())
                            : String.format(Locale.ROOT, "the current policy misses the SLO on train (burn %.2f); this "
                            + "one meets it", currentTrain.budgetBurn()));
        }
        return new Verdict(status, reason);
    }
}
