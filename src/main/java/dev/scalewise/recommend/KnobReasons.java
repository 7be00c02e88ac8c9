package dev.scalewise.recommend;

import dev.scalewise.Numbers;
import dev.scalewise.recommend.Search.Evaluated;
import dev.scalewise.sim.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One sentence per changed knob saying what in the history sets it. Each changed knob is put back to its
 * current value, the rest of the recommendation kept, and that setting replayed on train: the sentence
 * gives what the change is worth there (cost, breach minutes). Where a value comes from the history or a
 * rule rather than from that trade, it says so: maxReplicas covers the training peak, a target loads
 * replicas to a share of the fitted capacity, a scale-down hold is the startup (lint SW111, SW303, SW501).
 */
final class KnobReasons {
    /** The knobs that hold capacity after demand drops, bounded below by the startup (LintBounds). */
    private static final Map<String, String> HOLDS = Map.of("scaleDownStabilizationSeconds", "SW111",
            "stableWindowSeconds", "SW303", "scaleDownDelaySeconds", "SW303", "scaleInCooldownSeconds", "SW501");

    private KnobReasons() {
    }

    /**
     * @param best   the recommendation, replayed over the period {@code search} replays
     * @param search the search that found {@code best} (its replays are reused; a validating one also
     *               replays the holdout, which then sets knobs the training weeks alone would not)
     * @param replay that search's training replay as the sentence names it ("the training replay")
     * @return one sentence per knob, then one for maxReplicas ("" for a knob that does not change)
     */
    static List<String> of(Evaluated best, Tuner tuner, Search search, String replay) {
        List<String> out = new ArrayList<>();
        int[] current = tuner.currentPoint();
        for (int i = 0; i < tuner.knobs.size(); i++) {
            Knob k = tuner.knobs.get(i);
            if (!tuner.changes(best.values(), i)) {
                out.add("");
                continue;
            }
            String kept = k.format().text(k.current());
            StringBuilder s = new StringBuilder(k.name()).append(' ').append(kept).append(" -> ")
                    .append(k.format().text(best.values()[i])).append(": ");
            String from = source(tuner, best, i);
            if (!from.isEmpty()) {
                s.append(from).append("; ");
            }
            int[] back = Search.with(best.point(), i, current[i]);
            if (back[i] == best.point()[i] || !tuner.lintAccepts(tuner.values(back))) {
                // the current value is not a candidate (outside the allowed change, or lint flags it with the rest)
                s.append("the current ").append(kept).append(" is outside what the search may set with the rest");
            } else {
                Evaluated e = search.complete(search.evaluate(back));
                s.append("with ").append(kept).append(" kept, ").append(replay).append(' ').append(versus(e.train(), best.train()));
                e.holdout().ifPresent(h -> s.append(", and the holdout's budget burn is ").append(Numbers.fixed(h.budgetBurn(), 2))
                        .append(" (").append(h.breachMinutes()).append(" breach minutes, against ")
                        .append(best.holdout().orElseThrow().breachMinutes()).append(")"));
            }
            out.add(s.toString());
        }
        tuner.maxKnob.ifPresent(k -> out.add(maxReason(tuner, best, k)));
        return out;
    }

    /** What in the history or the rules sets the value, when it is not only the cost trade. */
    private static String source(Tuner tuner, Evaluated best, int i) {
        Knob k = tuner.knobs.get(i);
        double v = best.values()[i];
        if (i == tuner.targetIndex) {
            double load = tuner.targetLoad(best.values());
            return "each replica runs at " + Numbers.fixed(100 * load / tuner.capacityRps, 0) + " % of the "
                    + plain(tuner.capacityRps) + " " + tuner.rateUnit + " it serves within the SLO (fitted on train)";
        }
        if (i == tuner.minIndex && (int) Math.round(v) == tuner.limits.floor) {
            return "the availability floor";
        }
        if (HOLDS.containsKey(k.name()) && v == tuner.limits.lint.holdSeconds() && v > 0) {
            return "the " + plain(tuner.limits.lint.startupSeconds()) + " s startup rounded up to a minute: a shorter hold "
                    + "removes replicas a returning peak then waits a whole startup for (lint " + HOLDS.get(k.name()) + ")";
        }
        return "";
    }

    private static String maxReason(Tuner tuner, Evaluated best, Knob k) {
        int max = best.policy().maxReplicas();
        if (k.format().text(k.current()).equals(k.format().text(max))) {
            return "";
        }
        String head = "maxReplicas " + k.format().text(k.current()) + " -> " + max + ": ";
        if (max == tuner.limits.maxFloor && max > 0) {
            return head + "the highest replicas a scheduled window of this policy sets";
        }
        if (max == tuner.limits.cap) {
            return head + "the max cap";
        }
        double headroom = best.values().length > tuner.knobs.size() ? best.values()[tuner.knobs.size()] : Limits.PEAK_HEADROOM;
        double load = tuner.targetLoad(best.values());
        if (max != (int) Math.ceil(tuner.limits.peakLoad * headroom / load)) {
            return head + (max == best.policy().minReplicas() ? "no lower than minReplicas"
                    : "as far as the allowed change (--max-change) goes towards covering the training peak");
        }
        return head + "covers the training peak of " + plain(tuner.limits.peakLoad) + " " + tuner.rateUnit + " at "
                + plain(tuner.targetLoad(best.values())) + " " + tuner.rateUnit + " per replica with "
                + Numbers.plain(headroom) + "x headroom"
                + (headroom > Limits.PEAK_HEADROOM ? " (the holdout needed more than the default "
                + Numbers.plain(Limits.PEAK_HEADROOM) + "x)" : "");
    }

    /** "costs 3.1 % more and breaches 12 minutes less (budget burn 0.40)". */
    static String versus(Outcome other, Outcome best) {
        double pct = best.cost() > 0 ? (other.cost() - best.cost()) / best.cost() * 100 : Double.NaN;
        String cost = !Double.isFinite(pct) || Math.abs(pct) < 0.05 ? "costs the same"
                : "costs " + Numbers.percent(Math.abs(pct)) + (pct > 0 ? " more" : " less");
        long d = other.breachMinutes() - best.breachMinutes();
        String breaches = d == 0 ? "breaches as often" : "breaches " + Math.abs(d) + " minute" + (Math.abs(d) == 1 ? "" : "s")
                + (d > 0 ? " more" : " less");
        return cost + " and " + breaches + " (budget burn " + Numbers.fixed(other.budgetBurn(), 2) + ")";
    }

    private static String plain(double v) {
        return Numbers.readable(v);
    }
}
