package dev.scalewise.recommend;

import dev.scalewise.Numbers;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.recommend.Recommendation.Evidence;
import dev.scalewise.recommend.Recommendation.Monthly;
import dev.scalewise.recommend.Recommendation.Periods;
import dev.scalewise.recommend.Recommendation.Robustness;
import dev.scalewise.recommend.Recommendation.Status;
import dev.scalewise.recommend.Search.Evaluated;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayInput;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.StopRule;
import dev.scalewise.sim.autoscaler.PolicyReplay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recommends settings for one service's policy and proves them by replay (docs/recommend.md): against the
 * service's {@link ServiceBasis} (the model fitted on the training period, once for all its policies),
 * searches the policy's space ({@link Search}), replays the winner and the current policy on train and
 * holdout beside the observed run, stresses the winner (+20 % demand,
 * 1.5x startup), and explains the binding constraint. A pure function of its inputs: callable per
 * service inside a Spark executor; the only parallelism is the search's, over candidates.
 */
public final class Recommender {
    static final double MONTH_DAYS = 30;

    private Recommender() {
    }

    public static Recommendation recommend(ServiceHistory history, ServiceSpec spec, PolicySpec current,
                                           RecommendOptions opts) {
        return recommend(ServiceBasis.fit(history, spec, opts.holdoutFraction()), current, opts);
    }

    /** With a stated model (tests, what-ifs): the model is not refitted. */
    public static Recommendation recommend(Split split, ServiceModel model, ServiceSpec spec, PolicySpec current,
                                           RecommendOptions opts) {
        return recommend(ServiceBasis.of(split, model, spec), current, opts);
    }

