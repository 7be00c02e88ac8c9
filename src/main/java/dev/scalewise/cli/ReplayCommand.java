package dev.scalewise.cli;

import dev.scalewise.Numbers;
import dev.scalewise.UserError;
import dev.scalewise.calibrate.BreachRange;
import dev.scalewise.backtest.CostBasis;
import dev.scalewise.backtest.PolicyId;
import dev.scalewise.backtest.SingleReplay;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.jobs.HistoryJob;
import dev.scalewise.jobs.PolicyBundle;
import dev.scalewise.jobs.SparkSessions;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ModelEntry;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.report.Column;
import dev.scalewise.report.Format;
import dev.scalewise.report.Table;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.TimelineRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** `scalewise replay`: one service x one policy, step by step: the debugging view. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays one policy on one service's history and prints the fitted service model and the "
                + "outcome; with --timeline also the timeline: per decision period the demand, the signal as the "
                + "controller saw it, desired, starting and ready replicas, backlog, modeled latency, breach and cost.",
                "Semantics: docs/replay.md (the load balancer spreads demand evenly over ready replicas)."},
        footer = {"", "Examples:",
                "  scalewise replay --data sample-data --policy policies/hpa-rerank-capped.yaml",
                "  scalewise replay --data sample-data --policy policies/hpa-behavior.yaml --service llm-chat \\",
                "      --from 2026-10-13 --to 2026-10-13 --timeline timeline.csv",
                "  scalewise replay --data sample-data --policy policies/hpa-rerank-capped.yaml --timeline --format csv"})
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "Policy manifest (or - for stdin).")
    String policy;

    @Option(names = "--service", paramLabel = "NAME",
            description = "Service to replay; needed when the file holds policies of several services.")
    String service;

    @Option(names = "--services", paramLabel = "FILE", description = "services.yaml (SLO, startup, price).")
    String services;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, csv or markdown (default: ${DEFAULT-VALUE}); csv prints the timeline "
                    + "with --timeline, else the outcome.")
    String format;

    @Option(names = "--timeline", arity = "0..1", paramLabel = "FILE", fallbackValue = "-",
            description = "Also the timeline (one row per decision period): on stdout in --format, or into FILE "
                    + "(csv; json when FILE ends in .json).")
    String timeline;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    SparkOptions sparkOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (timeline != null && !"-".equals(timeline)) {
            ReportFile.checkWritable("--timeline", timeline);
        }
        Format fmt = OptionValues.format(format);
        PolicyBundle bundle = PolicyBundle.read(List.of(policy), Optional.ofNullable(services));
        PolicySpec chosen = choose(bundle.policySet().policies());
        String name = chosen.meta().service();
        PrintWriter err = spec.commandLine().getErr();
        ServiceSpec serviceSpec = bundle.service(name);
        SingleReplay.Result replay = SingleReplay.run(chosen, serviceSpec, service -> {
            HistoryJob.Result read;
            try (SparkSessions.Handle session = SparkSessions.open(sparkOptions.settings())) {
                new Progress(err).say("reading " + service + " from " + dataOptions.data);
                read = HistoryJob.histories(session, dataOptions.data, Set.of(service), dataOptions.from(),
                        dataOptions.to(), dataOptions.stepSeconds(), dataOptions.costTag());
            }
            read.quality().lines().forEach(l -> err.println("scalewise: note: " + l));
            return read.history(service);
        });
        ServiceHistory h = replay.history();
        ServiceModel model = replay.model();
        List<String> costBasis = CostBasis.notes(List.of(chosen), bundle.services());
        costBasis.forEach(l -> err.println("scalewise: note: " + l));

        PrintWriter out = spec.commandLine().getOut();
        Table steps = timelineTable(h, replay.timeline(), replay.shown());
        boolean stepsHere = "-".equals(timeline);
        if (timeline != null && !stepsHere) {
            writeTimeline(steps, Path.of(timeline), err);
        }
        Table outcome = keyValues(outcomeMap(replay.total()));
        if (fmt == Format.CSV) {
            fmt.renderer().render(stepsHere ? steps : outcome, out);
        } else if (fmt == Format.JSON) {
            Table doc = (stepsHere ? steps : outcome).withSection("model", modelMap(model))
                    .withSection("outcome", outcomeMap(replay.total()))
                    .withSection("assumption", "the load balancer spreads demand evenly over ready replicas");
            fmt.renderer().render(costBasis.isEmpty() ? doc : doc.withSection("costBasis", costBasis), out);
        } else {
            out.println("Fitted model of " + name + " (" + serviceSpec.slo().percentile().name().toLowerCase() + " <= "
                    + Numbers.plain(serviceSpec.slo().thresholdMs()) + " ms in "
                    + Numbers.plain(serviceSpec.slo().objective() * 100) + " % of minutes):");
            fmt.renderer().render(modelTable(model), out);
            out.println();
            out.println("Outcome of " + PolicyId.of(chosen).label() + " over " + h.steps() * (long) h.stepSeconds() / 86_400
                    + " days (demand spread evenly over ready replicas):");
            fmt.renderer().render(outcome, out);
            if (stepsHere) {
                out.println();
                fmt.renderer().render(steps, out);
            } else if (timeline == null) {
                out.println();
                out.println("(" + Numbers.count(steps.rows().size()) + " decision periods: --timeline prints them, "
                        + "--timeline FILE writes them)");
            }
        }
        out.flush();
        return 0;
    }

    private PolicySpec choose(List<PolicySpec> all) {
        List<PolicySpec> candidates = service == null ? all
                : all.stream().filter(p -> p.meta().service().equals(service)).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<String> found = all.stream().map(p -> PolicyId.of(p).label() + " (service " + p.meta().service() + ")").toList();
        throw new UserError(policy + ": " + (candidates.isEmpty() ? "no policy" : candidates.size() + " policies")
                + (service == null ? "" : " for service '" + service + "'") + "; expected exactly one. Found: " + found
                + (service == null ? "; pick one with --service" : ""));
    }

    private static Table timelineTable(ServiceHistory h, List<TimelineRow> rows, Signal shown) {
        List<Column> cols = List.of(Column.text("time"), Column.number("demand_rps"), Column.number(shown.id() + "_seen"),
                Column.integer("desired"), Column.integer("starting"), Column.integer("ready"), Column.number("backlog"),
                Column.number("latency_ms"), Column.text("breach"), Column.number("cost"));
        List<List<Object>> out = new ArrayList<>();
        for (TimelineRow r : rows) {
            out.add(List.of(h.start().plusSeconds(r.secondsSinceStart()).toString(), r.demandRps(), r.signalSeen(),
                    (long) r.desiredReplicas(), (long) r.startingReplicas(), (long) r.readyReplicas(), r.backlogRequests(),
                    r.latencyMs(), r.breach() ? "yes" : "", r.cost()));
        }
        return new Table(cols, out);
    }

    /** The timeline as csv, or json when the file's name ends in .json; whole or not at all. */
    private static void writeTimeline(Table steps, Path file, PrintWriter err) {
        Format f = file.getFileName().toString().endsWith(".json") ? Format.JSON : Format.CSV;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".scalewise-timeline-", ".tmp");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                f.renderer().render(steps, w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("cannot write the timeline to " + file + ": " + e.getMessage());
        }
        err.println("scalewise: wrote " + Numbers.count(steps.rows().size()) + " decision periods to " + file);
    }

    private static List<Map<String, Object>> modelMap(ServiceModel m) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ModelEntry e : ModelEntry.of(m)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("parameter", e.parameter());
            entry.put("value", e.value());
            entry.put("basis", e.basis());
            entry.put("confidence", e.confidence());
            entry.put("samples", e.samples());
            entry.put("note", e.note());
            out.add(entry);
        }
        return out;
    }

    private static Table modelTable(ServiceModel m) {
        List<List<Object>> rows = new ArrayList<>();
        for (ModelEntry e : ModelEntry.of(m)) {
            rows.add(List.of(e.parameter(), e.value(), e.basis(), e.confidence(), e.samples(), e.note()));
        }
        return new Table(List.of(Column.text("parameter"), Column.text("value"), Column.text("basis"),
                Column.text("confidence"), Column.integer("samples"), Column.text("note")), rows);
    }

    private static Map<String, Object> outcomeMap(Outcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", o.requests());
        out.put("cost", o.cost());
        out.put("currency", o.currency());
        out.put("costPer1k", o.costPer1k());
        if (Double.isFinite(o.promptTokens())) { // an LLM service with tokens (docs/tokens.md)
            out.put("promptTokens", o.promptTokens());
            out.put("generationTokens", o.generationTokens());
            out.put("costPer1MInputTokens", o.costPer1MInputTokens());
            out.put("costPer1MOutputTokens", o.costPer1MOutputTokens());
            out.put("costPer1MTokens", o.costPer1MTokens());
        }
        out.put("replicaHours", o.replicaHours());
        out.put("meanReplicas", o.meanReplicas());
        out.put("p95Replicas", o.p95Replicas());
        out.put("maxReplicas", o.maxReplicas());
        out.put("sloMinutes", o.sloMinutes());
        if (o.unidentifiedBreachMinutes() == 0) {
            out.put("breachMinutes", o.breachMinutes());
            out.put("budgetBurn", o.budgetBurn());
        } else {
            // a count resting on load history never showed is a range, not a number
            out.put("breachMinutesRange", BreachRange.text(o.breachMinutes(), o.unidentifiedBreachMinutes()));
        }
        if (Double.isFinite(o.ttftBreachMinutes())) { // each target judged alone (docs/tokens.md)
            out.put("ttftBreachMinutes", (long) o.ttftBreachMinutes());
        }
        if (Double.isFinite(o.tpotBreachMinutes())) {
            out.put("tpotBreachMinutes", (long) o.tpotBreachMinutes());
        }
        out.put("aboveObservedMinutes", o.aboveObservedMinutes());
        out.put("scaleUpEvents", o.scaleUpEvents());
        out.put("scaleDownEvents", o.scaleDownEvents());
        out.put("coldStartMinutes", o.coldStartMinutes());
        out.put("idleShare", o.idleShare());
        return out;
    }

    private static Table keyValues(Map<String, Object> map) {
        List<List<Object>> rows = new ArrayList<>();
        map.forEach((k, v) -> rows.add(List.of(k, v instanceof Double d ? Numbers.readable(d)
                : v instanceof Long l ? Numbers.count(l) : String.valueOf(v))));
        return new Table(List.of(Column.text("field"), Column.text("value")), rows);
    }
}
