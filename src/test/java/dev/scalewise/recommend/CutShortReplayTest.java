package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.ReplayResult;
import dev.scalewise.sim.StopRule;
import dev.scalewise.sim.autoscaler.PolicyReplay;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replay with a {@link StopRule} ends early only when the whole replay misses the rule, and a replay that is
 * not cut short is the whole replay, bit for bit: the search may cut candidates short without changing any
 * decision taken on the rule.
 */
class CutShortReplayTest {
    static final List<StopRule> RULES = List.of(new StopRule(1.0, Long.MAX_VALUE), new StopRule(0.5, Long.MAX_VALUE),
            new StopRule(Double.POSITIVE_INFINITY, 10), new StopRule(2.0, 40));

    @Test
    void aReplayEndsEarlyOnlyWhenTheWholeReplayMissesItsRule() {
        int cut = 0;
        int cases = 0;
        long replayed = 0;
        long whole = 0;
        for (long seed = 1; seed <= 4; seed++) {
            ServiceHistory h = RecommenderPropertiesTest.diurnal(seed, 30 + 15 * seed, 3);
            for (int min = 1; min <= 7; min += 3) {
                for (double target : new double[] {12, 18, 24}) {
                    PolicySpec policy = Fixtures.rpsHpa(min, 8, target);
                    Outcome full = replay(policy, h, StopRule.NEVER).total();
                    for (StopRule rule : RULES) {
                        ReplayResult r = replay(policy, h, rule);
                        cut += check(policy, h, rule, full) ? 1 : 0;
                        replayed += r.total().sloMinutes();
                        whole += full.sloMinutes();
                        cases++;
                    }
                    // at the whole replay's own figures the rule holds: no cut; one breach minute fewer: a cut
                    assertFalse(check(policy, h, new StopRule(full.budgetBurn(), Long.MAX_VALUE), full));
                    assertFalse(check(policy, h, new StopRule(Double.NaN, full.breachMinutes()), full));
                    assertTrue(check(policy, h, new StopRule(Double.NaN, full.breachMinutes() - 1), full));
                }
            }
        }
        assertTrue(cut > 0 && cut < cases, cut + " of " + cases + " cut short: the cases must show both");
        assertTrue(replayed < whole, "the replays cut short judged " + replayed + " minutes, the whole ones " + whole);
    }

    /** Whether the replay was cut short; asserts what that implies. */
    private static boolean check(PolicySpec policy, ServiceHistory h, StopRule rule, Outcome full) {
        ReplayResult r = replay(policy, h, rule);
        String what = policy + " under " + rule;
        if (!r.cutShort()) {
            assertEquals(full, r.total(), what);
            assertTrue(full.breachMinutes() <= rule.maxBreachMinutes(), what + ": over the breach limit, not cut short");
            return false;
        }
        assertTrue(full.budgetBurn() > rule.maxBudgetBurn() || full.breachMinutes() > rule.maxBreachMinutes(),
                what + ": cut short, but the whole replay meets the rule: " + full);
        // the figures it ends with miss the rule already, so every comparison against the rule still fails
        assertTrue(r.total().budgetBurn() > rule.maxBudgetBurn() || r.total().breachMinutes() > rule.maxBreachMinutes(),
                what + ": " + r.total());
        assertTrue(r.total().sloMinutes() <= full.sloMinutes(), what + ": judged more minutes than the whole replay");
        return true;
    }

    private static ReplayResult replay(PolicySpec p, ServiceHistory h, StopRule rule) {
        return PolicyReplay.run(p, h, Fixtures.model(), Fixtures.spec(true), ReplayOptions.of(p.meta().name()).withStop(rule));
    }
}