    /**
     * Against a basis fitted once for the service (every policy of a service shares its split, model and
     * observed run); {@code opts.holdoutFraction()} is the basis's.
     */
    public static Recommendation recommend(ServiceBasis basis, PolicySpec current, RecommendOptions opts) {
        Split split = basis.split();
        ServiceModel model = basis.model();
        ServiceSpec spec = basis.spec();
        if (basis.unreplayable().isPresent()) {
            return new Recommendation(split.train().service(), current.meta().name(), current.meta().sourceKind(),
                    current.meta().name(), current.meta().location().file(), Status.CANNOT_RECOMMEND,
                    basis.unreplayable().get(), List.of(), "", Optional.empty());
        }
        ServiceBasis.Observed observed = basis.observed().orElseThrow();
        double maxBurn = opts.objective().maxBudgetBurn();
        ServiceHistory train = split.train();
        ServiceHistory holdout = split.holdout();
        Tuner tuner = Tuners.of(current, model, spec, train, opts);
        // one replay per period for every policy replayed over it: the current one and the candidates
        Search.PeriodReplay onTrainPeriod = periodReplay(train, model, spec);
        Search.PeriodReplay onHoldout = periodReplay(holdout, model, spec);
        Outcome currentTrain = onTrainPeriod.toEnd(current);
        Outcome currentHoldout = onHoldout.toEnd(current);
        Outcome observedTrain = observed.train();
        Outcome observedHoldout = observed.holdout();

        boolean bounded = model.capacityBeyondHistory();
        Search.Criteria criteria = opts.objective().noWorse()
                ? new Search.Criteria(maxBurn, currentTrain.breachMinutes(), currentHoldout.breachMinutes(), bounded)
                : Search.Criteria.burn(maxBurn, bounded);
        // a training replay may end once it is over the budget, and over the current policy's burn too (a
        // setting that lowers the burn is looked for among the rest when nothing meets the budget)
        StopRule stop = new StopRule(Math.max(maxBurn, currentTrain.budgetBurn()), criteria.maxTrainBreaches());
        Search whole = new Search(tuner, onTrainPeriod, stop, criteria, opts.parallelSearch());
        Optional<ServiceHistory> span = screeningSpan(train, opts.screenDays());
        Search search = span.map(h -> screened(whole, h, current, model, spec, opts, criteria, currentHoldout))
                .orElse(whole);
        Search.Result onTrain = search.run();
        // the cheapest on train, checked on the holdout; when it misses there, the same space searched again for
        // the cheapest setting meeting both (more headroom), and failing that the one lowering the burn most
        // a holdout replay may end once over the SLO's budget there, and over the current policy's burn (the
        // lowers-the-burn fallback compares the rest), or for no-worse over its breach minutes
        Search validating = search.validating(new Search.Holdout(onHoldout,
                new StopRule(Math.max(1.0, currentHoldout.budgetBurn()), criteria.maxHoldoutBreaches())));
        Optional<Evaluated> trainBest = onTrain.best().map(e -> validating.evaluate(e.point()));
        Optional<Evaluated> chosen = trainBest.filter(validating::feasible);
        Optional<Evaluated> failedOnHoldout = trainBest.filter(e -> !validating.feasible(e)).map(validating::complete);
        Optional<Evaluated> lowersBurn = Optional.empty();
        Optional<Evaluated> mostHeadroom = Optional.empty();
        Search explaining = search;
        Search.Result found = onTrain;
        List<Evaluated> evaluated = onTrain.evaluated();
        if (chosen.isEmpty()) {
            Search.Result fallback = validating.run();
            chosen = fallback.best();
            explaining = validating;
            found = fallback;
            evaluated = Search.merged(onTrain.evaluated(), fallback.evaluated());
            mostHeadroom = validating.mostHeadroom().map(validating::complete);
            if (chosen.isEmpty()) {
                // nothing held, so the whole period was searched too: its points, not the span's, are compared
                lowersBurn = lowestBurn(fallback.evaluated().stream().filter(e -> !e.screened())
                        .filter(validating::identifiable).toList(), currentTrain, currentHoldout);
            }
        }
        String fix = Remedy.of(tuner, mostHeadroom);
        Optional<String> broken = brokenConstraint(current, tuner.limits);
        long onlyBeyond = evaluated.stream().filter(e -> search.withinBudget(e) && !search.identifiable(e)).count();
        Verdict.Unobserved unobserved = new Verdict.Unobserved(bounded, model.busiestLoadPerReplica().value(),
                model.capacityPerReplica().basis().label(), onlyBeyond);
        Verdict verdict = Verdict.decide(new Verdict.Found(chosen, failedOnHoldout, lowersBurn, mostHeadroom, fix),
                currentTrain, currentHoldout, broken, maxBurn, unobserved, e -> changesText(tuner, e));
        Status status = verdict.status();

        Evaluated shown = validating.complete(status == Status.LOWERS_BURN ? lowersBurn.orElseThrow()
                : chosen.or(() -> failedOnHoldout).orElseGet(() -> validating.evaluate(tuner.currentPoint())));
        PolicySpec recommended = shown.policy();
        Outcome recTrain = shown.train();
        Outcome recHoldout = shown.holdout().orElseGet(() -> onHoldout.toEnd(recommended));
        String reason = verdict.reason() + versusObserved(status, recHoldout, observedHoldout);
        boolean stands = status == Status.RECOMMENDED || status == Status.LOWERS_BURN;
        // the knobs and the binding constraint are explained by the replays that found the winner: the screening
        // span's when it was found there (its neighbours were replayed on it), and the sentences say so
        boolean onSpan = found.onSpan();
        Search explainer = onSpan ? explaining.screen().orElseThrow() : explaining;
        ServiceHistory explainedOn = onSpan ? span.orElseThrow() : train;
        String days = Numbers.plain(explainedOn.days());
        List<KnobChange> knobs = stands ? tuner.changes(shown.values(), KnobReasons.of(explainer.complete(
                explainer.evaluate(shown.point())), tuner, explainer, onSpan ? "the replay of the last " + days
                + " training days" : "the training replay")) : tuner.unchanged();
        // the span's own replays (a point also replayed over the whole period stands for itself in `evaluated`)
        List<Evaluated> replayedThere = onSpan ? explainer.replayed()
                : evaluated.stream().filter(e -> !e.screened()).toList();
        String explanation = status == Status.RECOMMENDED && chosen.isPresent()
                ? BindingConstraint.explain(explainer.complete(explainer.evaluate(chosen.get().point())), replayedThere,
                tuner, explainer, e -> hourly(e.policy(), explainedOn, model, spec), maxBurn,
                onSpan ? "over the last " + days + " training days," : "train")
                : "";

        Robustness robustness = StressTest.run(recommended, current, holdout, model, spec);
        Monthly monthly = monthly(recHoldout, currentHoldout, observedHoldout, split, status == Status.RECOMMENDED);
        Evidence evidence = new Evidence(new Periods(currentTrain, recTrain, observedTrain),
                new Periods(currentHoldout, recHoldout, observedHoldout), split.heldOut(), monthly, robustness,
                Frontier.of(evaluated, tuner, maxBurn), evaluated.size(), opts.objective(), recommended,
                observed.calibration());
        return new Recommendation(train.service(), current.meta().name(), tuner.manifestKind(), tuner.manifestName(),
                tuner.manifestFile(),
                status, reason, knobs, explanation, Optional.of(evidence));
    }

