package dev.scalewise.jobs;

import dev.scalewise.UserError;
import dev.scalewise.backtest.PolicyId;
import dev.scalewise.jobs.ingest.DatasetReader;
import dev.scalewise.jobs.ingest.SparkErrors;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.jobs.rows.BacktestRows;
import dev.scalewise.lint.EvidenceSource;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Outcome;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;

/**
 * Evidence for `lint --results DIR`: the rows a nightly `backtest --out DIR` wrote (DIR/results/date=...),
 * for the linted policies (matched by service and {@code controller/name}), the last days of each. No
 * replay, so it is quick, but it knows only what the rows hold: the replicas the peak needed and the
 * catch-up time on ramps (SW902, SW904) need --data.
 */
public final class ResultsEvidenceSource implements EvidenceSource {
    private final SparkSessions.Settings spark;
    private final String resultsDir;
    private final int days;
    private final Consumer<String> notes;

    public ResultsEvidenceSource(SparkSessions.Settings spark, String resultsDir, int days, Consumer<String> notes) {
        this.spark = spark;
        this.resultsDir = resultsDir;
        this.days = days;
        this.notes = notes;
    }

    @Override
    public List<PolicyEvidence> evidence(LintContext ctx) {
        Map<Manifest, PolicySpec> policies = ctx.policies();
        if (policies.isEmpty()) {
            return List.of();
        }
        List<String> labels = new ArrayList<>(List.of(dev.scalewise.sim.AsRun.POLICY));
        policies.values().forEach(p -> labels.add(PolicyId.of(p).label()));
        List<Row> rows;
        try (SparkSessions.Handle session = SparkSessions.open(spark)) {
            // a backtest killed mid-commit left its last results half swapped in: complete (or drop) that commit
            OutputDir.recover(session.spark().sparkContext().hadoopConfiguration(), resultsDir);
            new DatasetReader(session.spark(), resultsDir).checkFooters("results");
            String path = new Path(resultsDir, "results").toString();
            Dataset<Row> all = SparkErrors.translate(() -> session.spark().read().parquet(path));
            rows = SparkErrors.translate(() -> all.filter(col("policy").isin(labels.toArray())).collectAsList());
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserError("--results " + resultsDir + ": cannot read backtest results under "
                    + new Path(resultsDir, "results") + " (" + e.getMessage() + ")");
        }
        List<PolicyEvidence> out = new ArrayList<>();
        policies.forEach((m, p) -> {
            String service = p.meta().service();
            List<Outcome> daily = lastDays(rows, service, PolicyId.of(p).label());
            if (daily.isEmpty()) {
                notes.accept(m.location() + ": no backtest rows for " + PolicyId.of(p).label() + " of service '"
                        + service + "' under " + resultsDir + "; evidence rules skip " + m);
                return;
            }
            List<Outcome> observed = lastDays(rows, service, dev.scalewise.sim.AsRun.POLICY);
            ServiceSpec spec = ctx.service(service).orElse(ServiceSpec.defaults(service));
            out.add(new PolicyEvidence(m, p, spec, daily, Optional.empty(), 0, 0, Optional.empty()));
            if (observed.isEmpty()) {
                notes.accept(service + ": no observed rows under " + resultsDir);
            }
        });
        return out;
    }

    private List<Outcome> lastDays(List<Row> rows, String service, String label) {
        List<Outcome> out = rows.stream().filter(r -> r.getAs("service").equals(service) && r.getAs("policy").equals(label))
                .map(BacktestRows::outcome).sorted(Comparator.comparing(Outcome::periodStart)).toList();
        return out.subList(Math.max(0, out.size() - days), out.size());
    }
}
