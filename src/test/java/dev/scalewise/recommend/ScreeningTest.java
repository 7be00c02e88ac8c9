package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.StopRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screening (docs/recommend.md): the search runs on the last week of the training period and only its winner
 * is replayed over the whole of it. Whatever the span misses, the recommendation meets the objective over the
 * whole period, and every figure shown of it covers the whole period.
 */
class ScreeningTest {
    private static final Search.Criteria COST = Search.Criteria.burn(1.0, false);
    private static final StopRule STOP = new StopRule(COST.maxBurn(), COST.maxTrainBreaches());

    @Test
    void theSpanIsTheTrainingPeriodsLastWeekWhenItHoldsTwo() {
        ServiceHistory train = Fixtures.history(20, 4, m -> 30);
        ServiceHistory span = Recommender.screeningSpan(train, 7).orElseThrow();
        assertEquals(7 * 1440, span.steps());
        assertEquals(train.timeOf(13 * 1440), span.start());
        assertEquals(Optional.empty(), Recommender.screeningSpan(Fixtures.history(13, 4, m -> 30), 7), "13 days < 2 weeks");
        assertEquals(Optional.empty(), Recommender.screeningSpan(train, 0), "screening off");
    }

    /**
     * Two weeks with a burst at the top of every hour, then a calm week: the span's winner breaches far over the budget across the
     * whole period, so the confirmation must raise min (or search the whole period) until it does not.
     */
    @Test
    void aWinnerOfACalmSpanIsMendedOverTheWholePeriod() {
        ServiceHistory train = Fixtures.history(21, 4, m -> {
            double base = 40 * (1 + 0.5 * Math.sin(2 * Math.PI * (m % 1440) / 1440.0));
            boolean burst = m < 14 * 1440 && m % 60 < 4;
            return burst ? base * 3 : base;
        });
        ServiceHistory span = Recommender.screeningSpan(train, 7).orElseThrow();
        HpaPolicy current = Fixtures.rpsHpa(3, 20, 12);
        Tuner tuner = Tuners.of(current, Fixtures.model(), Fixtures.spec(true), train, RecommendOptions.defaults());
        Search whole = search(tuner, train);
        Search.Evaluated spanWinner = search(tuner, span).run().best().orElseThrow();
        assertFalse(whole.feasible(whole.evaluate(spanWinner.point())),
                "the case needs a span winner that misses the budget over the whole period");

        Search.Evaluated found = whole.screenedBy(onPeriod(span), STOP, COST).run().best().orElseThrow();
        assertFalse(found.screened());
        assertTrue(whole.feasible(found), "over budget on the whole period: " + found.train());
        assertEquals(train.start(), found.train().periodStart(), "figures of the whole training period");
        assertEquals(Recommender.replay(found.policy(), train, Fixtures.model(), Fixtures.spec(true)), found.train());
    }

    /**
     * Over seeded three-week services, screened or not: a recommendation meets the objective over the whole
     * training period and the SLO on the holdout, its figures are the whole period's, and the frontier's
     * candidates say they cover the week they were replayed on.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void aScreenedRecommendationHoldsOverTheWholePeriod(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double rps = random.nextDouble(20, 80);
        double[] perMinute = new double[28 * 1440];
        for (int m = 0; m < perMinute.length; m++) {
            perMinute[m] = rps * (1 + 0.6 * Math.sin(2 * Math.PI * (m % 1440) / 1440.0)) * random.nextDouble(0.8, 1.2);
        }
        ServiceHistory h = Fixtures.history(28, 4, m -> perMinute[m]);
        Split split = Split.of(h, 0.25);
        HpaPolicy current = Fixtures.rpsHpa(3, 30, 10);
        Recommendation r = Recommender.recommend(split, Fixtures.model(), Fixtures.spec(true), current,
                RecommendOptions.defaults());
        assertEquals(Recommendation.Status.RECOMMENDED, r.status(), r.reason());
        Recommendation.Evidence e = r.evidence().orElseThrow();
        Outcome train = e.train().recommended();
        assertEquals(Recommender.replay(e.chosen(), split.train(), Fixtures.model(), Fixtures.spec(true)), train);
        assertTrue(train.budgetBurn() <= 1.0, "over budget on train: " + train.budgetBurn());
        assertTrue(e.holdout().recommended().meetsSlo(), "misses the SLO on the holdout");
        assertFalse(e.frontier().isEmpty());
        e.frontier().forEach(p -> assertEquals(7.0, p.days(), 1e-9, "frontier point " + p));
        Recommendation exhaustive = Recommender.recommend(split, Fixtures.model(), Fixtures.spec(true), current,
                RecommendOptions.defaults().withScreenDays(0));
        exhaustive.evidence().orElseThrow().frontier()
                .forEach(p -> assertEquals(split.train().steps() / 1440.0, p.days(), 1e-9, "frontier point " + p));
    }

    private static Search search(Tuner tuner, ServiceHistory h) {
        return new Search(tuner, onPeriod(h), STOP, COST, false);
    }

    private static Search.PeriodReplay onPeriod(ServiceHistory h) {
        return Recommender.periodReplay(h, Fixtures.model(), Fixtures.spec(true));
    }
}