    /** Replays over one period, which is made ready for replay once for all of them. */
    static Search.PeriodReplay periodReplay(ServiceHistory h, ServiceModel model, ServiceSpec spec) {
        ReplayInput input = ReplayInput.of(h, model, spec);
        return (p, rule) -> PolicyReplay.run(p, input, ReplayOptions.of(p.meta().name()).withStop(rule));
    }

    /**
     * The last {@code days} whole days of the training period, when it holds at least twice as many (a shorter
     * period gains too little from screening to pay for the confirmation).
     */
    static Optional<ServiceHistory> screeningSpan(ServiceHistory train, int days) {
        if (days <= 0 || Split.DAY_SECONDS % train.stepSeconds() != 0) {
            return Optional.empty();
        }
        int steps = days * (Split.DAY_SECONDS / train.stepSeconds());
        return train.steps() >= 2 * steps ? Optional.of(train.slice(train.steps() - steps, train.steps()))
                : Optional.empty();
    }

    /**
     * {@code whole} screened on the span: the same objective, with the current policy's breach minutes there
     * standing in for its training ones ({@code no-worse}). The span's replays end once over the budget: the
     * lowers-the-burn fallback, which needs the rest, compares candidates of the whole period.
     */
    private static Search screened(Search whole, ServiceHistory span, PolicySpec current, ServiceModel model,
                                   ServiceSpec spec, RecommendOptions opts, Search.Criteria criteria,
                                   Outcome currentHoldout) {
        double maxBurn = opts.objective().maxBudgetBurn();
        Search.PeriodReplay onSpanPeriod = periodReplay(span, model, spec);
        Search.Criteria onSpan = opts.objective().noWorse()
                ? new Search.Criteria(maxBurn, onSpanPeriod.toEnd(current).breachMinutes(),
                currentHoldout.breachMinutes(), criteria.withinObservedLoad())
                : criteria;
        return whole.screenedBy(onSpanPeriod, new StopRule(maxBurn, onSpan.maxTrainBreaches()), onSpan);
    }

    /**
     * Of the settings replayed on both periods, the one with the lowest holdout budget burn (then the lowest
     * on train, then the cheapest), when it burns less than the current policy on the holdout and no more on
     * train.
     */
    static Optional<Evaluated> lowestBurn(List<Evaluated> evaluated, Outcome currentTrain, Outcome currentHoldout) {
        Optional<Evaluated> best = Optional.empty();
        for (Evaluated e : evaluated) {
            Outcome h = e.holdout().orElse(null);
            if (h == null || !(h.budgetBurn() < currentHoldout.budgetBurn())
                    || e.train().budgetBurn() > currentTrain.budgetBurn()) {
                continue;
            }
            if (best.isEmpty() || lowerBurn(e, best.get())) {
                best = Optional.of(e);
            }
        }
        return best;
    }

    private static boolean lowerBurn(Evaluated a, Evaluated b) {
        int c = Double.compare(a.holdout().orElseThrow().budgetBurn(), b.holdout().orElseThrow().budgetBurn());
        if (c == 0) {
            c = Double.compare(a.train().budgetBurn(), b.train().budgetBurn());
        }
        return c != 0 ? c < 0 : a.train().cost() < b.train().cost();
    }

