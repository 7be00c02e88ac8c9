package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.backtest.CostBasis;
import dev.scalewise.calibrate.BreachRange;
import dev.scalewise.jobs.PolicyBundle;
import dev.scalewise.jobs.RecommendJob;
import dev.scalewise.jobs.ReportJob;
import dev.scalewise.jobs.SparkSessions;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.recommend.KnobChange;
import dev.scalewise.recommend.ManifestEditor;
import dev.scalewise.recommend.ManifestOutputs;
import dev.scalewise.recommend.Recommendation;
import dev.scalewise.recommend.RecommendationRow;
import dev.scalewise.report.Column;
import dev.scalewise.report.Format;
import dev.scalewise.report.Table;
import dev.scalewise.report.TableRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** `scalewise recommend`: targets, min/max replicas and windows per service, proven on held-out history. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Searches each policy's knobs (target, min/max replicas, stabilization windows, cooldowns) "
                + "on the earlier part of each service's history and confirms the cheapest one meeting the SLO on the "
                + "held-out last part; reports savings, breaches, robustness (+20 %% demand, 1.5x startup), the "
                + "binding constraint, and emits ready-to-apply manifests.",
                "Replay semantics: docs/replay.md (the load balancer spreads demand evenly over ready replicas); "
                        + "search: docs/recommend.md."},
        footer = {"", "Examples:",
                "  scalewise recommend --data sample-data --policies policies",
                "  scalewise recommend --data sample-data --policies policies --service rerank --emit yaml",
                "  scalewise recommend --data exports/ --policies k8s/ --holdout 30%% --max-change 50%% \\",
                "      --objective balanced --format markdown --out recs/",
                "",
                "  scalewise recommend --data exports/ --policies prod/ staging/ --diff",
                "",
                "--out DIR writes DIR/manifests/<path> (each manifest file with the recommended",
                "values applied, every other byte kept, at its path relative to the directory the",
                "edited files share: prod/hpa.yaml and staging/hpa.yaml stay apart) and",
                "DIR/recommendations/date=.../ Parquet. --diff prints a unified diff per manifest."})
final class RecommendCommand implements Callable<Integer> {

    @Option(names = "--service", paramLabel = "NAME", description = "Only this service.")
    String service;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--wide", description = "Every column, whole, however wide the table (default: fits 120 columns).")
    boolean wide;

    @Option(names = "--emit", paramLabel = "yaml", description = "Print the edited manifests instead of the table.")
    String emit;

    @Option(names = "--out", paramLabel = "DIR", description = "Write edited manifests and Parquet here.")
    String out;

    @Option(names = "--diff", description = "Print a unified diff per edited manifest instead of the table (a dry "
            + "run unless --out is given too).")
    boolean diff;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the HTML report of these recommendations (one self-contained file).")
    String html;

