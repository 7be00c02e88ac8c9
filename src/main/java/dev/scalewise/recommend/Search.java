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
 *       lowers the cost by at least {@link #STEP}; stop at a local optimum (or after {@link #MAX_ROUNDS}).
 *       Neighbours that cannot be a cheaper feasible point are not replayed ({@link #around}): a step that
 *       adds headroom keeps at least as many replicas at every moment, so it costs no less and breaches no
 *       more (the same monotonicity the grid rests on).</li>
 * </ol>
 * <b>Screening</b> ({@link #screenedBy}): grid and descent run on the last days of the training period, and
 * only their winner is replayed over the whole of it. When the winner misses the criteria there, the
 * smallest min above its own that meets them is searched on the whole period; when none does (or the span
 * had no winner), the whole search runs on the whole period. Whatever is shown of a screened point comes
 * from a replay over the whole period ({@link #complete}).
 * A training replay ends as soon as its breach minutes prove the candidate over the budget (the
 * {@link StopRule} the caller gives): such a candidate is {@link Evaluated#cutShort}, infeasible for
 * certain, and its figures cover only the minutes replayed.
 * A point that differs from a replayed one only in maxReplicas' headroom borrows that replay when neither
 * maxReplicas was ever reached in it ({@link #lent}): the replay is the same, bit for bit.
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
    /** A descent move saving less than this share of the cost ends the descent: ten would not make one edit. */
    static final double STEP = MATERIAL / 10;

    /**
     * A replayed point: dimension indexes, values, the policy and its training replay, and its holdout replay in a
     * validating search.
     *
     * @param screened {@code train} covers the screening span, not the whole training period
     */
    record Evaluated(int[] point, double[] values, PolicySpec policy, ReplayResult trainRun,
                     Optional<ReplayResult> holdoutRun, boolean screened) {
        /** The training outcome (the span's, when screened). */
        Outcome train() {
            return trainRun.total();
        }

        /**
         * Its training replay ended early, over the budget: {@code train} covers only the minutes up to then
         * (its cost a lower bound of the whole period's).
         */
        boolean cutShort() {
            return trainRun.cutShort();
        }

        Optional<Outcome> holdout() {
            return holdoutRun.map(ReplayResult::total);
        }

        /** Its holdout replay ended early, over the SLO's budget there: {@code holdout} covers only the minutes up to then. */
        boolean holdoutCutShort() {
            return holdoutRun.map(ReplayResult::cutShort).orElse(false);
        }
    }

    /** Replays a candidate over a period (train, the span, the holdout), ending early when the stop rule proves it over its limits. */
    @FunctionalInterface
    interface PeriodReplay {
        ReplayResult run(PolicySpec policy, StopRule stop);

        /** The policy's whole replay over the period. */
        default Outcome toEnd(PolicySpec policy) {
            return run(policy, StopRule.NEVER).total();
        }
    }

    /** The holdout's replay and when it may end: over the SLO's budget there (or the current policy's breaches). */
    record Holdout(PeriodReplay replay, StopRule stop) {
    }

    /**
     * @param onSpan the winner was found on the screening span (and confirmed over the whole period): the
     *               span's replays, not the whole period's, are the ones that explain it
     */
    record Result(Optional<Evaluated> best, List<Evaluated> evaluated, boolean onSpan) {
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
    private final PeriodReplay replay;
    private final StopRule stop;
    private final Optional<Holdout> holdoutReplay;
    private final Criteria criteria;
    private final int[] currentPoint;
    private final boolean parallel;
    /** The same space over the screening span, whose winner this search confirms (empty: no screening). */
    private final Optional<Search> screen;
    /** This is a screening search: its points are {@link Evaluated#screened}. */
    private final boolean marksScreened;
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
    Search(Tuner tuner, PeriodReplay replay, StopRule stop, Criteria criteria, boolean parallel) {
        this(tuner, replay, stop, Optional.empty(), criteria, parallel, Optional.empty(), false);
    }

    private Search(Tuner tuner, PeriodReplay replay, StopRule stop, Optional<Holdout> holdout,
                   Criteria criteria, boolean parallel, Optional<Search> screen, boolean marksScreened) {
        this.tuner = tuner;
        this.replay = replay;
        this.stop = stop;
        this.holdoutReplay = holdout;
        this.criteria = criteria;
        this.currentPoint = tuner.currentPoint();
        this.parallel = parallel;
        this.screen = screen;
        this.marksScreened = marksScreened;
    }

    /**
     * This search screened on a span: the same space over the span's replays, with the stop rule and criteria for
     * that span. The screening search's points are {@link Evaluated#screened}.
     */
    Search screenedBy(PeriodReplay onSpan, StopRule spanStop, Criteria spanCriteria) {
        Search screening = new Search(tuner, onSpan, spanStop, holdoutReplay, spanCriteria, parallel, Optional.empty(),
                true);
        return new Search(tuner, replay, stop, holdoutReplay, criteria, parallel, Optional.of(screening), false);
    }

    /**
     * The same space searched for points that also meet the SLO on the holdout: typically more headroom
     * (a lower target, a higher min, maxReplicas further over the training peak, a shorter scale-up
     * window). Training replays already run are reused.
     */
    Search validating(Holdout holdout) {
        Search v = new Search(tuner, replay, stop, Optional.of(holdout), criteria, parallel,
                screen.map(s -> s.validating(holdout)), marksScreened);
        v.trained.putAll(cache);
        return v;
    }

    Result run() {
        if (screen.isPresent()) {
            Result onSpan = screen.get().run();
            Optional<Evaluated> confirmed = onSpan.best().flatMap(this::confirm);
            // else the span had no winner, or its winner cannot be mended on the whole period: search all of it
            Optional<Evaluated> best = confirmed.isPresent() ? confirmed : exhaustive().best();
            // the points replayed over the whole period stand in for their screened replays
            return new Result(best, merged(onSpan.evaluated(), replayed()), confirmed.isPresent());
        }
        return exhaustive();
    }

    /**
     * The screened winner over the whole period: as it is when it meets the criteria there, else the same
     * point with the smallest min above its own that does; empty when no min does.
     */
    private Optional<Evaluated> confirm(Evaluated screened) {
        Evaluated whole = evaluate(screened.point());
        if (feasible(whole)) {
            return Optional.of(whole);
        }
        int m = tuner.minIndex;
        return m == Tuner.NONE || whole.point()[m] + 1 >= tuner.size(m) ? Optional.empty()
                : smallestFeasibleMin(whole.point(), whole.point()[m] + 1);
    }

    /** Both lists' points, each once: where a point is in both, {@code b}'s replay of it. */
    static List<Evaluated> merged(List<Evaluated> a, List<Evaluated> b) {
        Map<List<Integer>, Evaluated> all = new java.util.LinkedHashMap<>();
        a.forEach(e -> all.put(key(e.point()), e));
        b.forEach(e -> all.put(key(e.point()), e));
        return new ArrayList<>(all.values());
    }

    private Result exhaustive() {
        List<Evaluated> grid = grid();
        Optional<Evaluated> best = pick(grid);
        if (best.isEmpty() && holdoutReplay.isPresent()) {
            // no grid point holds: start from the point with the most headroom, if it holds
            best = mostHeadroom().filter(this::feasible);
        }
        for (int round = 0; round < MAX_ROUNDS && best.isPresent(); round++) {
            Evaluated from = best.get();
            List<Evaluated> around = around(from.point());
            Optional<Evaluated> next = pick(concat(around, from));
            if (next.isEmpty() || next.get() == from || !better(next.get(), from)
                    || next.get().train().cost() > from.train().cost() * (1 - STEP)) {
                break;
            }
            best = next;
        }
        best = best.map(this::simplified);
        return new Result(best, replayed(), false);
    }

    boolean feasible(Evaluated e) {
        if (judge(e) != this) {
            return judge(e).feasible(e);
        }
        return withinBudget(e) && identifiable(e)
                && e.holdout().map(h -> h.meetsSlo() && h.breachMinutes() <= criteria.maxHoldoutBreaches()).orElse(true);
    }

    boolean withinBudget(Evaluated e) {
        if (judge(e) != this) {
            return judge(e).withinBudget(e);
        }
        Outcome t = e.train();
        return !(t.budgetBurn() > criteria.maxBurn()) && t.breachMinutes() <= criteria.maxTrainBreaches();
    }

    /** The search whose criteria a point's figures answer to: the screening one for a screened point. */
    private Search judge(Evaluated e) {
        return e.screened() && !marksScreened ? screen.orElseThrow() : this;
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
     * The neighbours of a point, replayed: every dimension one step up and down, each move also paired with min
     * one step the other way (the peak headroom of maxReplicas moves only in a validating search: on train it
     * only adds cost). Replayed only where they could be a cheaper point meeting the criteria, given that a
     * step adding headroom never costs less and never breaches more (the monotonicity the grid rests on, for
     * every knob with a headroom direction): a move only adding headroom is not tried; a pair that adds headroom
     * with one knob and saves with the other only when the saving step alone misses the criteria (else that
     * step is cheaper); a pair saving with both only when each step alone meets them (else it misses too).
     */
    List<Evaluated> around(int[] p) {
        int m = tuner.minIndex;
        int dims = holdoutReplay.isPresent() ? p.length : tuner.knobs.size();
        List<int[]> singles = new ArrayList<>();
        for (int k = 0; k < dims; k++) {
            for (int d : new int[] {-1, 1}) {
                if (inRange(k, p[k] + d) && tuner.headroomSign(k) * d <= 0) {
                    singles.add(with(p, k, p[k] + d));
                }
            }
        }
        List<Evaluated> out = new ArrayList<>(evaluateAll(linted(singles)));
        if (m == Tuner.NONE) {
            return out;
        }
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < dims; k++) {
            for (int d : new int[] {-1, 1}) {
                if (k == m || !inRange(k, p[k] + d) || !inRange(m, p[m] - d)) {
                    continue;
                }
                int onK = tuner.headroomSign(k) * d;
                int onMin = -tuner.headroomSign(m) * d;
                Optional<Boolean> kAlone = known(with(p, k, p[k] + d));
                Optional<Boolean> minAlone = known(with(p, m, p[m] - d));
                boolean worthIt = onK == 0 || onMin == 0
                        || (onK > 0 && onMin < 0 && !minAlone.orElse(false))
                        || (onK < 0 && onMin > 0 && !kAlone.orElse(false))
                        || (onK < 0 && onMin < 0 && kAlone.orElse(true) && minAlone.orElse(true));
                if (worthIt) {
                    pairs.add(with(with(p, k, p[k] + d), m, p[m] - d));
                }
            }
        }
        out.addAll(evaluateAll(linted(pairs)));
        return out;
    }

    private boolean inRange(int dimension, int index) {
        return index >= 0 && index < tuner.size(dimension);
    }

    /** Whether a replayed point meets the criteria; empty when it was not replayed. */
    private Optional<Boolean> known(int[] point) {
        return Optional.ofNullable(cache.get(key(point))).map(this::feasible);
    }

    private List<int[]> linted(List<int[]> points) {
        return points.stream().filter(q -> tuner.lintAccepts(tuner.values(q))).toList();
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
            ReplayResult r = before != null ? before.trainRun()
                    : lent(point, policy, x -> Optional.of(x.trainRun())).orElseGet(() -> replay.run(policy, stop));
            // a point over the budget on train fails whatever the holdout shows
            Optional<ReplayResult> h = r.cutShort() ? Optional.empty() : holdoutReplay.map(x ->
                    lent(point, policy, Evaluated::holdoutRun).orElseGet(() -> x.replay().run(policy, x.stop())));
            e = new Evaluated(point.clone(), values, policy, r, h, marksScreened);
            Evaluated raced = cache.putIfAbsent(k, e);
            e = raced == null ? e : raced;
        }
        return e;
    }

    /**
     * A replay this point would repeat: one of a point differing only in maxReplicas' headroom whose replicas never
     * reached its maxReplicas nor this point's, so that neither bound ever bound ({@link ReplayResult#mostAsked}).
     * The validating search walks every headroom over the same targets and mins; most of those walks' training
     * replays, and some holdout ones, are the same replay.
     */
    private Optional<ReplayResult> lent(int[] point, PolicySpec policy, Function<Evaluated, Optional<ReplayResult>> run) {
        int h = tuner.headroomIndex();
        if (h == Tuner.NONE) {
            return Optional.empty();
        }
        for (int r = 0; r < tuner.size(h); r++) {
            List<Integer> other = key(with(point, h, r));
            for (Evaluated e : new Evaluated[] {cache.get(other), trained.get(other)}) {
                Optional<ReplayResult> lent = e == null || r == point[h] ? Optional.empty() : run.apply(e)
                        .filter(x -> x.sameUnderMax(e.policy().maxReplicas(), policy.maxReplicas()));
                if (lent.isPresent()) {
                    return lent;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The point with figures over the whole period, to be shown: replayed again to the end when its training
     * replay was cut short (and on the holdout too in a validating search) or its holdout replay was, over the
     * whole training period when it was screened.
     */
    Evaluated complete(Evaluated e) {
        Evaluated here = e.screened() && !marksScreened ? evaluate(e.point()) : e;
        if (!here.cutShort() && !here.holdoutCutShort()) {
            return here;
        }
        PolicySpec p = here.policy();
        ReplayResult train = here.cutShort() ? unlendable(replay.run(p, StopRule.NEVER)) : here.trainRun();
        Evaluated whole = new Evaluated(here.point(), here.values(), p, train,
                holdoutReplay.map(h -> unlendable(h.replay().run(p, StopRule.NEVER))), marksScreened);
        cache.put(key(here.point()), whole);
        return whole;
    }

    /**
     * A replay run to the end where this search's replays may end early: not lent ({@link #lent}), since a point
     * replayed here would have been cut short where it is not.
     */
    private static ReplayResult unlendable(ReplayResult r) {
        return new ReplayResult(r.days(), r.total(), r.cutShort(), ReplayResult.UNKNOWN);
    }

    /** The same space over the screening span (empty: this search does not screen). */
    Optional<Search> screen() {
        return screen;
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

    /** Every point this search replayed, in point order. */
    List<Evaluated> replayed() {
        List<Evaluated> out = new ArrayList<>(cache.values());
        out.sort(Comparator.comparing(e -> key(e.point()), Search::compareKeys));
        return out;
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
