package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.jobs.PolicyBundle;
import dev.scalewise.jobs.RecommendJob;
import dev.scalewise.jobs.ReportJob;
import dev.scalewise.jobs.SparkSessions;
import dev.scalewise.recommend.RecommendationRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** `scalewise report`: the recommendations and their evidence as one self-contained HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML file (opens offline, no network at view time): a sortable fleet "
                + "table (cost per 1k and monthly cost now and recommended, breach minutes, budget burn, savings), and "
                + "per service demand vs replicas over time (observed, each policy and each recommendation replayed, "
                + "breach and cold-start minutes marked), latency against the SLO, cost per 1k per day, the Pareto "
                + "frontier with the binding constraint, and the fitted latency curve over the observed points.",
                "The recommendations are those of 'scalewise recommend' with the same options; --format json prints "
                        + "them exactly as recommend does."},
        footer = {"", "Examples:",
                "  scalewise report --data sample-data --policies policies --out report.html",
                "  scalewise report --data exports/ --policies k8s/ --holdout 30%% --out fleet.html --format json > recs.json"})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write.")
    String out;

    @Option(names = "--service", paramLabel = "NAME", description = "Only this service.")
    String service;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Also print the recommendations: json (as recommend --format json). Default: print nothing.")
    String format;

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
        ReportFile.checkWritable("--out", out);
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new UserError("--format: expected json, found '" + format + "'");
        }
        PolicyBundle bundle = policyOptions.bundle();
        RecommendJob.Options options = searchOptions.options();
        PrintWriter err = spec.commandLine().getErr();
        ReportJob.Result result;
        try (SparkSessions.Handle session = SparkSessions.open(sparkOptions.settings())) {
            new Progress(err).say("recommending and replaying for the report on " + dataOptions.data);
            result = ReportJob.run(session, new RecommendJob.Request(dataOptions.data, dataOptions.from(),
                    dataOptions.to(), dataOptions.stepSeconds(), dataOptions.costTag(), bundle, Optional.ofNullable(service),
                    options));
        }
        result.quality().lines().forEach(l -> err.println("scalewise: note: " + l));
        if (result.recommendations().isEmpty()) {
            throw new UserError("no service under " + dataOptions.data + " has a policy in "
                    + String.join(" ", policyOptions.policies) + (service == null ? "" : " (service '" + service + "')"));
        }
        ReportFile.write(result, dataOptions.data, out, err);
        if (format != null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(RowsJson.render("recommendations",
                    result.recommendations().stream().map(RecommendationRow::columns).toList(), result.quality().toMap()));
            stdout.flush();
        }
        return 0;
    }
}
