package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.backtest.Comparison;
import dev.scalewise.backtest.CostBasis;
import dev.scalewise.jobs.BacktestJob;
import dev.scalewise.jobs.PolicyBundle;
import dev.scalewise.jobs.ReportJob;
import dev.scalewise.jobs.SparkSessions;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.report.Format;
import dev.scalewise.report.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** `scalewise backtest`: services x policies, replayed on the exports. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replays every policy on its service's history (Spark; embedded local[*] unless --master) and "
                + "compares them with the observed run: cost per 1k inferences, cost vs observed, SLO breach minutes "
                + "and budget burn, replicas, scale events, cold starts; the cheapest policy meeting the SLO is marked.",
                "Replay semantics: docs/replay.md (the load balancer spreads demand evenly over ready replicas)."},
        footer = {"", "Examples:",
                "  scalewise backtest --data sample-data --policies policies",
                "  scalewise backtest --data exports/ --policies k8s/ --services services.yaml \\",
                "      --from 2026-10-01 --to 2026-10-31 --format markdown",
                "  scalewise backtest --data s3a://bucket/exports --policies policies \\",
                "      --from 2026-11-27 --to 2026-11-27 --out s3a://bucket/backtest --master yarn",
                "",
                "With --out, results go to OUT/results/date=YYYY-MM-DD and problems to",
                "OUT/problems/date=...; the days computed replace the same days and nothing else."})
final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--warmup-days", paramLabel = "N", defaultValue = "1",
            description = "Days before --from replayed but not reported (default: ${DEFAULT-VALUE}).")
    int warmupDays;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, json, csv or markdown (default: table; with --out and no --format, a summary).")
    String format;

    @Option(names = "--wide", description = "Every column, whole, however wide the table (default: fits 120 columns).")
    boolean wide;

    @Option(names = "--out", paramLabel = "DIR", description = "Write Parquet results and problems here.")
    String out;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the HTML report of this backtest (one self-contained file; its timelines "
                    + "replay each policy once more with a recorder).")
    String html;

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
        if (html != null) {
            ReportFile.checkWritable("--html", html);
        }
        OptionChecks.of(spec).onlyWith("--warmup-days", "--from");
        int stepSeconds = dataOptions.stepSeconds();
        Format fmt = format == null ? Format.TABLE : OptionValues.format(format);
        if (warmupDays < 0) {
            throw new UserError("--warmup-days must be 0 or more, found " + warmupDays);
        }
        PolicyBundle bundle = policyOptions.bundle();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err);
        try (SparkSessions.Handle session = SparkSessions.open(sparkOptions.settings())) {
            OutputDir target = out == null ? null : OutputDir.open(session, out, dataOptions.data);
            progress.say("backtesting " + bundle.policySet().policies().size() + " policies on " + dataOptions.data);
            BacktestJob.Result result = BacktestJob.run(session, new BacktestJob.Request(dataOptions.data,
                    dataOptions.from(), dataOptions.to(), stepSeconds, dataOptions.costTag(), bundle, warmupDays));
            result.quality().lines().forEach(l -> err.println("scalewise: note: " + l));
            List<String> costBasis = CostBasis.notes(bundle.policySet().policies(), bundle.services());
            costBasis.forEach(l -> err.println("scalewise: note: " + l));
            result.problemList().forEach(p -> err.println("scalewise: problem: " + p.service()
                    + (p.policy().isEmpty() ? "" : " / " + p.policy()) + ": " + p.problem()));
            if (target != null) {
                progress.say("writing " + out);
                List<String> days = result.stage(target);
                target.commit(); // results and problems together
                err.println("scalewise: wrote " + days.size() + " day partition(s) to " + out + "/results");
            }
            Table comparison = Comparison.of(result.totals());
            if (out == null || format != null) {
                Table table = comparison.withSection("dataQuality", result.quality().toMap())
                        .withSection("assumption", "the load balancer spreads demand evenly over ready replicas");
                if (!costBasis.isEmpty()) {
                    table = table.withSection("costBasis", costBasis);
                }
                fmt.renderer(wide).render(table, spec.commandLine().getOut());
            }
            if (html != null) {
                progress.say("replaying timelines for " + html);
                ReportFile.writeBacktest(comparison, ReportJob.panes(session, dataOptions.data,
                        dataOptions.from(), dataOptions.to(), stepSeconds, dataOptions.costTag(), bundle),
                        result.quality().lines(), dataOptions.data, html, err);
            }
            if (sparkOptions.verbose) {
                err.println(kernelLine(result.kernel()));
            }
            err.flush();
        }
        return 0;
    }

    /**
     * The measured Spark overhead (docs/BENCHMARKS.md §2; jobs/bench/backtest-scale.sh reads this line):
     * time since the JVM started over the replay kernel's CPU time spread over the cores used.
     */
    private static String kernelLine(BacktestJob.KernelTime k) {
        double sinceStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        return String.format(java.util.Locale.ROOT, "scalewise: timing: replay kernel %.2f CPU-s (%.2f s elapsed) "
                        + "in %d policy replays, %d cores; %.1f s since JVM start; overhead %.2fx",
                k.cpuSeconds(), k.wallSeconds(), k.replays(), k.cores(), sinceStart, k.overhead(sinceStart));
    }
}
