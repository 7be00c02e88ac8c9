package dev.scalewise.recommend;

import dev.scalewise.recommend.Search.Evaluated;
import dev.scalewise.sim.Outcome;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Says which constraint holds the recommendation where it is. The "next-cheaper" candidate is the
 * costliest evaluated neighbour (one knob one step away) that is cheaper but misses the objective (or,
 * when no failing neighbour is cheaper, the cheapest failing one: the move the SLO forbids); both
 * are replayed again with an hourly breach count, and the hour where the cheaper one breaches most
 * beyond the recommendation names the moment that sets the knob ("min 3 is set by 2026-10-12 07:00
 * UTC: with min 2, 14 more breach minutes in that hour while replicas start"). Without such a
 * neighbour, every neighbour costs as much or more; the bounds it touches (floor, max change) are named.
 */
final class BindingConstraint {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private BindingConstraint() {
    }

    /**
     * @param best      the recommendation, replayed over the same period as {@code evaluated}
     * @param evaluated the candidates the search replayed over that period
     * @param hourly    replays a candidate over that period with an hourly breach count
     * @param period    that period, as the sentence names it ("train", "the last 7 training days")
     */
    static String explain(Evaluated best, List<Evaluated> evaluated, Tuner tuner, Search search,
                          Function<Evaluated, HourlyBreaches> hourly, double maxBurn, String period) {
        List<Evaluated> failing = evaluated.stream()
                .filter(e -> distance(e.point(), best.point()) == 1 && !search.feasible(e)).toList();
        // the closest cheaper failing neighbour; else the cheapest failing one (the move the SLO forbids). A
        // neighbour whose replay was cut short compares by its cost up to the cut, a lower bound: enough to
        // choose which knob to name; what the sentence states of it comes from replays to the end
        Optional<Evaluated> cheaper = failing.stream().filter(e -> e.train().cost() < best.train().cost())
                .reduce((a, b) -> b.train().cost() > a.train().cost() ? b : a)
                .or(() -> failing.stream().reduce((a, b) -> b.train().cost() < a.train().cost() ? b : a));
        if (cheaper.isEmpty()) {
            return atBound(best, tuner);
        }
        // what the sentence states of it comes from replays to the end (a holdout cut short included)
        Evaluated next = search.complete(cheaper.get());
        int k = differingKnob(next.point(), best.point());
        String name = k < tuner.knobs.size() ? tuner.knobs.get(k).name() : "maxReplicas";
        if (search.withinBudget(next) && !search.identifiable(next)) {
            // within the budget, but only by running where history shows nothing: that is what binds
            long above = next.train().aboveObservedMinutes() + next.holdout().map(Outcome::aboveObservedMinutes).orElse(0L);
            return String.format(Locale.ROOT, "%s %s is set by what the load history shows: with %s %s the replicas "
                            + "would run %d minute%s above the busiest load per replica history showed, where the "
                            + "capacity is not known", name, text(tuner, best, k), name, text(tuner, next, k), above,
                    above == 1 ? "" : "s");
        }
        if (!(next.train().budgetBurn() > maxBurn) && next.holdout().isPresent()) {
            // it meets the objective on train: the holdout sets this knob
            return String.format(Locale.ROOT, "%s %s is set by the holdout: with %s %s the holdout burns %.2f of the "
                            + "error budget (%d breach minutes)", name, text(tuner, best, k), name, text(tuner, next, k),
                    next.holdout().get().budgetBurn(), next.holdout().get().breachMinutes());
        }
        HourlyBreaches a = hourly.apply(best);
        HourlyBreaches b = hourly.apply(next);
        // the replay's first hour is the controllers' warm-up from the observed replicas: named only when
        // no later hour shows the difference
        int worst = worstHour(a, b, 1);
        if (b.breachMinutes(worst) - a.breachMinutes(worst) <= 0) {
            worst = worstHour(a, b, 0);
        }
        long most = b.breachMinutes(worst) - a.breachMinutes(worst);
        return String.format(Locale.ROOT, "%s %s is set by %s UTC: with %s %s, %d more breach minute%s in that hour%s "
                        + "(%s budget burn %.2f > %.2f)",
                name, text(tuner, best, k), HOUR.format(b.hourStart(worst)), name, text(tuner, next, k), most,
                most == 1 ? "" : "s",
                b.replicasStarting(worst) ? " while new replicas start" : " at the load peak",
                period, next.train().budgetBurn(), maxBurn);
    }

    /** A dimension's value at a point as the manifest writes it (maxReplicas for its peak headroom). */
    private static String text(Tuner tuner, Evaluated e, int dimension) {
        return dimension < tuner.knobs.size() ? tuner.knobs.get(dimension).format().text(e.values()[dimension])
                : Integer.toString(e.policy().maxReplicas());
    }

    /** No cheaper neighbour misses the objective: every neighbour costs the same or more. Name the bounds hit. */
    private static String atBound(Evaluated best, Tuner tuner) {
        StringBuilder b = new StringBuilder("every neighbouring setting costs the same or more: the replicas follow demand "
                + "at the target");
        if (tuner.minIndex != Tuner.NONE) {
            int m = (int) Math.round(best.values()[tuner.minIndex]);
            if (m == tuner.limits.floor) {
                b.append("; minReplicas ").append(m).append(" is the availability floor");
            }
        }
        for (int i = 0; i < tuner.knobs.size(); i++) {
            Knob k = tuner.knobs.get(i);
            boolean atEdge = best.point()[i] == 0 || best.point()[i] == k.size() - 1;
            if (i != tuner.minIndex && atEdge && tuner.limits.maxChange.isPresent()) {
                b.append("; ").append(k.name()).append(' ').append(k.format().text(best.values()[i]))
                        .append(" is at the end of its allowed change");
            }
        }
        return b.toString();
    }

    private static int worstHour(HourlyBreaches a, HourlyBreaches b, int from) {
        int worst = Math.min(from, b.hours() - 1);
        for (int h = worst; h < b.hours(); h++) {
            if (b.breachMinutes(h) - a.breachMinutes(h) > b.breachMinutes(worst) - a.breachMinutes(worst)) {
                worst = h;
            }
        }
        return worst;
    }

    static int distance(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d;
    }

    private static int differingKnob(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return 0;
    }
}
