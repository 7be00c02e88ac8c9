package dev.scalewise.recommend;

import dev.scalewise.recommend.Recommendation.FrontierPoint;
import dev.scalewise.recommend.Search.Evaluated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Pareto frontier of evaluated candidates: cost per 1k vs breach minutes on train, thinned to ~10. Only
 * candidates replayed to the end take part (one cut short has figures for part of the period), and all over
 * one period: the screening span's or the whole training period's, whichever has more such candidates (a
 * screened search replays most of its candidates on the span). Each point says how many days it covers.
 */
final class Frontier {
    static final int POINTS = 10;

    private Frontier() {
    }

    static List<FrontierPoint> of(List<Evaluated> evaluated, Tuner tuner, double maxBurn) {
        long screened = evaluated.stream().filter(e -> !e.cutShort() && e.screened()).count();
        long whole = evaluated.stream().filter(e -> !e.cutShort() && !e.screened()).count();
        boolean onSpan = screened > whole;
        List<Evaluated> sorted = new ArrayList<>(evaluated.stream().filter(e -> !e.cutShort() && e.screened() == onSpan)
                .toList());
        sorted.sort(Comparator.comparingDouble((Evaluated e) -> e.train().cost())
                .thenComparingLong(e -> e.train().breachMinutes()));
        List<Evaluated> front = new ArrayList<>();
        long fewest = Long.MAX_VALUE;
        for (Evaluated e : sorted) {
            // cheapest first: a point is non-dominated when it breaches less than everything cheaper
            if (e.train().breachMinutes() < fewest) {
                front.add(e);
                fewest = e.train().breachMinutes();
            }
        }
        List<FrontierPoint> out = new ArrayList<>();
        for (Evaluated e : thin(front)) {
            Map<String, Double> knobs = new LinkedHashMap<>();
            for (int i = 0; i < tuner.knobs.size(); i++) {
                knobs.put(tuner.knobs.get(i).name(), e.values()[i]);
            }
            knobs.put("maxReplicas", (double) e.policy().maxReplicas());
            out.add(new FrontierPoint(knobs, e.train().costPer1k(), e.train().breachMinutes(), e.train().budgetBurn(),
                    !(e.train().budgetBurn() > maxBurn), e.train().days()));
        }
        return out;
    }

    /** At most {@link #POINTS}, evenly spread, both ends kept. */
    static <T> List<T> thin(List<T> all) {
        if (all.size() <= POINTS) {
            return all;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            out.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (POINTS - 1))));
        }
        return out;
    }
}
