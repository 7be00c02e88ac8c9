package dev.scalewise.recommend;

import dev.scalewise.recommend.Recommendation.Status;
import dev.scalewise.sim.Outcome;

import java.util.Locale;
import java.util.Optional;

/** The status of a recommendation and its reason, from the train and holdout outcomes (docs/recommend.md §4). */
record Verdict(Status status, String reason) {

    /**
     * @param found  whether any candidate met the objective on train
     * @param broken a constraint the current policy breaks (below the floor, above the cap), if any
     */
    static Verdict decide(boolean found, Outcome currentTrain, Outcome currentHoldout, Outcome recTrain,
                          Outcome recHoldout, Optional<String> broken, double maxBurn) {
        Status status;
        String reason;
        boolean currentMeetsTrain = !(currentTrain.budgetBurn() > maxBurn) && broken.isEmpty();
        if (!found) {
            status = Status.KEEP_CURRENT;
            reason = String.format(Locale.ROOT, "no candidate keeps the budget burn within %.2f on train "
                    + "(the current policy burns %.2f); raise the max cap or relax the SLO", maxBurn, currentTrain.budgetBurn());
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
                    .orElse(String.format(Locale.ROOT, "the current policy misses the SLO on train (burn %.2f); this one "
                            + "meets it", currentTrain.budgetBurn()));
        }
        return new Verdict(status, reason);
    }
}
