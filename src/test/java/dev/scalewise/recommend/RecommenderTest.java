package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.recommend.Recommendation.Status;
import dev.scalewise.sim.Outcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommenderTest {

    /**
     * Constant 50 rps, capacity 18 rps per replica (latency 100 / (1 - x/20) ms reaches 1000 ms at 18 rps).
     * Replicas needed: ceil(50 / 18) = 3 (2 replicas offer 36 < 50 rps: the backlog grows without bound).
     * The history starts at 3 ready replicas; an rps-per-pod HPA stays there while the usage ratio
     * 50 / (3 t) is within its 10 % tolerance, i.e. t >= 50 / 3.3 = 15.15. Of the searched targets
     * (fractions 0.4..0.95 of 18: ..., 14.4, 15.3, 16.2, 17.1) 15.3, 16.2 and 17.1 do; 14.4 gives a ratio
     * of 1.157 and ceil(50 / 14.4) = 4 replicas.
     * Cost per 1k = 3 replicas x 2 USD/h / (50 rps x 3600 s/h) x 1000 = 0.0333 USD.
     * The current policy (target 8) runs ceil(50 / 8) = 7 replicas: 0.0778 USD per 1k; savings 4/7 = 57.1 %.
     * Monthly: 3 replicas x 2 USD x 24 h x 30 days = 4,320 USD.
     * maxReplicas = ceil(1.2 x 50 / t) = 4 for t in 15.3..17.1; +20 % demand (60 rps) needs ceil(60 / t) = 4
     * replicas (72 rps of capacity): the recommendation holds, after a few minutes of catching up.
     */
    @Test
    void recoversTheAnalyticOptimumOfAConstantLoad() {
        ServiceHistory h = Fixtures.history(8, 3, m -> 50);
        HpaPolicy current = Fixtures.rpsHpa(2, 20, 8);
        Recommendation r = Recommender.recommend(Split.of(h, 0.25), Fixtures.model(), Fixtures.spec(true), current,
                RecommendOptions.defaults());

        assertEquals(Status.RECOMMENDED, r.status(), r.reason());
        double target = value(r, "target");
        assertTrue(target >= 50 / 3.3 && target <= 17.1, "target " + target);
        double min = value(r, "minReplicas");
        assertTrue(min >= 2 && min <= 3, "min " + min);
        Outcome holdout = r.evidence().orElseThrow().holdout().recommended();
        assertEquals(3.0, holdout.meanReplicas(), 1e-9);
        assertEquals(3 * 2.0 / (50 * 3600) * 1000, holdout.costPer1k(), 1e-9);
        assertEquals(0, holdout.breachMinutes());
        assertEquals(100.0 * 4 / 7, r.evidence().orElseThrow().monthly().savingsPercent(), 0.5);
        assertEquals(4320, r.evidence().orElseThrow().monthly().recommended(), 1e-6);
        assertEquals(4.0, value(r, "maxReplicas"));
        Recommendation.Robustness robust = r.evidence().orElseThrow().robustness();
        assertTrue(robust.holds(), robust.verdict());
        assertEquals(4.0, robust.demandPlus20Recommended().maxReplicas());
    }

    /**
     * 30 rps for 21 days, then 60 rps for the last 7 (the holdout: 25 % of 28 days = 7 days).
     * On train 2 replicas suffice (30 / 18 = 1.67; at 15 rps per replica latency is 100 / (1 - 15/20) =
     * 400 ms), so the cheapest setting on train is min 2 with a target of 15.3..17.1 and maxReplicas =
     * ceil(1.2 x 30 / target) = 3 from the training peak. On the holdout 3 replicas serve 3 x 18 = 54 < 60
     * rps: the backlog grows and every minute breaches. The holdout catches that overfit maxReplicas, and
     * the fallback searches the same space for the cheapest setting that also holds on the holdout: 60 rps
     * need ceil(60 / 18) = 4 replicas, so maxReplicas >= 4 (2 x the training peak: ceil(60 / 15.3) = 4). On
     * train it costs the same 2 replicas; on the holdout 4 instead of the current ceil(60 / 8) = 8.
     */
    @Test
    void whenTheCheapestOnTrainFailsTheHoldoutTheCheapestThatHoldsOnBothIsRecommended() {
        Recommendation r = demandDoublesOnTheHoldout();

        assertEquals(Status.RECOMMENDED, r.status(), r.reason());
        assertTrue(value(r, "maxReplicas") >= 4, "maxReplicas " + value(r, "maxReplicas"));
        Recommendation.Evidence e = r.evidence().orElseThrow();
        assertEquals(7.0, e.holdout().recommended().periodEnd().getEpochSecond() / 86400.0
                - e.holdout().recommended().periodStart().getEpochSecond() / 86400.0, 1e-9);
        assertTrue(e.train().recommended().meetsSlo());
        assertTrue(e.holdout().recommended().meetsSlo(), r.reason());
        assertEquals(4.0, e.holdout().recommended().p95Replicas(), 1e-9);
        assertTrue(r.reason().contains("the cheapest setting meeting the objective on train (")
                && r.reason().contains("maxReplicas 20->3) burns "), r.reason());
        assertTrue(r.reason().contains("(breach minutes: train "), r.reason());
        assertTrue(e.monthly().savingsPercent() > 0, "savings " + e.monthly().savingsPercent());
        assertTrue(!r.changes().isEmpty());
    }

    /**
     * Issue 22: every changed knob is explained in one sentence saying what in the history sets it. In the
     * fallback case above: maxReplicas covers the training peak (30 rps) with the 2x headroom the holdout
     * needed; the target's sentence gives the share of the fitted capacity (18 rps) it loads replicas to;
     * each other changed knob is replayed put back to its current value.
     */
    @Test
    void everyChangedKnobIsExplainedInOneSentence() {
        Recommendation r = demandDoublesOnTheHoldout();
        assertEquals(Status.RECOMMENDED, r.status(), r.reason());
        assertTrue(!r.changes().isEmpty());
        for (KnobChange k : r.changes()) {
            assertTrue(k.why().startsWith(k.name() + " "), k.why());
            assertTrue(!k.why().contains(". ") && !k.why().endsWith("."), "one sentence: " + k.why());
        }
        KnobChange max = r.changes().stream().filter(k -> k.name().equals("maxReplicas")).findFirst().orElseThrow();
        assertTrue(max.why().contains("covers the training peak of 30 rps at ")
                && max.why().contains(" with 2x headroom (the holdout needed more than the default 1.2x)"), max.why());
        KnobChange target = r.changes().stream().filter(k -> k.name().equals("target")).findFirst().orElseThrow();
        assertTrue(target.why().contains("each replica runs at " + Math.round(100 * target.recommended() / 18)
                + " % of the 18 rps it serves within the SLO"), target.why());
        // the search ran on the training period's last week (screening), and the sentence says so
        assertTrue(target.why().contains("with 8 kept, the replay of the last 7 training days costs "), target.why());
    }

    /**
     * The same, with --max-cap 3: no setting can have the 4 replicas the holdout needs, so nothing holds
     * on both periods, and none burns less than the current policy (max 3 too: every setting runs at the
     * cap through the holdout and breaches every minute). Nothing is emitted, no savings are shown, and the
     * reason names the cap as what would fix it.
     */
    @Test
    void whenNothingHoldsTheRowSaysWhyAndWhatWouldFixItAndShowsNoSavings() {
        ServiceHistory h = Fixtures.history(28, 3, m -> m < 21 * 1440 ? 30 : 60);
        Recommendation r = Recommender.recommend(Split.of(h, 0.25), Fixtures.model(), Fixtures.spec(true),
                Fixtures.rpsHpa(2, 3, 8), RecommendOptions.defaults().withMaxCap(3));

        assertEquals(Status.HOLDOUT_FAILED, r.status(), r.reason());
        assertTrue(r.reason().contains("on the holdout") && r.reason().contains("raising --max-cap (3)"), r.reason());
        assertTrue(r.changes().isEmpty(), "a rejected row emits nothing");
        assertTrue(r.knobs().stream().noneMatch(KnobChange::changed));
        assertTrue(Double.isNaN(r.evidence().orElseThrow().monthly().savingsPercent()), "no savings on a rejected row");
    }

    /**
     * Train: 30 rps. Holdout: 80 rps for the first 20 minutes of every hour, else 30. With --max-cap 4 no
     * setting serves 80 rps (4 x 18 = 72): every burst breaches whatever the knobs. The current policy
     * (max 3, 54 rps) builds a backlog of 26 rps x 20 min and drains it at 54 - 30 = 24 rps, about 42 breach
     * minutes an hour; with 4 replicas the backlog is 8 rps x 20 min, drained at 42 rps: about 24. The row
     * is LOWERS_BURN: the setting with the lowest holdout burn, labelled, its changes emitted, no savings.
     */
    @Test
    void whenNothingHoldsTheChangeThatLowersTheBurnMostIsOfferedAndLabelled() {
        ServiceHistory h = Fixtures.history(28, 3, m -> m < 21 * 1440 ? 30 : (m % 60) < 20 ? 80 : 30);
        Recommendation r = Recommender.recommend(Split.of(h, 0.25), Fixtures.model(), Fixtures.spec(true),
                Fixtures.rpsHpa(2, 3, 8), RecommendOptions.defaults().withMaxCap(4));

        assertEquals(Status.LOWERS_BURN, r.status(), r.reason());
        Recommendation.Evidence e = r.evidence().orElseThrow();
        assertTrue(e.holdout().recommended().budgetBurn() < e.holdout().current().budgetBurn(), r.reason());
        assertTrue(!e.holdout().recommended().meetsSlo());
        assertEquals(4.0, value(r, "maxReplicas"));
        assertTrue(r.reason().contains("this one lowers the budget burn most") && r.reason().contains("still misses the SLO"),
                r.reason());
        assertTrue(!r.changes().isEmpty());
        assertTrue(Double.isNaN(e.monthly().savingsPercent()));
    }

    /** With the current policy already at the optimum, nothing beats it: KEEP_CURRENT, nothing to emit. */
    @Test
    void nothingBeatsAnOptimalCurrentPolicy() {
        ServiceHistory h = Fixtures.history(8, 3, m -> 50);
        Recommendation r = Recommender.recommend(Split.of(h, 0.25), Fixtures.model(), Fixtures.spec(true),
                Fixtures.rpsHpa(2, 4, 17.1), RecommendOptions.defaults());
        assertEquals(Status.KEEP_CURRENT, r.status(), r.reason());
        assertTrue(r.changes().isEmpty());
        assertTrue(r.knobs().stream().noneMatch(KnobChange::changed));
    }

    /**
     * 10 rps, jumping to 60 rps at 07:00 UTC until 19:00, 8 days; startup 900 s. A reactive HPA sees the
     * jump within a minute, but new replicas serve 15 minutes later: with too few replicas standing by,
     * every morning breaches for those minutes. ceil(60 / 18) = 4 replicas must stand by; with 3 (54 rps)
     * the 6 rps excess queues for 15 minutes and drains slowly (queueing delay = backlog / 54 rps > 1 s),
     * about 20 breach minutes a morning: 6 train days x 20 = 120 of 8,640 minutes = 1.39 % > 1 % budget.
     * The explanation must name min 4 and the 07:00 ramp.
     */
    @Test
    void theExplanationNamesTheHourThatSetsTheBindingKnob() {
        ServiceHistory h = Fixtures.history(8, 2, m -> (m % 1440) >= 7 * 60 && (m % 1440) < 19 * 60 ? 60 : 10);
        var model = StressTest.slowerStartup(Fixtures.model(), 900 / Fixtures.STARTUP);
        Recommendation r = Recommender.recommend(Split.of(h, 0.25), model, Fixtures.spec(false), Fixtures.rpsHpa(1, 20, 8),
                RecommendOptions.defaults());
        assertEquals(4.0, value(r, "minReplicas"));
        assertTrue(r.explanation().startsWith("minReplicas 4 is set by 2026-01-0"), r.explanation());
        assertTrue(r.explanation().contains(" 07:00 UTC: with minReplicas 3, "), r.explanation());
    }

    /** No latency in the history: no capacity can be fitted, so the service is reported, not replayed. */
    @Test
    void aServiceWithoutLatencyCannotBeRecommendedAndSaysWhy() {
        ServiceHistory h = Fixtures.history(8, 3, m -> 50);
        Recommendation r = Recommender.recommend(h, Fixtures.spec(true), Fixtures.rpsHpa(2, 20, 8),
                RecommendOptions.defaults());
        assertEquals(Status.CANNOT_RECOMMEND, r.status());
        assertTrue(r.reason().startsWith("capacity per replica is unknown ("), r.reason());
        assertTrue(r.evidence().isEmpty() && r.changes().isEmpty());
    }

    /**
     * The fitting path: the history carries p95 latency from the same curve at observed replica counts
     * cycling 3..10 (loads 5..16.7 rps per replica), and a price; the model is fitted on train only and the
     * recommendation still lands on 3 replicas for the constant 50 rps (the curve's capacity is 18 rps).
     */
    @Test
    void fitsTheModelOnTrainAndRecovers3Replicas() {
        int[] cycle = {3, 4, 5, 6, 8, 10};
        int minutes = 8 * 1440;
        double[] requests = new double[minutes];
        double[] replicas = new double[minutes];
        double[] p95 = new double[minutes];
        for (int m = 0; m < minutes; m++) {
            requests[m] = 50 * 60;
            replicas[m] = cycle[(m / 30) % cycle.length];
            p95[m] = Fixtures.CURVE.latencyMs(50 / replicas[m]);
        }
        ServiceHistory h = dev.scalewise.testkit.Histories.requests(requests).replicas(replicas).p95(p95).build();
        Recommendation r = Recommender.recommend(h, Fixtures.spec(true), Fixtures.rpsHpa(2, 20, 8),
                RecommendOptions.defaults());
        assertEquals(Status.RECOMMENDED, r.status(), r.reason());
        assertEquals(3.0, r.evidence().orElseThrow().holdout().recommended().p95Replicas(), 1e-9);
    }

    /** 30 rps for 21 days, 60 rps for the last 7 (the holdout); current HPA target 8, min 2, max 20. */
    private static Recommendation demandDoublesOnTheHoldout() {
        ServiceHistory h = Fixtures.history(28, 3, m -> m < 21 * 1440 ? 30 : 60);
        return Recommender.recommend(Split.of(h, 0.25), Fixtures.model(), Fixtures.spec(true), Fixtures.rpsHpa(2, 20, 8),
                RecommendOptions.defaults());
    }

    static double value(Recommendation r, String knob) {
        return r.knobs().stream().filter(k -> k.name().equals(knob)).findFirst().orElseThrow().recommended();
    }
}