    /** The changed knobs of a setting, "maxReplicas 20->46, ..." ("no change" when none). */
    static String changesText(Tuner tuner, Evaluated e) {
        List<String> parts = new ArrayList<>();
        for (KnobChange k : tuner.changes(e.values())) {
            if (k.changed()) {
                parts.add(k.name() + " " + k.format().text(k.current()) + "->" + k.text());
            }
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    /**
     * The lowest maxReplicas a policy may get because scheduled policies of the same set use it as their
     * base: the highest replicas of their windows (else the emitted set would not load). Pass it as
     * {@code opts.withMaxFloor(...)} when recommending the base policy itself.
     */
    public static int maxFloorFor(PolicySpec policy, List<PolicySpec> set) {
        int floor = 0;
        for (PolicySpec p : set) {
            if (p instanceof dev.scalewise.policy.ScheduledPolicy s && s.base().meta().name().equals(policy.meta().name())
                    && s.base().meta().sourceKind().equals(policy.meta().sourceKind())) {
                for (dev.scalewise.policy.ScheduledPolicy.Window w : s.windows()) {
                    floor = Math.max(floor, w.replicas());
                }
            }
        }
        return floor;
    }

    static Optional<String> brokenConstraint(PolicySpec current, Limits limits) {
        if (current.minReplicas() < limits.floor) {
            return Optional.of("minReplicas " + current.minReplicas() + " is below the availability floor " + limits.floor);
        }
        if (current.maxReplicas() > limits.cap) {
            return Optional.of("maxReplicas " + current.maxReplicas() + " is above the cap " + limits.cap);
        }
        return Optional.empty();
    }

    static Optional<String> unreplayable(ServiceModel model, ServiceHistory history) {
        if (history.steps() == 0) {
            return Optional.of("no history");
        }
        Fitted capacity = model.capacityPerReplica();
        if (!(capacity.value() > 0) || Double.isInfinite(capacity.value())) {
            return Optional.of("capacity per replica is unknown (" + capacity.note() + ")");
        }
        if (!model.pricePerReplicaHour().known()) {
            return Optional.of("price per replica-hour is unknown (" + model.pricePerReplicaHour().note() + ")");
        }
        if (!(model.startupSeconds().value() >= 0)) {
            return Optional.of("startup seconds are unknown (" + model.startupSeconds().note() + ")");
        }
        return Optional.empty();
    }

    static Outcome replay(PolicySpec p, ServiceHistory h, ServiceModel model, ServiceSpec spec) {
        return PolicyReplay.run(p, h, model, spec).total();
    }

    private static HourlyBreaches hourly(PolicySpec p, ServiceHistory h, ServiceModel model, ServiceSpec spec) {
        HourlyBreaches hourly = new HourlyBreaches(h.start(), (long) h.steps() * h.stepSeconds());
        PolicyReplay.run(p, h, model, spec, ReplayOptions.of(p.meta().name()).withTimeline(hourly,
                dev.scalewise.policy.Signal.RPS));
        return hourly;
    }

    /** Savings only for a recommendation that stands (a rejected row shows none). */
    private static Monthly monthly(Outcome rec, Outcome current, Outcome observed, Split split, boolean recommended) {
        double days = split.holdoutDays();
        double perMonth = days > 0 ? MONTH_DAYS / days : Double.NaN;
        return new Monthly(current.cost() * perMonth, rec.cost() * perMonth, observed.cost() * perMonth, rec.currency(),
                recommended ? percentLess(rec.cost(), current.cost()) : Double.NaN,
                recommended ? percentLess(rec.cost(), observed.cost()) : Double.NaN);
    }

    /**
     * The bar is the fleet as it ran, not only the configured policy: say so when the
     * recommendation, though the best this policy's knobs reach within the SLO, still costs more.
     */
    static String versusObserved(Status status, Outcome recHoldout, Outcome observedHoldout) {
        if (status != Status.RECOMMENDED || !(observedHoldout.cost() > 0) || recHoldout.cost() <= observedHoldout.cost()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "; it still costs %.1f %% more than the observed run on the holdout "
                        + "(%.0f vs %.0f %s): the fleet ran a different policy, and no setting of this policy's knobs "
                        + "reaches that cost within the SLO", -percentLess(recHoldout.cost(), observedHoldout.cost()),
                recHoldout.cost(), observedHoldout.cost(), recHoldout.currency());
    }

    static double percentLess(double value, double reference) {
        return reference > 0 ? (reference - value) / reference * 100 : Double.NaN;
    }
}
