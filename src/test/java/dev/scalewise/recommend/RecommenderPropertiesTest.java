package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.StopRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants over seeded random diurnal services: bounds, the monotonicity the search relies on, determinism. */
class RecommenderPropertiesTest {

    /** The HPA on rps per pod (min 3, max 20, 14 rps per pod) the search cases tune over {@code train}. */
    static Tuner hpaTuner(ServiceHistory train, RecommendOptions opts) {
        return Tuners.of(Fixtures.rpsHpa(3, 20, 14), Fixtures.model(), Fixtures.spec(true), train, opts);
    }

    /** A search whose training replays run to the end. */
    static Search onTrain(Tuner tuner, ServiceHistory train, Search.Criteria criteria) {
        return new Search(tuner, p -> Recommender.replay(p, train, Fixtures.model(), Fixtures.spec(true)), criteria, false);
    }

    /** A diurnal wave of {@code baseRps} +- 60 % with +-20 % noise, seeded. */
    static ServiceHistory diurnal(long seed, double baseRps, int days) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rps = new double[days * 1440];
        for (int m = 0; m < rps.length; m++) {
            rps[m] = baseRps * (1 + 0.6 * Math.sin(2 * Math.PI * (m % 1440) / 1440.0)) * random.nextDouble(0.8, 1.2);
        }
        return Fixtures.history(days, 4, m -> rps[m]);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1L, 40.0, RecommendOptions.defaults().withMaxChange(0.5)),
                Arguments.of(2L, 80.0, RecommendOptions.defaults().withMaxChange(0.25).withMinFloor(3)),
                Arguments.of(3L, 25.0, RecommendOptions.defaults().withMinFloor(5)),
                Arguments.of(4L, 120.0, RecommendOptions.defaults().withMaxCap(14)),
                Arguments.of(5L, 60.0, RecommendOptions.defaults().withObjective(RecommendOptions.Objective.BALANCED)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyKnobRespectsFloorCapAndMaxChange(long seed, double rps, RecommendOptions opts) {
        HpaPolicy current = Fixtures.rpsHpa(4, 20, 8);
        Recommendation r = Recommender.recommend(Split.of(diurnal(seed, rps, 4), 0.25), Fixtures.model(),
                Fixtures.spec(true), current, opts);
        int floor = opts.minFloor().orElse(2);
        // KEEP_CURRENT reports the current values, which need not respect new constraints
        assertTrue(r.status() != Recommendation.Status.KEEP_CURRENT, r.reason());
        for (KnobChange k : r.knobs()) {
            if (k.name().equals("minReplicas")) {
                assertTrue(k.recommended() >= floor, k + " below floor " + floor);
            }
            if (k.name().equals("maxReplicas") && opts.maxCap().isPresent()) {
                assertTrue(k.recommended() <= opts.maxCap().getAsInt(), k + " above the cap");
            }
            if (opts.maxChange().isPresent() && !(k.name().equals("minReplicas") && k.recommended() == floor)) {
                double m = opts.maxChange().getAsDouble();
                assertTrue(k.recommended() >= k.current() * (1 - m) - 1e-9 && k.recommended() <= k.current() * (1 + m) + 1e-9,
                        k + " moves more than " + m);
            }
        }
        double min = r.knobs().stream().filter(k -> k.name().equals("minReplicas")).findFirst().orElseThrow().recommended();
        double max = r.knobs().stream().filter(k -> k.name().equals("maxReplicas")).findFirst().orElseThrow().recommended();
        assertTrue(min <= max, "min " + min + " > max " + max);
        Recommendation.Evidence e = r.evidence().orElseThrow();
        if (r.status() == Recommendation.Status.RECOMMENDED) {
            assertTrue(!(e.train().recommended().budgetBurn() > opts.objective().maxBudgetBurn()));
            assertTrue(e.holdout().recommended().meetsSlo());
        }
        List<Recommendation.FrontierPoint> f = e.frontier();
        assertTrue(f.size() <= Frontier.POINTS && !f.isEmpty());
        for (int i = 1; i < f.size(); i++) {
            assertTrue(f.get(i).costPer1k() >= f.get(i - 1).costPer1k() && f.get(i).breachMinutes() < f.get(i - 1).breachMinutes(),
                    "frontier must trade cost for breaches: " + f);
        }
    }

    /**
     * Objective no-worse: whatever stands (recommended, or lowering the burn) never has more breach minutes
     * than the current policy on train or on the holdout, while the cost objective may spend the budget.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void noWorseNeverAddsBreachMinutes(long seed, double rps, RecommendOptions opts) {
        ServiceHistory h = diurnal(seed, rps, 4);
        HpaPolicy current = Fixtures.rpsHpa(3, 20, 14);
        Recommendation r = Recommender.recommend(Split.of(h, 0.25), Fixtures.model(), Fixtures.spec(true), current,
                opts.withObjective(RecommendOptions.Objective.NO_WORSE));
        Recommendation.Evidence e = r.evidence().orElseThrow();
        if (r.status() == Recommendation.Status.RECOMMENDED) {
            assertTrue(e.train().recommended().breachMinutes() <= e.train().current().breachMinutes(), r.reason());
            assertTrue(e.holdout().recommended().breachMinutes() <= e.holdout().current().breachMinutes(), r.reason());
            assertTrue(r.reason().contains("with no more breach minutes"), r.reason());
        }
    }

    /** The binary search on min relies on this: for a fixed target, breach minutes do not rise with min. */
    @ParameterizedTest
    @MethodSource("cases")
    void breachesDoNotRiseWithMin(long seed, double rps, RecommendOptions ignored) {
        ServiceHistory h = diurnal(seed, rps, 2);
        long previous = Long.MAX_VALUE;
        for (int min = 1; min <= 12; min++) {
            Outcome o = Recommender.replay(Fixtures.rpsHpa(min, 30, 15), h, Fixtures.model(), Fixtures.spec(true));
            assertTrue(o.breachMinutes() <= previous, "min " + min + ": " + o.breachMinutes() + " > " + previous);
            previous = o.breachMinutes();
        }
    }

    /**
     * The grid's walk over the targets relies on this too: for a fixed min, breach minutes do not rise as
     * the target gives more headroom (a lower request rate per replica).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void breachesDoNotRiseWithTargetHeadroom(long seed, double rps, RecommendOptions ignored) {
        ServiceHistory h = diurnal(seed, rps, 2);
        long previous = -1;
        for (double target = 4; target <= 30; target += 2) {
            Outcome o = Recommender.replay(Fixtures.rpsHpa(2, 60, target), h, Fixtures.model(), Fixtures.spec(true));
            assertTrue(o.breachMinutes() >= previous, "target " + target + ": " + o.breachMinutes() + " < " + previous);
            previous = o.breachMinutes();
        }
    }

    /**
     * The descent relies on this: a move that only adds headroom (a higher min, a lower target) keeps at
     * least as many replicas at every moment, so it never costs less and is not tried.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void costDoesNotFallWithMinOrTargetHeadroom(long seed, double rps, RecommendOptions ignored) {
        ServiceHistory h = diurnal(seed, rps, 2);
        double previous = 0;
        for (int min = 1; min <= 12; min++) {
            Outcome o = Recommender.replay(Fixtures.rpsHpa(min, 30, 15), h, Fixtures.model(), Fixtures.spec(true));
            assertTrue(o.cost() >= previous, "min " + min + ": " + o.cost() + " < " + previous);
            previous = o.cost();
        }
        previous = Double.POSITIVE_INFINITY;
        for (double target = 4; target <= 30; target += 2) {
            Outcome o = Recommender.replay(Fixtures.rpsHpa(2, 60, target), h, Fixtures.model(), Fixtures.spec(true));
            assertTrue(o.cost() <= previous, "target " + target + ": " + o.cost() + " > " + previous);
            previous = o.cost();
        }
    }

    /**
     * The walk finds, for every target candidate, the smallest feasible min a scan of every min finds, and
     * no point for the targets where none is feasible.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void theTargetWalkFindsEveryTargetsSmallestFeasibleMin(long seed, double rps, RecommendOptions opts) {
        ServiceHistory train = diurnal(seed, rps, 3);
        Tuner tuner = hpaTuner(train, opts);
        Search search = onTrain(tuner, train, Search.Criteria.burn(opts.objective().maxBudgetBurn(), false));
        List<Search.Evaluated> walk = search.grid();
        int[] current = tuner.currentPoint();
        int found = 0;
        for (int t = 0; t < tuner.size(tuner.targetIndex); t++) {
            Integer first = null;
            for (int m = 0; m < tuner.size(tuner.minIndex) && first == null; m++) {
                int[] p = Search.with(Search.with(current, tuner.targetIndex, t), tuner.minIndex, m);
                if (search.feasible(search.evaluate(p))) {
                    first = m;
                }
            }
            int target = t;
            List<Integer> walked = walk.subList(0, walk.size() - 1).stream()
                    .filter(e -> e.point()[tuner.targetIndex] == target).map(e -> e.point()[tuner.minIndex]).toList();
            assertEquals(first == null ? List.of() : List.of(first), walked, "target " + tuner.knobs.get(tuner.targetIndex).value(target));
            found += first == null ? 0 : 1;
        }
        assertTrue(found > 0, "no target holds at any min: the case checks nothing");
    }

    /**
     * Cutting training replays short once they are over the budget changes nothing the search decides: the
     * same best point, and every point both searches replayed judged alike.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void cuttingReplaysShortChangesNoDecision(long seed, double rps, RecommendOptions opts) {
        ServiceHistory train = diurnal(seed, rps, 3);
        Tuner tuner = hpaTuner(train, opts);
        Search.Criteria criteria = Search.Criteria.burn(opts.objective().maxBudgetBurn(), false);
        Search whole = onTrain(tuner, train, criteria);
        Search cut = new Search(tuner, Recommender.periodReplay(train, Fixtures.model(), Fixtures.spec(true)),
                new StopRule(criteria.maxBurn(), criteria.maxTrainBreaches()), criteria, false);
        Search.Result b = sameChoices(whole, cut);
        long cutShort = b.evaluated().stream().filter(Search.Evaluated::cutShort).count();
        long overBudget = 0;
        for (Search.Evaluated e : b.evaluated()) {
            Search.Evaluated w = whole.evaluate(e.point());
            overBudget += w.train().breachMinutes() > 2 * criteria.maxBurn() * Fixtures.SLO.errorBudget()
                    * w.train().sloMinutes() ? 1 : 0;
        }
        // a candidate at twice the budget's breach minutes must have been cut short somewhere
        assertTrue(overBudget == 0 || cutShort > 0, overBudget + " candidates far over the budget, none cut short");
    }

    /**
     * Runs both searches: the same best point with the same figures, and every point {@code cut} replayed judged
     * as {@code whole} judges it. Returns {@code cut}'s result.
     */
    private static Search.Result sameChoices(Search whole, Search cut) {
        Search.Result a = whole.run();
        Search.Result b = cut.run();
        assertEquals(a.best().map(e -> Search.key(e.point())), b.best().map(e -> Search.key(e.point())));
        assertEquals(a.best().map(e -> e.train()), b.best().map(e -> e.train()));
        assertEquals(a.best().flatMap(Search.Evaluated::holdout), b.best().flatMap(Search.Evaluated::holdout));
        for (Search.Evaluated e : b.evaluated()) {
            assertEquals(whole.feasible(whole.evaluate(e.point())), cut.feasible(e), "point " + Search.key(e.point()));
        }
        return b;
    }

    /**
     * The same for the holdout: a validating search's holdout replays end once over the SLO's budget there,
     * and that changes no verdict, no best point, and no figure shown (completed, they are the whole replays).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void cuttingHoldoutReplaysShortChangesNoDecision(long seed, double rps, RecommendOptions opts) {
        ServiceHistory train = diurnal(seed, rps, 3);
        ServiceHistory holdout = diurnal(seed + 100, rps * 2.5, 1);
        Tuner tuner = hpaTuner(train, opts);
        Search.Criteria criteria = Search.Criteria.burn(opts.objective().maxBudgetBurn(), false);
        Search.PeriodReplay onHoldout = Recommender.periodReplay(holdout, Fixtures.model(), Fixtures.spec(true));
        Search whole = onTrain(tuner, train, criteria).validating(new Search.Holdout(onHoldout, StopRule.NEVER));
        Search cut = onTrain(tuner, train, criteria)
                .validating(new Search.Holdout(onHoldout, new StopRule(1.0, criteria.maxHoldoutBreaches())));
        Search.Result b = sameChoices(whole, cut);
        long cutShort = 0;
        for (Search.Evaluated e : b.evaluated()) {
            assertEquals(whole.evaluate(e.point()).holdout(), cut.complete(e).holdout(), "point " + Search.key(e.point()));
            cutShort += e.holdoutCutShort() ? 1 : 0;
        }
        assertTrue(cutShort > 0, "no holdout replay cut short: the case checks nothing");
    }

    /**
     * The descent replays only the neighbours that could be a cheaper feasible point: around the search's best
     * and around random points, the cheapest feasible point of those it replays costs what the cheapest of
     * every neighbour costs (each knob a step either way, each step paired with min a step the other way).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void theDescentSkipsNoNeighbourThatCouldWin(long seed, double rps, RecommendOptions opts) {
        ServiceHistory train = diurnal(seed, rps, 3);
        Tuner tuner = hpaTuner(train, opts);
        Search search = onTrain(tuner, train, Search.Criteria.burn(opts.objective().maxBudgetBurn(), false));
        List<int[]> points = new java.util.ArrayList<>();
        search.run().best().ifPresent(e -> points.add(e.point()));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 6; i++) {
            int[] p = tuner.currentPoint();
            for (int k = 0; k < tuner.knobs.size(); k++) {
                p[k] = random.nextInt(tuner.size(k));
            }
            points.add(p);
        }
        int compared = 0;
        for (int[] p : points) {
            List<Search.Evaluated> every = new java.util.ArrayList<>();
            for (int k = 0; k < tuner.knobs.size(); k++) {
                for (int d : new int[] {-1, 1}) {
                    int m = tuner.minIndex;
                    if (p[k] + d < 0 || p[k] + d >= tuner.size(k)) {
                        continue;
                    }
                    int[] q = Search.with(p, k, p[k] + d);
                    every.add(search.evaluate(q));
                    if (k != m && q[m] - d >= 0 && q[m] - d < tuner.size(m)) {
                        every.add(search.evaluate(Search.with(q, m, q[m] - d)));
                    }
                }
            }
            every.removeIf(e -> !tuner.lintAccepts(e.values()));
            Search.Evaluated at = search.evaluate(p);
            double all = cheapestFeasible(search, every, at);
            double replayed = cheapestFeasible(search, search.around(p), at);
            assertEquals(all, replayed, 1e-9 * Math.max(1, Math.abs(all)), "around " + Search.key(p));
            compared += Double.isFinite(all) ? 1 : 0;
        }
        assertTrue(compared > 0, "no point with a feasible neighbour: the case checks nothing");
    }

    private static double cheapestFeasible(Search search, List<Search.Evaluated> around, Search.Evaluated at) {
        double best = search.feasible(at) ? at.train().cost() : Double.POSITIVE_INFINITY;
        for (Search.Evaluated e : around) {
            if (search.feasible(e)) {
                best = Math.min(best, e.train().cost());
            }
        }
        return best;
    }

    /** Candidates are replayed in parallel; the choice must not depend on the number of threads. */
    @Test
    void theSameRecommendationOnOneThreadAndOnMany() throws Exception {
        ServiceHistory h = diurnal(7, 50, 4);
        HpaPolicy current = Fixtures.rpsHpa(3, 20, 9);
        Recommendation many = Recommender.recommend(Split.of(h, 0.25), Fixtures.model(), Fixtures.spec(true), current,
                RecommendOptions.defaults());
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            Recommendation single = one.submit(() -> Recommender.recommend(Split.of(h, 0.25), Fixtures.model(),
                    Fixtures.spec(true), current, RecommendOptions.defaults())).get();
            assertEquals(many, single);
            assertEquals(many, Recommender.recommend(Split.of(h, 0.25), Fixtures.model(), Fixtures.spec(true), current,
                    RecommendOptions.defaults().withParallelSearch(false)), "the search on the caller's thread alone");
        } finally {
            one.shutdown();
        }
    }
}