    @Mixin
    SearchOptions searchOptions;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    SparkOptions sparkOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OptionChecks.of(spec).exclusive("--emit", "--format",
                "--emit yaml prints the edited manifests instead of a table in any format")
                .exclusive("--diff", "--format", "--diff prints diffs instead of a table in any format")
                .exclusive("--diff", "--emit", "--diff prints what changes, --emit yaml the whole edited manifests");
        Format fmt = OptionValues.format(format);
        if (emit != null && !emit.equalsIgnoreCase("yaml")) {
            throw new UserError("--emit: expected yaml, found '" + emit + "'");
        }
        if (html != null) {
            ReportFile.checkWritable("--html", html);
        }
        RecommendJob.Options options = searchOptions.options();
        PolicyBundle bundle = policyOptions.bundle();
        PrintWriter err = spec.commandLine().getErr();
        List<RecommendationRow> rows;
        Map<String, Object> quality;
        Map<String, String> edited;
        try (SparkSessions.Handle session = SparkSessions.open(sparkOptions.settings())) {
            OutputDir target = out == null ? null : OutputDir.open(session, out, dataOptions.data);
            new Progress(err).say("searching and validating on " + dataOptions.data);
            RecommendJob.Request request = new RecommendJob.Request(dataOptions.data, dataOptions.from(),
                    dataOptions.to(), dataOptions.stepSeconds(), dataOptions.costTag(), bundle, Optional.ofNullable(service),
                    options);
            ReportJob.Result report = null;
            RecommendJob.Result result = null;
            if (html != null) {
                // one pass yields the recommendations and the report's panes
                report = ReportJob.run(session, request);
                report.quality().lines().forEach(l -> err.println("scalewise: note: " + l));
                rows = report.recommendations();
                quality = report.quality().toMap();
            } else {
                result = RecommendJob.run(session, request);
                result.quality().lines().forEach(l -> err.println("scalewise: note: " + l));
                rows = result.collect();
                quality = result.quality().toMap();
            }
            CostBasis.notes(bundle.policySet().policies(), bundle.services()).forEach(l -> err.println("scalewise: note: " + l));
            if (rows.isEmpty()) {
                throw new UserError("no service under " + dataOptions.data + " has a policy in "
                        + String.join(" ", policyOptions.policies) + (service == null ? "" : " (service '" + service + "')"));
            }
            edited = Rows.editedManifests(bundle, rows);
            if (target != null) {
                // the recommendations and the manifests they edit become visible together
                if (report != null) {
                    report.stage(target);
                } else {
                    result.stage(target);
                }
                stageManifests(target, edited);
                target.commit();
                err.println("scalewise: wrote " + edited.size() + " manifest file(s) to " + out + "/manifests");
            }
            if (report != null) {
                ReportFile.write(report, dataOptions.data, html, err);
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (emit != null) {
            edited.forEach((file, text) -> stdout.print("# " + file + "\n" + (text.endsWith("\n") ? text : text + "\n")));
        } else if (diff) {
            edited.forEach((file, text) -> stdout.print(ManifestOutputs.unifiedDiff(file, bundle.text(file), text)));
        } else {
            if (fmt == Format.JSON) {
                // every column of every recommendation (knobs, both periods, robustness, the Pareto frontier)
                stdout.println(RowsJson.render("recommendations", rows.stream().map(RecommendationRow::columns).toList(),
                        quality));
            } else {
                fmt.renderer(wide).render(Rows.table(rows), stdout);
                Rows.why(rows, fmt == Format.MARKDOWN, stdout);
            }
        }
        stdout.flush();
        return 0;
    }

    /**
     * Stages each edited file under OUT/manifests at its path relative to the edited files' common
     * directory (two never share one).
     */
    static void stageManifests(OutputDir target, Map<String, String> edited) {
        Map<String, Path> relative = ManifestOutputs.relativePaths(edited.keySet());
        edited.forEach((file, text) -> target.stageFile("manifests/" + relative.get(file).toString().replace('\\', '/'),
                text.getBytes(StandardCharsets.UTF_8)));
    }

    static final class Rows {
        private Rows() {
        }

        /** Every manifest file with its recommendations applied (files without a change are left out). */
        static Map<String, String> editedManifests(PolicyBundle bundle, List<RecommendationRow> rows) {
            Map<String, List<Recommendation>> byFile = new LinkedHashMap<>();
            for (RecommendationRow row : rows) {
                Recommendation r = row.recommendation();
                if (!r.changes().isEmpty()) {
                    byFile.computeIfAbsent(r.manifestFile(), f -> new ArrayList<>()).add(r);
                }
            }
            Map<String, String> texts = new LinkedHashMap<>();
            byFile.forEach((file, recs) -> texts.put(file, ManifestEditor.applyAll(bundle.text(file), file, recs)));
            return texts;
        }

        /**
         * Per service x policy the holdout's figures; the knob changes and the rest only with --wide. A breach
         * count resting on load history never showed is "-" and its range stands next to it (the range columns
         * are in the default table only when a row has one).
         */
        static Table table(List<RecommendationRow> rows) {
            List<List<Object>> out = new ArrayList<>();
            boolean ranges = false;
            // an LLM service's cost per million tokens and TTFT / TPOT breach minutes, where some row has them
            boolean tokens = rows.stream().anyMatch(r -> r.columns().get("holdout_recommended_cost_per_1m_tokens") != null);
            boolean targets = rows.stream().anyMatch(r -> r.columns().get("holdout_recommended_ttft_breach_minutes") != null
                    || r.columns().get("holdout_recommended_tpot_breach_minutes") != null);
            for (RecommendationRow r : rows) {
                ranges |= unidentified(r, "holdout_current_") > 0 || unidentified(r, "holdout_recommended_") > 0;
                boolean recIdentified = unidentified(r, "holdout_recommended_") == 0;
                Recommendation rec = r.recommendation();
                out.add(List.of(rec.service(), rec.policy(), rec.status().name().toLowerCase(Locale.ROOT),
                        num(r, "holdout_current_cost_per_1k"), num(r, "holdout_recommended_cost_per_1k"),
                        num(r, "savings_pct"), num(r, "monthly_recommended"), breaches(r, "holdout_current_"),
                        range(r, "holdout_current_"), breaches(r, "holdout_recommended_"), range(r, "holdout_recommended_"),
                        num(r, "holdout_recommended_cost_per_1m_tokens"), num(r, "holdout_recommended_ttft_breach_minutes"),
                        num(r, "holdout_recommended_tpot_breach_minutes"), recIdentified ? num(r, "holdout_recommended_budget_burn") : Double.NaN,
                        Boolean.TRUE.equals(r.columns().get("robust")) ? "yes" : "no", r.columns().get("trust"),
                        num(r, "monthly_current"), num(r, "savings_vs_observed_pct"), changes(rec)));
            }
            return new Table(List.of(Column.text("service"), Column.text("policy"), Column.text("status"),
                    Column.money("cost_1k_now"), Column.money("cost_1k_rec"), Column.percent("savings"),
                    Column.money("monthly_rec"), Column.integer("breach_now"), rangeColumn("breach_range_now", ranges),
                    Column.integer("breach_rec"), rangeColumn("breach_range_rec", ranges),
                    shownIf(Column.money("cost_1m_tok_rec"), tokens), shownIf(Column.integer("ttft_breach_rec"), targets),
                    shownIf(Column.integer("tpot_breach_rec"), targets), Column.ratio("burn_rec"),
                    Column.text("robust"), Column.text("trust"), Column.money("monthly_now").asDetail(),
                    Column.percent("savings_vs_observed").asDetail(), Column.text("changes").asDetail()), out);
        }

        /**
         * Under the table: the fleet's totals where they mean something, then per service x policy the
         * knob changes and why (a bullet list in markdown), and the replay's assumption.
         */
        static void why(List<RecommendationRow> rows, boolean markdown, PrintWriter out) {
            String bullet = markdown ? "- " : "";
            out.println();
            String totals = ReportFile.totals(rows.stream().map(ReportFile::json).toList());
            if (totals != null) {
                out.println(markdown ? totals : wrap(totals));
                out.println();
            }
            for (RecommendationRow row : rows) {
                Recommendation r = row.recommendation();
                String changes = changes(r);
                String why = (changes.equals("-") ? "" : changes + ". ") + r.reason()
                        + (r.explanation().isEmpty() ? "" : ". " + r.explanation())
                        + knobReasons(r);
                String who = r.service() + " / " + r.policy();
                out.println(markdown ? bullet + "**" + who + "**: " + why : wrap(who + ": " + why));
            }
            out.println();
            out.println(markdown ? "_Replayed with demand spread evenly over ready replicas; see docs/replay.md._"
                    : "(replayed with demand spread evenly over ready replicas; see docs/replay.md)");
        }

        /** A paragraph wrapped at the table's width, continuation lines indented. */
        static String wrap(String text) {
            StringBuilder out = new StringBuilder();
            int column = 0;
            for (String word : text.split(" ")) {
                if (column > 0 && column + 1 + word.length() > TableRenderer.DEFAULT_WIDTH) {
                    out.append('\n').append("    ");
                    column = 4;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
            return out.toString();
        }

        private static Column rangeColumn(String name, boolean shown) {
            return shownIf(Column.text(name), shown);
        }

        /** In the default table when {@code shown}, else only with --wide. */
        private static Column shownIf(Column c, boolean shown) {
            return shown ? c : c.asDetail();
        }

        /** A series' breach minutes on the holdout when history confirms them all, else unknown (see its range). */
        static Object breaches(RecommendationRow r, String prefix) {
            Object v = r.columns().get(prefix + "breach_minutes");
            return v == null ? (Object) Double.NaN
                    : BreachRange.count(((Number) v).longValue(), unidentified(r, prefix));
        }

        static String range(RecommendationRow r, String prefix) {
            Object v = r.columns().get(prefix + "breach_minutes");
            return v == null ? "" : BreachRange.text(((Number) v).longValue(), unidentified(r, prefix));
        }

        static long unidentified(RecommendationRow r, String prefix) {
            Object v = r.columns().get(prefix + "unidentified_breach_minutes");
            return v == null ? 0 : ((Number) v).longValue();
        }

        /** Each changed knob's sentence (what in the history sets it), after the reason. */
        static String knobReasons(Recommendation rec) {
            StringBuilder out = new StringBuilder();
            for (KnobChange k : rec.changes()) {
                if (!k.why().isEmpty()) {
                    out.append(". ").append(k.why());
                }
            }
            return out.toString();
        }

        static String changes(Recommendation rec) {
            List<String> parts = new ArrayList<>();
            for (KnobChange k : rec.knobs()) {
                if (k.changed()) {
                    parts.add(k.name() + " " + k.format().text(k.current()) + "->" + k.text());
                }
            }
            return parts.isEmpty() ? "-" : String.join(", ", parts);
        }

        static double num(RecommendationRow r, String column) {
            Object v = r.columns().get(column);
            return v == null ? Double.NaN : ((Number) v).doubleValue();
        }
    }
}
