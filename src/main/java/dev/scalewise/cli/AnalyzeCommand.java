package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.jobs.AnalyzeJob;
import dev.scalewise.jobs.PartitionedWriter;
import dev.scalewise.jobs.RowTables;
import dev.scalewise.jobs.SparkSessions;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.report.Format;
import dev.scalewise.report.Table;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `scalewise analyze`: the as-run baseline per service and day. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "As-run baseline per service and UTC day: requests, cost per 1k inferences, replica-hours, "
                + "GPU utilization, SLO breach minutes and budget burn, idle share. Bad rows are counted and reported "
                + "on stderr (and in JSON); see docs/data-validation.md and docs/analyze.md.",
        footer = {"", "Examples:",
                "  scalewise analyze --data exports/",
                "  scalewise analyze --data exports/ --services services.yaml \\",
                "      --from 2026-01-05 --to 2026-01-11 --format markdown",
                "  scalewise analyze --data s3a://bucket/exports --out s3a://bucket/analyze \\",
                "      --master yarn --conf spark.executor.memory=4g",
                "",
                "With --out, the days analysed replace the same days under OUT (Parquet,",
                "date=YYYY-MM-DD) and nothing else; a failed run leaves OUT as it was."})
final class AnalyzeCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Directory (any Hadoop path) holding requests/ and optionally latency/, gpu/, billing/.")
    String data;

    @Option(names = "--services", paramLabel = "FILE", description = "services.yaml with each service's SLO.")
    Path services;

    @Option(names = "--from", paramLabel = "DATE", description = "First UTC day (yyyy-MM-dd), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last UTC day (yyyy-MM-dd), inclusive.")
    LocalDate to;

    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "60s",
            description = "Analysis step, whole minutes: 60s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, json, csv or markdown (default: table; with --out and no --format, only a summary).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write Parquet partitioned by date= here.")
    String out;

    @Option(names = "--cost-tag", paramLabel = "KEY", defaultValue = "service",
            description = "Billing tag that names the service (default: ${DEFAULT-VALUE}).")
    String costTag;

    @Mixin
    SparkOptions sparkOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int stepSeconds = stepSeconds(step);
        Format fmt = format == null ? Format.TABLE : format(format);
        if (from != null && to != null && from.isAfter(to)) {
            throw new UserError("--from " + from + " is after --to " + to);
        }
        Map<String, ServiceSpec> specs = services == null ? Map.of() : ServicesFile.load(services.toString());
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err);
        try (SparkSessions.Handle session = SparkSessions.open(sparkOptions.settings())) {
            progress.say("reading and aligning " + data);
            AnalyzeJob.Result result = AnalyzeJob.run(session.spark(), new AnalyzeJob.Request(data,
                    Optional.ofNullable(from), Optional.ofNullable(to), stepSeconds, costTag, specs));
            result.quality().lines().forEach(l -> err.println("scalewise: note: " + l));
            if (out != null) {
                progress.say("writing " + out);
                List<String> written = PartitionedWriter.write(session.spark(), result.rows(), out, "date");
                err.println("scalewise: wrote " + written.size() + " day partition(s) to " + out);
            }
            if (out == null || format != null) {
                List<Row> rows = result.rows().orderBy("service", "date").collectAsList();
                Table table = RowTables.of(AnalyzeJob.SCHEMA, rows)
                        .withSection("dataQuality", result.quality().toMap());
                fmt.renderer().render(table, spec.commandLine().getOut());
            }
            err.flush();
        }
        return 0;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h)?");

    static int stepSeconds(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            long seconds = n * switch (m.group(2) == null ? "s" : m.group(2)) {
                case "m" -> 60;
                case "h" -> 3600;
                default -> 1;
            };
            if (seconds > 0 && seconds % 60 == 0 && seconds <= 86_400) {
                return (int) seconds;
            }
        }
        throw new UserError("--step: expected whole minutes up to a day, like 60s, 5m or 1h; found '" + text + "'");
    }

    static Format format(String text) {
        try {
            return Format.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--format: expected table, json, csv or markdown; found '" + text + "'");
        }
    }

    /** Progress lines on stderr, only when a person watches (a console is attached); quiet when piped. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean on = System.console() != null;

        Progress(PrintWriter err) {
            this.err = err;
        }

        void say(String what) {
            if (on) {
                err.println("scalewise: " + what + "...");
                err.flush();
            }
        }
    }
}
