package dev.scalewise.cli;

import dev.scalewise.jobs.AnalyzeJob;
import dev.scalewise.jobs.CalibrateJob;
import dev.scalewise.jobs.SparkSessions;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.report.Column;
import dev.scalewise.report.Format;
import dev.scalewise.report.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** `scalewise calibrate`: how far each service's fitted model reproduces what was observed. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Per service: the model fitted from the exports replays the replicas the service really "
                + "ran, and each minute is compared with what was observed on the same minutes: modeled vs observed "
                + "latency (typical and 90th-percentile error), breach minutes (observed, modeled, both, either), "
                + "replica-minutes; then the verdict trusted / rough / untrusted with its reason, and every number "
                + "of the model with what it is (measured, lower bound, extrapolated, stated, default).",
                "Criteria: docs/replay.md (Calibration). json adds the model's numbers one by one; json, csv, "
                        + "markdown and --wide also the observed cost per 1k requests and, for an LLM server with "
                        + "tokens, per million tokens (blended, input, output)."},
        footer = {"", "Examples:",
                "  scalewise calibrate --data sample-data --services sample-data/services.yaml",
                "  scalewise calibrate --data exports/ --services services.yaml --format json",
                "  scalewise calibrate --data s3a://bucket/exports --services services.yaml \\",
                "      --out s3a://bucket/calibration --master yarn",
                "",
                "With --out, rows go to OUT/date=YYYY-MM-DD (the last day of data); the days written",
                "replace the same days and nothing else."})
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--services", paramLabel = "FILE", description = "services.yaml (SLOs, startup, stated capacity).")
    Path services;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, json, csv or markdown (default: table; with --out and no --format, only a summary).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write Parquet partitioned by date= here.")
    String out;

    @Option(names = "--wide", description = "Every column, whole, however wide the table (default: fits 120 columns).")
    boolean wide;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    SparkOptions sparkOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int stepSeconds = dataOptions.stepSeconds();
        Format fmt = format == null ? Format.TABLE : OptionValues.format(format);
        Map<String, ServiceSpec> specs = services == null ? Map.of() : ServicesFile.load(services.toString());
        PrintWriter err = spec.commandLine().getErr();
        try (SparkSessions.Handle session = SparkSessions.open(sparkOptions.settings())) {
            OutputDir target = out == null ? null : OutputDir.open(session, out, dataOptions.data);
            new Progress(err).say("calibrating on " + dataOptions.data);
            CalibrateJob.Result result = CalibrateJob.run(session, new AnalyzeJob.Request(dataOptions.data,
                    dataOptions.from(), dataOptions.to(), stepSeconds, dataOptions.costTag(), specs));
            result.quality().lines().forEach(l -> err.println("scalewise: note: " + l));
            if (target != null) {
                List<String> written = result.stage(target);
                target.commit();
                err.println("scalewise: wrote " + written.size() + " day partition(s) to " + out);
            }
            if (out == null || format != null) {
                PrintWriter stdout = spec.commandLine().getOut();
                render(result, fmt, wide, stdout);
                stdout.flush();
            }
            err.flush();
        }
        return 0;
    }

    /**
     * In the default table; the others only with --wide (and in csv and markdown). The observed cost per 1k requests
     * and per million tokens are among the others: the trust columns alone fill the 120 a terminal has.
     */
    static final Set<String> SHOWN = Set.of("service", "trust", "latency_error_typical",
            "latency_error_p90", "observed_breach_minutes", "modeled_breach_minutes", "both_breach_minutes",
            "capacity_rps_per_replica", "capacity_kind");
    /** Errors of log latency: two decimals read as "within 30 %" (0.30), as the reasons say. */
    static final Set<String> RATIOS = Set.of("latency_error_typical", "latency_error_p90", "latency_bias");
    static final Set<String> MONEY = Set.of("cost_per_1k", "cost_per_1m_input_tokens", "cost_per_1m_output_tokens",
            "cost_per_1m_tokens");

    /**
     * json: every column with the model's entries; the other formats: every column but those, then (table
     * and markdown) each service's verdict and its reason in words.
     */
    private static void render(CalibrateJob.Result result, Format fmt, boolean wide, PrintWriter stdout) {
        List<Map<String, Object>> rows = result.columns();
        if (fmt == Format.JSON) {
            stdout.println(RowsJson.render("services", rows, result.quality().toMap()));
            return;
        }
        fmt.renderer(wide).render(table(result.table()).withSection("dataQuality", result.quality().toMap()), stdout);
        if (fmt == Format.TABLE || fmt == Format.MARKDOWN) {
            stdout.println();
            for (Map<String, Object> r : rows) {
                String why = r.get("service") + ": " + r.get("trust") + ". " + r.get("trust_reason");
                stdout.println(fmt == Format.MARKDOWN ? "- " + why : RecommendCommand.Rows.wrap(why));
            }
        }
    }

    /** The columns typed for people and the detail ones marked. */
    private static Table table(Table all) {
        List<Column> cols = new ArrayList<>();
        for (Column c : all.columns()) {
            Column typed = RATIOS.contains(c.name()) ? Column.ratio(c.name())
                    : MONEY.contains(c.name()) ? Column.money(c.name()) : c;
            cols.add(SHOWN.contains(c.name()) ? typed : typed.asDetail());
        }
        return new Table(cols, all.rows());
    }
}
