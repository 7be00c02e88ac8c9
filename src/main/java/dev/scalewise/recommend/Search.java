package dev.scalewise.recommend;

import dev.scalewise.policy.PolicySpec;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayResult;
import dev.scalewise.sim.StopRule;

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
 * Finds the cheapest point of a {@link Tuner}'s space that meets the {@link Criteria}: on train (the
 * objective's budget burn, and for {@code no-worse} the current policy's breach minutes), and in a
 * {@link #validating} search on the holdout too (the SLO, and for {@code no-worse} the current policy's
 * breach minutes there). Points lint would flag for a changed knob are never replayed
 * ({@link Tuner#lintAccepts}).
 *
 * <ol>
 *   <li><b>Grid</b>: every target candidate with the other knobs at their current values; for each, the
 *       smallest feasible minReplicas. Breaches do not rise when min rises (more replicas are always at
 *       least as ready), nor when the target gives more headroom (a lower load per replica), so
 *       feasibility is monotone in both: the targets are walked from the most headroom to the least, each
 *       one's min searched from the previous one's (usually one replay: it holds there; else in steps
 *       doubling above it, then by binary search within the last step), and the walk stops at the first
 *       target no min makes feasible. Exact up to those two properties.</li>
 *   <li><b>Coordinate descent</b> from the best grid point: every knob one step up and down, and every such
 *       move paired with min one step the other way; move to the cheapest feasible neighbour while that
 *       lowers the cost; stop at a local optimum (or after {@link #MAX_ROUNDS}).</li>
 * </ol>
 * A training replay ends as soon as its breach minutes prove the candidate over the budget (the
 * {@link StopRule} the caller gives): such a candidate is {@link Evaluated#cutShort}, infeasible for
 * certain, and its figures cover only the minutes replayed.
 * Candidates of one round (and the grid's walks per peak headroom) are replayed in parallel unless the
 * caller keeps the cores busy already; the choice among them is made sequentially in a fixed order, so the
 * result is the same for any number of threads.
 */
final class Search {
    static final int MAX_ROUNDS = 40;
    /** Costs closer than this (relative) are a tie, broken by fewer changed knobs, then by point order. */
    static final double TIE = 1e-9;
    /** A change saving less than this share of the cost is not worth a manifest edit (see {@link #simplified}). */
    static final double MATERIAL = 0.005;

    /**
     * A replayed point: dimension indexes, values, the policy and its training outcome, and its holdout
     * outcome in a validating search.
     *
     * @param cutShort its training replay ended early, over the budget: {@code train} covers only the minutes
     *                 up to then (its cost a lower bound of the whole period's)
     */
    record Evaluated(int[] point, double[] values, PolicySpec policy, Outcome train, Optional<Outcome> holdout,
                     boolean cutShort) {
    }

    /** Replays a candidate on train, ending early when the stop rule proves it over its limits. */
    @FunctionalInterface
    interface TrainReplay {
        ReplayResult run(PolicySpec policy, StopRule stop);
    }

    record Result(Optional<Evaluated> best, List<Evaluated> evaluated) {
    }

    /**
     * What a candidate must meet.
     *
     * @param maxBurn            the highest budget burn on train (the objective's)
     * @param maxTrainBreaches   the most breach minutes on train ({@code no-worse}: the current policy's)
     * @param maxHoldoutBreaches the most breach minutes on the holdout, in a validating search
     * @param withinObservedLoad the model's capacity is a bound or an extrapolation: a candidate must never
     *                           run above the busiest load per replica history showed (issue 17: no cut that
     *                           relies on load nobody observed unless the capacity is stated or measured)
     */
    record Criteria(double maxBurn, long maxTrainBreaches, long maxHoldoutBreaches, boolean withinObservedLoad) {
        static Criteria burn(double maxBurn, boolean withinObservedLoad) {
            return new Criteria(maxBurn, Long.MAX_VALUE, Long.MAX_VALUE, withinObservedLoad);
        }
    }

    private final Tuner tuner;
    private final TrainReplay replay;
    private final StopRule stop;
    private final Optional<Function<PolicySpec, Outcome>> holdoutReplay;
    private final Criteria criteria;
    private final int[] currentPoint;
    private final boolean parallel;
    private final Map<List<Integer>, Evaluated> cache = new ConcurrentHashMap<>();
    /** Training replays of an earlier search over the same space (see {@link #validating}). */
    private final Map<List<Integer>, Evaluated> trained = new ConcurrentHashMap<>();

    /** Every replay run to the end (tests, what-ifs). */
    Search(Tuner tuner, Function<PolicySpec, Outcome> replay, Criteria criteria, boolean parallel) {
        this(tuner, (p, rule) -> new ReplayResult(List.of(), replay.apply(p), false), StopRule.NEVER, criteria,
                parallel);
    }

    /**
     * @param stop when a training replay may end: it must not end one the criteria, or the caller's other use
     *             of the candidates, could still accept
     */
    Search(Tuner tuner, TrainReplay replay, StopRule stop, Criteria criteria, boolean parallel) {
        this(tuner, replay, stop, Optional.empty(), criteria, parallel);
    }

    private Search(Tuner tuner, TrainReplay replay, StopRule stop, Optional<Function<PolicySpec, Outcome>> holdout,
                   Criteria criteria, boolean parallel) {
        this.tuner = tuner;
        this.replay = replay;
        this.stop = stop;
        this.holdoutReplay = holdout;
        this.criteria = criteria;
        this.currentPoint = tuner.currentPoint();
        this.parallel = parallel;
    }

    /**
     * The same space searched for points that also meet the SLO on the holdout: typically more headroom
     * (a lower target, a higher min, maxReplicas further over the training peak, a shorter scale-up
     * window). Training replays already run are reused.
     */
    Search validating(Function<PolicySpec, Outcome> holdout) {
        Search v = new Search(tuner, replay, stop, Optional.of(holdout), criteria, parallel);
        v.trained.putAll(cache);
        return v;
    }

    Result run() {
        List<Evaluated> grid = grid();
        Optional<Evaluated> best = pick(grid);
        if (best.isEmpty() && holdoutReplay.isPresent()) {
            // no grid point holds: start from the point with the most headroom, if it holds
            best = mostHeadroom().filter(this::feasible);
        }
        for (int round = 0; round < MAX_ROUNDS && best.isPresent(); round++) {
            Evaluated from = best.get();
            List<Evaluated> around = evaluateAll(neighbours(from.point()));
            Optional<Evaluated> next = pick(concat(around, from));
            if (next.isEmpty() || next.get() == from || !better(next.get(), from)) {
                break;
            }
            best = next;
        }
        best = best.map(this::simplified);
        List<Evaluated> all = new ArrayList<>(cache.values());
        all.sort(Comparator.comparing(e -> key(e.point()), Search::compareKeys));
        return new Result(best, all);
    }

    boolean feasible(Evaluated e) {
        return withinBudget(e) && identifiable(e)
                && e.holdout().map(h -> h.meetsSlo() && h.breachMinutes() <= criteria.maxHoldoutBreaches()).orElse(true);
    }

    boolean withinBudget(Evaluated e) {
        Outcome t = e.train();
        return !(t.budgetBurn() > criteria.maxBurn()) && t.breachMinutes() <= criteria.maxTrainBreaches();
    }

    /** Its outcomes rest on nothing history did not show (always, when the capacity is measured or stated). */
    boolean identifiable(Evaluated e) {
        return !criteria.withinObservedLoad() || (e.train().aboveObservedMinutes() == 0
                && e.holdout().map(h -> h.aboveObservedMinutes() == 0).orElse(true));
    }

    /**
     * Per peak headroom of maxReplicas (validating; one otherwise) the walk over the target candidates, and
     * the current point itself.
     */
    List<Evaluated> grid() {
        int h = tuner.headroomIndex();
        int headrooms = holdoutReplay.isPresent() && h != Tuner.NONE ? tuner.size(h) : 1;
        IntStream walks = IntStream.range(0, headrooms);
        List<Evaluated> out = new ArrayList<>((parallel ? walks.parallel() : walks).mapToObj(r -> {
            int[] p = currentPoint.clone();
            if (headrooms > 1) {
                p[h] = r;
            }
            return targetWalk(p);
        }).flatMap(List::stream).toList());
        out.add(evaluate(currentPoint));
        return out;
    }

    /**
     * From the target with the most headroom to the least, each one's smallest feasible min, searched from
     * the previous target's; stops at the first target no min makes feasible (none beyond it would be).
     */
    private List<Evaluated> targetWalk(int[] base) {
        int t = tuner.targetIndex;
        if (t == Tuner.NONE) {
            return smallestFeasibleMin(base, 0).stream().toList();
        }
        int n = tuner.size(t);
        boolean mostHeadroomLast = tuner.headroomSign(t) > 0;
        List<Evaluated> out = new ArrayList<>();
        int lowestMin = 0;
        for (int i = 0; i < n; i++) {
            Optional<Evaluated> found = smallestFeasibleMin(with(base, t, mostHeadroomLast ? n - 1 - i : i), lowestMin);
            if (found.isEmpty()) {
                break;
            }
            out.add(found.get());
            if (tuner.minIndex != Tuner.NONE) {
                lowestMin = found.get().point()[tuner.minIndex];
            }
        }
        return out;
    }

    /**
     * The same point with every change that buys next to nothing put back: a dimension moved off its
     * current value returns to it when the point still meets the criteria and costs at most
     * {@link #MATERIAL} more than the point found (train, and holdout when validating). Every change left
     * is worth something its explanation can state ({@link KnobReasons}); a manifest edit for less is noise.
     */
    private Evaluated simplified(Evaluated found) {
        Evaluated best = found;
        int dims = holdoutReplay.isPresent() ? best.point().length : tuner.knobs.size();
        for (int d = 0; d < dims; d++) {
            if (best.point()[d] == currentPoint[d]) {
                continue;
            }
            int[] back = with(best.point(), d, currentPoint[d]);
            if (!tuner.lintAccepts(tuner.values(back))) {
                continue;
            }
            Evaluated e = evaluate(back);
            boolean noDearer = !(e.train().cost() > found.train().cost() * (1 + MATERIAL)) && (e.holdout().isEmpty()
                    || !(e.holdout().get().cost() > found.holdout().orElseThrow().cost() * (1 + MATERIAL)));
            if (feasible(e) && noDearer) {
                best = e;
            }
        }
        return best;
    }

    /** Every dimension at its end that adds headroom (those that add none kept), when lint accepts it. */
    Optional<Evaluated> mostHeadroom() {
        int[] p = currentPoint.clone();
        for (int d = 0; d < p.length; d++) {
            int sign = tuner.headroomSign(d);
            if (sign != 0) {
                p[d] = sign > 0 ? tuner.size(d) - 1 : 0;
            }
        }
        return tuner.lintAccepts(tuner.values(p)) ? Optional.of(evaluate(p)) : Optional.empty();
    }

    /**
     * The point with the smallest min at or above index {@code from} that is feasible (min as it is when the
     * space has no min), or empty when not even the highest min is: the lowest first, then steps of 1, 2,
     * 4, ... above it (the previous target's min is usually close), then binary search in the last step.
     */
    private Optional<Evaluated> smallestFeasibleMin(int[] p, int from) {
        int m = tuner.minIndex;
        if (m == Tuner.NONE) {
            return Optional.of(evaluate(p));
        }
        Evaluated lowest = evaluate(with(p, m, from));
        if (feasible(lowest)) {
            return Optional.of(lowest);
        }
        int top = tuner.size(m) - 1;
        int lo = from + 1; // the lowest index not known to be infeasible
        Evaluated found = null;
        int hi = lo;
        for (int step = 1; lo <= top; step *= 2) {
            hi = Math.min(top, lo + step - 1);
            Evaluated e = evaluate(with(p, m, hi));
            if (feasible(e)) {
                found = e;
                break;
            }
            lo = hi + 1;
        }
        if (found == null) {
            return Optional.empty();
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Evaluated e = evaluate(with(p, m, mid));
            if (feasible(e)) {
                found = e;
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Optional.of(found);
    }

    /**
     * Every dimension one step up and down, each move also paired with min one step the other way; the
     * peak headroom of maxReplicas moves only in a validating search (on train it only adds cost).
     */
    private List<int[]> neighbours(int[] p) {
        List<int[]> out = new ArrayList<>();
        int m = tuner.minIndex;
        int dims = holdoutReplay.isPresent() ? p.length : tuner.knobs.size();
        for (int k = 0; k < dims; k++) {
            for (int d : new int[] {-1, 1}) {
                int v = p[k] + d;
                if (v < 0 || v >= tuner.size(k)) {
                    continue;
                }
                int[] q = with(p, k, v);
                out.add(q);
                if (m != Tuner.NONE && k != m && q[m] - d >= 0 && q[m] - d < tuner.size(m)) {
                    out.add(with(q, m, q[m] - d));
                }
            }
        }
        out.removeIf(q -> !tuner.lintAccepts(tuner.values(q)));
        return out;
    }

    private List<Evaluated> evaluateAll(List<int[]> points) {
        return (parallel ? points.parallelStream() : points.stream()).map(this::evaluate).toList();
    }

    Evaluated evaluate(int[] point) {
        List<Integer> k = key(point);
        Evaluated e = cache.get(k);
        if (e == null) {
            double[] values = tuner.values(point);
            PolicySpec policy = tuner.apply(values);
            Evaluated before = trained.get(k);
            ReplayResult r = before != null ? new ReplayResult(List.of(), before.train(), before.cutShort())
                    : replay.run(policy, stop);
            // a point over the budget on train fails whatever the holdout shows
            Optional<Outcome> holdout = r.cutShort() ? Optional.empty() : holdoutReplay.map(h -> h.apply(policy));
            e = new Evaluated(point.clone(), values, policy, r.total(), holdout, r.cutShort());
            Evaluated raced = cache.putIfAbsent(k, e);
            e = raced == null ? e : raced;
        }
        return e;
    }

    /**
     * The point with figures over the whole period, to be shown: replayed again to the end when its training
     * replay was cut short (and on the holdout too in a validating search).
     */
    Evaluated complete(Evaluated e) {
        if (!e.cutShort()) {
            return e;
        }
        Evaluated whole = new Evaluated(e.point(), e.values(), e.policy(), replay.run(e.policy(), StopRule.NEVER).total(),
                holdoutReplay.map(h -> h.apply(e.policy())), false);
        cache.put(key(e.point()), whole);
        return whole;
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

    /** Cheaper on train; on a tie, cheaper on the holdout (validating), then fewer changed dimensions. */
    private boolean better(Evaluated a, Evaluated b) {
        int c = compareCost(a.train().cost(), b.train().cost());
        if (c == 0 && a.holdout().isPresent() && b.holdout().isPresent()) {
            c = compareCost(a.holdout().get().cost(), b.holdout().get().cost());
        }
        return c != 0 ? c < 0 : changedKnobs(a.point()) < changedKnobs(b.point());
    }

    private static int compareCost(double a, double b) {
        return a < b * (1 - TIE) ? -1 : a > b * (1 + TIE) ? 1 : 0;
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
