package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.recommend.Recommendation.Robustness;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.ReplayResult;
import dev.scalewise.sim.StopRule;
import dev.scalewise.sim.autoscaler.PolicyReplay;

import java.util.Locale;

/**
 * The robustness what-ifs on the holdout: +20 % demand and 1.5x startup for the winner, and, where the winner
 * misses the SLO under one, the current policy under the same (the verdict says whether it misses too; the
 * current policy is replayed only for that, and only until it is over the SLO's budget).
 */
final class StressTest {
    static final double DEMAND_STRESS = 1.2;
    static final double STARTUP_STRESS = 1.5;
    /** A replay may end once over the SLO's budget: the current policy's stressed runs only say whether it meets it. */
    private static final StopRule OVER_BUDGET = new StopRule(1.0, Long.MAX_VALUE);

    private StressTest() {
    }

    static Robustness run(PolicySpec rec, PolicySpec current, ServiceHistory holdout, ServiceModel model,
                          ServiceSpec spec) {
        ServiceHistory busier = holdout.withDemandScaled(DEMAND_STRESS);
        ServiceModel slower = slowerStartup(model, STARTUP_STRESS);
        Outcome demandRec = Recommender.replay(rec, busier, model, spec);
        Outcome startupRec = Recommender.replay(rec, holdout, slower, spec);
        boolean holds = demandRec.meetsSlo() && startupRec.meetsSlo();
        String verdict;
        if (holds) {
            verdict = "holds: meets the SLO under +20 % demand and under 1.5x startup";
        } else {
            String what = !demandRec.meetsSlo() && !startupRec.meetsSlo() ? "+20 % demand and 1.5x startup"
                    : !demandRec.meetsSlo() ? "+20 % demand" : "1.5x startup";
            boolean currentAlso = (!demandRec.meetsSlo() && !meetsSlo(current, busier, model, spec))
                    || (!startupRec.meetsSlo() && !meetsSlo(current, holdout, slower, spec));
            verdict = String.format(Locale.ROOT, "fragile: misses the SLO under %s (burn %.2f / %.2f)%s", what,
                    demandRec.budgetBurn(), startupRec.budgetBurn(),
                    currentAlso ? "; so does the current policy" : "; the current policy holds");
        }
        return new Robustness(demandRec, startupRec, holds, verdict);
    }

    private static boolean meetsSlo(PolicySpec p, ServiceHistory h, ServiceModel model, ServiceSpec spec) {
        ReplayResult r = PolicyReplay.run(p, h, model, spec, ReplayOptions.of(p.meta().name()).withStop(OVER_BUDGET));
        return !r.cutShort() && r.total().meetsSlo();
    }

    /** The same model with a startup {@code factor} times longer (what-if). */
    static ServiceModel slowerStartup(ServiceModel m, double factor) {
        return m.withStartup(m.startupSeconds().scaled(factor, "what-if"));
    }


}
