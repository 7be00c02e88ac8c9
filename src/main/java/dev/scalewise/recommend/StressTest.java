package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.recommend.Recommendation.Robustness;
import dev.scalewise.sim.Outcome;

import java.util.Locale;

/** The robustness what-ifs on the holdout: +20 % demand and 1.5x startup, for the winner and the current policy. */
final class StressTest {
    static final double DEMAND_STRESS = 1.2;
    static final double STARTUP_STRESS = 1.5;

    private StressTest() {
    }

    static Robustness run(PolicySpec rec, PolicySpec current, ServiceHistory holdout, ServiceModel model,
                                         ServiceSpec spec) {
        ServiceHistory busier = holdout.withDemandScaled(DEMAND_STRESS);
        ServiceModel slower = slowerStartup(model, STARTUP_STRESS);
        Outcome demandRec = Recommender.replay(rec, busier, model, spec);
        Outcome demandCur = Recommender.replay(current, busier, model, spec);
        Outcome startupRec = Recommender.replay(rec, holdout, slower, spec);
        Outcome startupCur = Recommender.replay(current, holdout, slower, spec);
        boolean holds = demandRec.meetsSlo() && startupRec.meetsSlo();
        String verdict;
        if (holds) {
            verdict = "holds: meets the SLO under +20 % demand and under 1.5x startup";
        } else {
            String what = !demandRec.meetsSlo() && !startupRec.meetsSlo() ? "+20 % demand and 1.5x startup"
                    : !demandRec.meetsSlo() ? "+20 % demand" : "1.5x startup";
            boolean currentAlso = (!demandRec.meetsSlo() && !demandCur.meetsSlo())
                    || (!startupRec.meetsSlo() && !startupCur.meetsSlo());
            verdict = String.format(Locale.ROOT, "fragile: misses the SLO under %s (burn %.2f / %.2f)%s", what,
                    demandRec.budgetBurn(), startupRec.budgetBurn(),
                    currentAlso ? "; so does the current policy" : "; the current policy holds");
        }
        return new Robustness(demandRec, demandCur, startupRec, startupCur, holds, verdict);
    }

    /** The same model with a startup {@code factor} times longer (what-if). */
    static ServiceModel slowerStartup(ServiceModel m, double factor) {
        return m.withStartup(m.startupSeconds().scaled(factor, "what-if"));
    }


}
