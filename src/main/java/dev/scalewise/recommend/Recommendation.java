package dev.scalewise.recommend;

import dev.scalewise.calibrate.Calibration;
import dev.scalewise.sim.Outcome;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer for one service x policy: what to change, and the replayed evidence for it.
 *
 * @param service     the service
 * @param policy      the policy's metadata name
 * @param kind        the kind of the manifest the knob paths address, as written (HorizontalPodAutoscaler,
 *                    ScaledObject, ServeConfig for a Serve config file, ...)
 * @param manifest    the metadata name of the manifest the knob paths address (the base policy of a
 *                    scheduled or predictive policy)
 * @param manifestFile the file that manifest was read from (for {@link ManifestEditor#apply})
 * @param status      what to do
 * @param reason      one sentence saying why this status
 * @param knobs       every searched knob (and the derived maxReplicas), current and recommended; the
 *                    recommended values equal the current ones unless status is RECOMMENDED or LOWERS_BURN
 * @param explanation the binding constraint of the recommendation, derived from the replay
 * @param evidence    the replayed outcomes; empty when the service cannot be replayed
 */
public record Recommendation(String service, String policy, String kind, String manifest, String manifestFile,
                             Status status, String reason,
                             List<KnobChange> knobs, String explanation, Optional<Evidence> evidence) {
    public Recommendation {
        knobs = List.copyOf(knobs);
    }

    /** Knob changes to write into the manifest: none unless the recommendation stands (or lowers the burn). */
    public List<KnobChange> changes() {
        return status == Status.RECOMMENDED || status == Status.LOWERS_BURN
                ? knobs.stream().filter(KnobChange::changed).toList() : List.of();
    }

    public enum Status {
        /**
         * Meets the objective on train and the SLO on the holdout, and is cheaper than the current policy
         * (or fixes what it misses): the cheapest such setting, with more headroom than the cheapest on train
         * when that one missed the SLO on the holdout.
         */
        RECOMMENDED,
        /**
         * No setting within the constraints meets the objective on train and the SLO on the holdout; this
         * one lowers the budget burn most, and still misses the SLO (the reason says what would fix it).
         */
        LOWERS_BURN,
        /**
         * The cheapest setting on train failed the SLO on the holdout and nothing meets both or burns less:
         * nothing to apply (the reason says what would fix it).
         */
        HOLDOUT_FAILED,
        /** Nothing beats the current policy (the reason says in what respect). */
        KEEP_CURRENT,
        /** The service cannot be replayed (unknown capacity or price, no data). */
        CANNOT_RECOMMEND
    }

    /** Outcomes of one period for the current policy, the recommended one, and the observed run. */
    public record Periods(Outcome current, Outcome recommended, Outcome observed) {
    }

    /**
     * Money over 30 days at the holdout's rate (holdout cost / holdout days x 30).
     *
     * @param savingsPercent         (current - recommended) / current, holdout
     * @param savingsVsObservedPercent (observed - recommended) / observed, holdout
     */
    public record Monthly(double current, double recommended, double observed, String currency, double savingsPercent,
                          double savingsVsObservedPercent) {
    }

    /**
     * The recommended policy on the holdout under +20 % demand and under 1.5x startup.
     *
     * @param holds   true when the recommended policy meets the SLO under both
     * @param verdict one sentence; when the policy misses the SLO under one, whether the current policy misses
     *                it too
     */
    public record Robustness(Outcome demandPlus20Recommended, Outcome slowStartupRecommended, boolean holds,
                             String verdict) {
    }

    /**
     * A non-dominated candidate (cost vs breach minutes on train).
     *
     * @param days the days its figures cover: the training period, or the screening span at its end
     */
    public record FrontierPoint(Map<String, Double> knobs, double costPer1k, long breachMinutes, double budgetBurn,
                                boolean meetsObjective, double days) {
        public FrontierPoint {
            knobs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(knobs));
        }
    }

    /**
     * @param train               outcomes on the training period
     * @param holdout             outcomes on the held-out period (the training period when no holdout was asked)
     * @param heldOut             false when holdout was 0 and validation ran on train
     * @param monthly             30-day money at the holdout's rate
     * @param robustness          what-ifs on the holdout
     * @param frontier            cost vs breaches over evaluated candidates, ~10 points, cheapest first
     * @param candidatesEvaluated replays the search ran
     * @param objective           the search objective
     * @param chosen              the best candidate as a policy (the current one when the search found none),
     *                            for replaying it over other periods (the HTML report's timelines)
     * @param calibration         the model (fitted on train) replaying the training period's replicas against
     *                            what was observed: how far its numbers are to be trusted
     */
    public record Evidence(Periods train, Periods holdout, boolean heldOut, Monthly monthly, Robustness robustness,
                           List<FrontierPoint> frontier, int candidatesEvaluated, RecommendOptions.Objective objective,
                           dev.scalewise.policy.PolicySpec chosen, Calibration calibration) {
        public Evidence {
            frontier = List.copyOf(frontier);
        }
    }
}
