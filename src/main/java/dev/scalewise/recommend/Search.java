package dev.scalewise.recommend;

import dev.scalewise.policy.PolicySpec;
import dev.scalewise.sim.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Finds the cheapest point of a {@link Tuner}'s space whose training replay keeps the budget burn within
 * the objective's limit and, where the model's capacity is only a bound or an extrapolation, never runs
 * above the busiest load per replica history showed (issue 17: no cut that relies on load nobody observed
 * unless the capacity is stated or measured).
 *
 * <ol>
 *   <li><b>Grid</b>: every target candidate with the other knobs at their current values; for each, the
 *       smallest feasible minReplicas by binary search. Breaches do not rise when min rises (more replicas
 *       are always at least as ready), so feasibility is monotone in min and binary search is exact up to
 *       that property.</li>
 *   <li><b>Coordinate descent</b> from the best grid point: every knob one step up and down, and every such
 *       move paired with min one step the other way; move to the cheapest feasible neighbour while that
 *       lowers the cost; stop at a local optimum (or after {@link #MAX_ROUNDS}).</li>
 * </ol>
 * Candidates of one round are replayed in parallel; the choice among them is made sequentially in a
 * fixed order, so the result is the same for any number of threads.
 */
final class Search {
    static final int MAX_ROUNDS = 40;
    /** Costs closer than this (relative) are a tie, broken by fewer changed knobs, then by point order. */
    static final double TIE = 1e-9;

    /** A replayed point: knob indexes, values, the policy and its training outcome. */
    record Evaluated(int[] point, double[] values, PolicySpec policy, Outcome train) {
    }

    record Result(Optional<Evaluated> best, List<Evaluated> evaluated) {
    }

    private final Tuner tuner;
    private final Function<PolicySpec, Outcome> replay;
    private final double maxBurn;
    /** The model's capacity is a bound or an extrapolation: candidates must stay within observed load. */
    private final boolean withinObservedLoad;
    private final int[] currentPoint;
    private final Map<List<Integer>, Evaluated> cache = new ConcurrentHashMap<>();

    Search(Tuner tuner, Function<PolicySpec, Outcome> replay, double maxBurn, boolean withinObservedLoad) {
        this.tuner = tuner;
        this.replay = replay;
        this.maxBurn = maxBurn;
        this.withinObservedLoad = withinObservedLoad;
        this.currentPoint = tuner.currentPoint();
    }

    Result run() {
        List<Evaluated> grid = grid();
        Optional<Evaluated> best = pick(grid);
        for (int round = 0; round < MAX_ROUNDS && best.isPresent(); round++) {
            Evaluated from = best.get();
            List<Evaluated> around = evaluateAll(neighbours(from.point()));
            Optional<Evaluated> next = pick(concat(around, from));
            if (next.isEmpty() || next.get() == from || !better(next.get(), from)) {
                break;
            }
            best = next;
        }
        List<Evaluated> all = new ArrayList<>(cache.values());
        all.sort(Comparator.comparing(e -> key(e.point()), Search::compareKeys));
        return new Result(best, all);
    }

    boolean feasible(Evaluated e) {
        return withinBudget(e) && identifiable(e);
    }

    boolean withinBudget(Evaluated e) {
        return !(e.train().budgetBurn() > maxBurn);
    }

    /** Its outcome rests on nothing history did not show (always, when the capacity is measured or stated). */
    boolean identifiable(Evaluated e) {
        return !withinObservedLoad || e.train().aboveObservedMinutes() == 0;
    }

    /** Per target candidate: the smallest feasible min (binary search), and the current point itself. */
    private List<Evaluated> grid() {
        int targets = tuner.targetIndex == Tuner.NONE ? 1 : tuner.knobs.get(tuner.targetIndex).size();
        List<Evaluated> out = new ArrayList<>(IntStream.range(0, targets).parallel().mapToObj(t -> {
            int[] p = currentPoint.clone();
            if (tuner.targetIndex != Tuner.NONE) {
                p[tuner.targetIndex] = t;
            }
            return smallestFeasibleMin(p);
        }).flatMap(Optional::stream).toList());
        out.add(evaluate(currentPoint));
        return out;
    }

    private Optional<Evaluated> smallestFeasibleMin(int[] p) {
        if (tuner.minIndex == Tuner.NONE) {
            return Optional.of(evaluate(p));
        }
        int lo = 0;
        int hi = tuner.knobs.get(tuner.minIndex).size() - 1;
        Evaluated top = evaluate(with(p, tuner.minIndex, hi));
        if (!feasible(top)) {
            return Optional.empty();
        }
        Evaluated found = top;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Evaluated e = evaluate(with(p, tuner.minIndex, mid));
            if (feasible(e)) {
                found = e;
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Optional.of(found);
    }

    private List<int[]> neighbours(int[] p) {
        List<int[]> out = new ArrayList<>();
        int m = tuner.minIndex;
        for (int k = 0; k < p.length; k++) {
            for (int d : new int[] {-1, 1}) {
                int v = p[k] + d;
                if (v < 0 || v >= tuner.knobs.get(k).size()) {
                    continue;
                }
                int[] q = with(p, k, v);
                out.add(q);
                if (m != Tuner.NONE && k != m && q[m] - d >= 0 && q[m] - d < tuner.knobs.get(m).size()) {
                    out.add(with(q, m, q[m] - d));
                }
            }
        }
        return out;
    }

    private List<Evaluated> evaluateAll(List<int[]> points) {
        return points.parallelStream().map(this::evaluate).toList();
    }

    Evaluated evaluate(int[] point) {
        List<Integer> k = key(point);
        Evaluated e = cache.get(k);
        if (e == null) {
            double[] values = tuner.values(point);
            PolicySpec policy = tuner.apply(values);
            e = new Evaluated(point.clone(), values, policy, replay.apply(policy));
            Evaluated raced = cache.putIfAbsent(k, e);
            e = raced == null ? e : raced;
        }
        return e;
    }

    /** The cheapest feasible candidate; ties go to fewer knobs changed from current, then to point order. */
    private Optional<Evaluated> pick(List<Evaluated> candidates) {
        List<Evaluated> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing(e -> key(e.point()), Search::compareKeys));
        Evaluated best = null;
        for (Evaluated e : ordered) {
            if (feasible(e) && (best == null || better(e, best))) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean better(Evaluated a, Evaluated b) {
        double ca = a.train().cost();
        double cb = b.train().cost();
        if (ca < cb * (1 - TIE)) {
            return true;
        }
        if (ca > cb * (1 + TIE)) {
            return false;
        }
        return changedKnobs(a.point()) < changedKnobs(b.point());
    }

    int changedKnobs(int[] p) {
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] != currentPoint[i]) {
                n++;
            }
        }
        return n;
    }

    Map<List<Integer>, Evaluated> cache() {
        return cache;
    }

    static int[] with(int[] p, int k, int v) {
        int[] q = p.clone();
        q[k] = v;
        return q;
    }

    static List<Integer> key(int[] p) {
        return Arrays.stream(p).boxed().toList();
    }

    private static int compareKeys(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<Evaluated> concat(List<Evaluated> a, Evaluated b) {
        List<Evaluated> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}
