package dev.scalewise.cli;

import dev.scalewise.jobs.AnalyzeJob;
import dev.scalewise.jobs.SparkSessions;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.report.Format;
import dev.scalewise.report.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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

    @Option(names = "--services", paramLabel = "FILE", description = "services.yaml with each service's SLO.")
    Path services;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, json, csv or markdown (default: table; with --out and no --format, only a summary).")
    String format;

    @Option(names = "--wide", description = "Every column, whole, however wide the table (default: fits 120 columns).")
    boolean wide;

    @Option(names = "--out", paramLabel = "DIR", description = "Write Parquet partitioned by date= here.")
    String out;

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
        Progress progress = new Progress(err);
        try (SparkSessions.Handle session = SparkSessions.open(sparkOptions.settings())) {
            OutputDir target = out == null ? null : OutputDir.open(session, out, dataOptions.data);
            progress.say("reading and aligning " + dataOptions.data);
            AnalyzeJob.Result result = AnalyzeJob.run(session, new AnalyzeJob.Request(dataOptions.data,
                    dataOptions.from(), dataOptions.to(), stepSeconds, dataOptions.costTag(), specs));
            result.quality().lines().forEach(l -> err.println("scalewise: note: " + l));
            if (target != null) {
                progress.say("writing " + out);
                List<String> written = result.stage(target);
                target.commit();
                err.println("scalewise: wrote " + written.size() + " day partition(s) to " + out);
            }
            if (out == null || format != null) {
                Table table = result.table().withSection("dataQuality", result.quality().toMap());
                fmt.renderer(wide).render(table, spec.commandLine().getOut());
            }
            err.flush();
        }
        return 0;
    }
}
