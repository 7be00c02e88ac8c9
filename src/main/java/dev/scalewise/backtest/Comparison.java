package dev.scalewise.backtest;

import dev.scalewise.calibrate.BreachRange;
import dev.scalewise.report.Column;
import dev.scalewise.report.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-service comparison `backtest` prints: every policy next to the observed baseline, its cost
 * per 1k inferences and the change against observed, SLO breaches and budget burn, replicas, scale
 * events and cold starts, minutes above the load history showed and the service's calibration verdict;
 * the cheapest policy that meets the SLO is marked. A breach count that rests on load history never
 * showed is no number but a range ({@link BreachRange}), and its verdict says so.
 */
public final class Comparison {
    static final String BEST = "cheapest meeting SLO";
    static final String NOT_IDENTIFIABLE = "not identifiable from history";

    private Comparison() {
    }

    public static Table of(List<PolicyTotal> totals) {
        Map<String, List<PolicyTotal>> byService = new LinkedHashMap<>();
        totals.stream().sorted(Comparator.comparing(PolicyTotal::service))
                .forEach(t -> byService.computeIfAbsent(t.service(), k -> new ArrayList<>()).add(t));
        List<List<Object>> rows = new ArrayList<>();
        // cost per million tokens only where some service has tokens (LLM servers), beside cost per 1k
        boolean tokens = totals.stream().anyMatch(t -> Double.isFinite(t.costPer1MTokens()));
        // TTFT and TPOT breach minutes apart only where some service holds such a target
        boolean targets = totals.stream().anyMatch(t -> Double.isFinite(t.ttftBreachMinutes())
                || Double.isFinite(t.tpotBreachMinutes()));
        byService.forEach((service, list) -> {
            Optional<PolicyTotal> observed = list.stream().filter(t -> t.family().equals("observed")).findFirst();
            Optional<PolicyTotal> best = cheapestMeetingSlo(list);
            list.stream().sorted(Comparator.comparing((PolicyTotal t) -> !t.family().equals("observed"))
                            .thenComparing(PolicyTotal::policy))
                    .forEach(t -> {
                        List<Object> row = new ArrayList<>(List.of(service, t.policy(), t.family(), t.costPer1k()));
                        if (tokens) {
                            row.add(t.costPer1MTokens());
                        }
                        row.addAll(List.of(observed.map(o -> change(t.costPer1k(), o.costPer1k())).orElse(Double.NaN),
                                t.cost(), BreachRange.count(t.breachMinutes(), t.unidentifiedBreachMinutes()),
                                BreachRange.text(t.breachMinutes(), t.unidentifiedBreachMinutes())));
                        if (targets) {
                            row.addAll(List.of(t.ttftBreachMinutes(), t.tpotBreachMinutes()));
                        }
                        row.addAll(List.of(t.breachesIdentified() ? t.budgetBurn() : Double.NaN, t.peakP95Replicas(),
                                t.scaleEvents(), t.coldStartMinutes(), t.aboveObservedMinutes(), t.trust(),
                                verdict(t, best)));
                        rows.add(row);
                    });
        });
        List<Column> columns = new ArrayList<>(List.of(new Column("service", Column.Type.TEXT),
                new Column("policy", Column.Type.TEXT), new Column("family", Column.Type.TEXT),
                Column.money("cost_per_1k")));
        if (tokens) {
            columns.add(Column.money("cost_per_1m_tok"));
        }
        List<Object> fleet = new ArrayList<>(observedFleet(totals));
        if (tokens) {
            fleet.add(4, Double.NaN);
        }
        if (targets) { // after breach_range
            fleet.addAll(tokens ? 9 : 8, List.of(Double.NaN, Double.NaN));
        }
        columns.addAll(List.of(Column.percent("vs_observed_pct"), Column.money("cost"),
                new Column("breach_min", Column.Type.INTEGER), new Column("breach_range", Column.Type.TEXT)));
        if (targets) {
            columns.addAll(List.of(new Column("ttft_breach_min", Column.Type.INTEGER),
                    new Column("tpot_breach_min", Column.Type.INTEGER)));
        }
        columns.addAll(List.of(Column.ratio("budget_burn"),
                new Column("p95_replicas", Column.Type.NUMBER), new Column("scale_events", Column.Type.INTEGER),
                new Column("cold_start_min", Column.Type.INTEGER),
                new Column("above_observed_min", Column.Type.INTEGER).asDetail(),
                new Column("trust", Column.Type.TEXT), new Column("verdict", Column.Type.TEXT)));
        return new Table(columns, rows).withTotals(fleet);
    }

    /**
     * The totals row: the observed run summed over the services (the policies of one service are
     * alternatives, so their sum would mean nothing): cost, cost per 1k over all requests, breach
     * minutes, scale events and cold-start minutes.
     */
    static List<Object> observedFleet(List<PolicyTotal> totals) {
        double requests = 0;
        double cost = 0;
        long breach = 0;
        long events = 0;
        long cold = 0;
        int services = 0;
        for (PolicyTotal t : totals) {
            if (t.family().equals("observed")) {
                requests += t.requests();
                cost += t.cost();
                breach += t.breachMinutes();
                events += t.scaleEvents();
                cold += t.coldStartMinutes();
                services++;
            }
        }
        return List.of("total", "observed, " + services + " service" + (services == 1 ? "" : "s"), "observed",
                requests > 0 ? cost / requests * 1000 : Double.NaN, Double.NaN, cost, breach, "", Double.NaN, Double.NaN,
                events, cold, 0L, "", "");
    }

    private static String verdict(PolicyTotal t, Optional<PolicyTotal> best) {
        if (best.filter(b -> b == t).isPresent()) {
            return BEST;
        }
        if (t.meetsSlo()) {
            return "";
        }
        return t.breachesSlo() ? "breaches SLO" : NOT_IDENTIFIABLE;
    }

    /** Among the replayed policies (not the observed run), the lowest cost per 1k within the error budget. */
    static Optional<PolicyTotal> cheapestMeetingSlo(List<PolicyTotal> list) {
        return list.stream().filter(t -> !t.family().equals("observed")).filter(PolicyTotal::meetsSlo)
                .filter(t -> Double.isFinite(t.costPer1k())).min(Comparator.comparingDouble(PolicyTotal::costPer1k));
    }

    /** Percent change of a against b. */
    static double change(double a, double b) {
        return b > 0 ? (a - b) / b * 100 : Double.NaN;
    }
}
