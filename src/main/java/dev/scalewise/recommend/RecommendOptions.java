package dev.scalewise.recommend;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How to search and validate.
 *
 * @param objective        what "best" means (see {@link Objective})
 * @param holdoutFraction  share of the history held out at its end (0.25); whole days, at least 7 of them
 *                         when the history has 28 days or more
 * @param minFloor         the lowest minReplicas allowed; empty = 2 for latency-critical services, else 0
 *                         (1 for HPAs, which cannot scale to zero)
 * @param maxCap           the highest maxReplicas allowed (budget or quota); empty = no cap
 * @param maxChange        no knob moves more than this share from its current value (0.5 = +-50 %);
 *                         empty = unbounded. The availability floor wins over it.
 * @param maxFloor         the lowest maxReplicas allowed (0 = none): a scheduled policy's window that
 *                         raises its base to N replicas needs max >= N (see {@link Recommender#maxFloorFor})
 * @param parallelSearch   replay a search's candidates on several cores; off when the caller already keeps every
 *                         core busy with other services (nested parallelism only spins)
 * @param screenDays       search on the last this many days of the training period and confirm the winner on all
 *                         of it, when the period holds at least twice as many (0 = search on all of it;
 *                         docs/recommend.md, "Screening")
 */
public record RecommendOptions(Objective objective, double holdoutFraction, OptionalInt minFloor, OptionalInt maxCap,
                               OptionalDouble maxChange, int maxFloor, boolean parallelSearch, int screenDays) {
    /** A week: every weekday's pattern once. */
    public static final int SCREEN_DAYS = 7;

    public RecommendOptions {
        Objects.requireNonNull(objective, "objective");
        if (!(holdoutFraction >= 0 && holdoutFraction < 1)) {
            throw new IllegalArgumentException("holdout must be in [0, 1), found " + holdoutFraction);
        }
        if (maxChange.isPresent() && !(maxChange.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("maxChange must not be negative, found " + maxChange.getAsDouble());
        }
        if (screenDays < 0) {
            throw new IllegalArgumentException("screenDays must not be negative, found " + screenDays);
        }
        if (maxCap.isPresent() && maxCap.getAsInt() < 1) {
            throw new IllegalArgumentException("maxCap must be at least 1, found " + maxCap.getAsInt());
        }
    }

    public static RecommendOptions defaults() {
        return new RecommendOptions(Objective.COST, 0.25, OptionalInt.empty(), OptionalInt.empty(), OptionalDouble.empty(), 0, true, SCREEN_DAYS);
    }

    public RecommendOptions withObjective(Objective o) {
        return new RecommendOptions(o, holdoutFraction, minFloor, maxCap, maxChange, maxFloor, parallelSearch, screenDays);
    }

    public RecommendOptions withHoldout(double fraction) {
        return new RecommendOptions(objective, fraction, minFloor, maxCap, maxChange, maxFloor, parallelSearch, screenDays);
    }

    public RecommendOptions withMinFloor(int floor) {
        return new RecommendOptions(objective, holdoutFraction, OptionalInt.of(floor), maxCap, maxChange, maxFloor, parallelSearch, screenDays);
    }

    public RecommendOptions withMaxCap(int cap) {
        return new RecommendOptions(objective, holdoutFraction, minFloor, OptionalInt.of(cap), maxChange, maxFloor, parallelSearch, screenDays);
    }

    public RecommendOptions withMaxChange(double share) {
        return new RecommendOptions(objective, holdoutFraction, minFloor, maxCap, OptionalDouble.of(share), maxFloor, parallelSearch, screenDays);
    }

    public RecommendOptions withMaxFloor(int floor) {
        return new RecommendOptions(objective, holdoutFraction, minFloor, maxCap, maxChange, Math.max(0, floor), parallelSearch, screenDays);
    }

    public RecommendOptions withScreenDays(int days) {
        return new RecommendOptions(objective, holdoutFraction, minFloor, maxCap, maxChange, maxFloor, parallelSearch, days);
    }

    public RecommendOptions withParallelSearch(boolean parallel) {
        return new RecommendOptions(objective, holdoutFraction, minFloor, maxCap, maxChange, maxFloor, parallel, screenDays);
    }

    /**
     * The search objective. All minimise cost per 1k inferences and meet the SLO on the holdout; they
     * differ in how much of the SLO's error budget the training replay may burn, and whether breach
     * minutes may rise.
     */
    public enum Objective {
        /** Lowest cost per 1k inferences within the error budget on train (budget burn <= 1): breaches may rise. */
        COST(1.0),
        /** Lowest cost per 1k inferences burning at most half the error budget on train: headroom for change. */
        BALANCED(0.5),
        /**
         * Lowest cost per 1k inferences within the error budget and with never more breach minutes than the
         * current policy, on train and on the holdout.
         */
        NO_WORSE(1.0);

        private final double maxBudgetBurn;

        Objective(double maxBudgetBurn) {
            this.maxBudgetBurn = maxBudgetBurn;
        }

        public double maxBudgetBurn() {
            return maxBudgetBurn;
        }

        /** Whether breach minutes may not rise over the current policy's on either period. */
        public boolean noWorse() {
            return this == NO_WORSE;
        }
    }
}
