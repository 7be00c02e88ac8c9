package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.recommend.Recommendation.Robustness;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Constant 50 rps for 2 days at a capacity of 18 rps per replica (docs/recommend.md, Robustness). +20 %
 * demand is 60 rps: 3 replicas serve 54 (the backlog grows and every minute breaches), 4 serve 72. Policies
 * pinned at min = max start with the 3 replicas the history observed running, so a slower startup changes
 * nothing for 3 and delays the 4th by 1.5 x 120 s: 3 minutes at 50 rps on 54 rps of capacity, within the SLO.
 */
class StressTestTest {
    private static final ServiceHistory HOLDOUT = Fixtures.history(2, 3, m -> 50);

    @Test
    void aWinnerThatHoldsUnderBothStresses() {
        Robustness r = stressed(Fixtures.rpsHpa(4, 4, 10), Fixtures.rpsHpa(3, 3, 10));
        assertTrue(r.holds(), r.verdict());
        assertEquals("holds: meets the SLO under +20 % demand and under 1.5x startup", r.verdict());
        assertEquals(4.0, r.demandPlus20Recommended().maxReplicas());
    }

    @Test
    void aFragileWinnerSaysTheCurrentPolicyHoldsWhenItDoes() {
        Robustness r = stressed(Fixtures.rpsHpa(3, 3, 10), Fixtures.rpsHpa(4, 4, 10));
        assertFalse(r.holds());
        assertTrue(r.verdict().startsWith("fragile: misses the SLO under +20 % demand (burn "), r.verdict());
        assertTrue(r.verdict().endsWith("; the current policy holds"), r.verdict());
        assertTrue(r.demandPlus20Recommended().budgetBurn() > 1, r.verdict());
        assertTrue(r.slowStartupRecommended().meetsSlo(), r.verdict());
    }

    @Test
    void aFragileWinnerSaysTheCurrentPolicyMissesTooWhenItDoes() {
        Robustness r = stressed(Fixtures.rpsHpa(3, 3, 10), Fixtures.rpsHpa(3, 3, 12));
        assertFalse(r.holds());
        assertTrue(r.verdict().endsWith("; so does the current policy"), r.verdict());
    }

    private static Robustness stressed(HpaPolicy recommended, HpaPolicy current) {
        return StressTest.run(recommended, current, HOLDOUT, Fixtures.model(), Fixtures.spec(true));
    }
}
