package dev.scalewise.recommend;

import dev.scalewise.recommend.Search.Evaluated;
import dev.scalewise.sim.Outcome;

import java.util.Locale;
import java.util.Optional;

/**
 * What would let a setting meet the SLO when none within the constraints does: the constraint the setting
 * with the most headroom runs into (the max cap, the allowed change), else what no knob can change.
 */
final class Remedy {
    private Remedy() {
    }

    static String of(Tuner tuner, Optional<Evaluated> mostHeadroom) {
        Limits limits = tuner.limits;
        String tried = mostHeadroom.map(e -> {
            Outcome h = e.holdout().orElse(e.train());
            return String.format(Locale.ROOT, "even the setting with the most headroom searched (%s) burns %.2f on train "
                    + "and %.2f on the holdout", Recommender.changesText(tuner, e), e.train().budgetBurn(), h.budgetBurn());
        }).orElse("no setting with more headroom is open to the search");
        int max = mostHeadroom.map(e -> e.policy().maxReplicas()).orElse(0);
        String remedy;
        if (limits.cap < Integer.MAX_VALUE && max >= limits.cap) {
            remedy = "raising --max-cap (" + limits.cap + ") would let maxReplicas cover the peaks";
        } else if (limits.maxChange.isPresent()) {
            remedy = String.format(Locale.ROOT, "a larger --max-change (now %.0f %%) would open more headroom",
                    limits.maxChange.getAsDouble() * 100);
        } else {
            remedy = "it needs more capacity per replica (a faster model or larger instances), a schedule that scales "
                    + "ahead of the known peaks, or a looser SLO";
        }
        return tried + "; " + remedy;
    }
}
