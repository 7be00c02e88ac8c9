package dev.scalewise.jobs;

import dev.scalewise.backtest.PolicyId;
import dev.scalewise.backtest.PolicyTotal;
import dev.scalewise.backtest.Problem;
import dev.scalewise.backtest.ServiceBacktest;
import dev.scalewise.data.DataQualityReport;
import dev.scalewise.jobs.ingest.LoadedDataset;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.jobs.output.PartitionedParquet;
import dev.scalewise.jobs.rows.BacktestRows;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.autoscaler.PolicyReplay;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * Services x policies (DESIGN §6 `backtest`): per service, inside an executor, fit the model, replay
 * every policy whose service it is, and emit one row per service x policy x UTC day, the observed
 * baseline included (schemas/backtest_result.avsc). Services that cannot be backtested, and policies
 * whose service has no data, become rows of the problems output instead; the rest completes.
 */
public final class BacktestJob {
    /**
     * @param from        first UTC day reported (inclusive); empty = from the data
     * @param to          last UTC day reported (inclusive); empty = to the end of the data
     * @param warmupDays  days before {@code from} that are replayed but not reported, so the first reported
     *                    day starts from the state a real controller would have been in
     */
    public record Request(String dataDir, Optional<LocalDate> from, Optional<LocalDate> to, int stepSeconds,
                          String costTag, PolicyBundle policies, int warmupDays) {
        ServicePipeline.Settings settings() {
            return ServicePipeline.Settings.of(dataDir, stepSeconds,
                    from.map(d -> d.minusDays(warmupDays).atStartOfDay(ZoneOffset.UTC).toInstant()),
                    to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), costTag);
        }
    }

    /**
     * Result rows ({@link BacktestRows#SCHEMA}), problems ({@link BacktestRows#PROBLEMS}), the data-quality
     * report, and the time the replay kernel took (complete once the pipeline has run, which {@link #run}
     * ensures: it collects the quality counts).
     */
    public record Result(Dataset<Row> rows, Dataset<Row> problems, DataQualityReport quality, KernelTime kernel) {
        /** Each service x policy summed over the days: what the comparison shows. */
        public List<PolicyTotal> totals() {
            return BacktestRows.totals(rows);
        }

        /** The problems, by service and policy. */
        public List<Problem> problemList() {
            return BacktestRows.problems(problems.orderBy("service", "policy").collectAsList());
        }

        /**
         * Stages the results as OUT/results and the problems as OUT/problems, one Parquet partition per day,
         * for one commit (both become visible together); returns the result days.
         */
        public List<String> stage(OutputDir out) {
            List<String> days = PartitionedParquet.stage(out, "results", rows, "date");
            PartitionedParquet.stage(out, "problems", problems, "date");
            return days;
        }
    }

    /**
     * Time inside the policy replays (not the observed baseline, model fitting or anything else), summed
     * over the executors.
     *
     * @param cpuSeconds  the replaying threads' CPU time
     * @param wallSeconds the elapsed time of those calls (above cpuSeconds when the cores are shared)
     * @param cores       task slots of the run (Spark's default parallelism: local[*] = the machine's cores)
     */
    public record KernelTime(double cpuSeconds, double wallSeconds, long replays, int cores) {
        /** End-to-end time over the kernel's share of it: kernel CPU spread over the cores used. */
        public double overhead(double endToEndSeconds) {
            return endToEndSeconds / (cpuSeconds / cores);
        }
    }

    private BacktestJob() {
    }

    public static Result run(SparkSessions.Handle session, Request request) {
        return run(session.spark(), request);
    }

    public static Result run(SparkSession spark, Request request) {
        ServicePipeline.Settings settings = request.settings();
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        PolicyBundle bundle = request.policies();
        Instant reportFrom = request.from().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(Instant.MIN);
        Instant reportTo = request.to().map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(Instant.MAX);
        ReplayKernelTimer timer = ReplayKernelTimer.register(spark);
        Broadcast<PolicyBundle> shared = bundle.broadcast(spark);
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, BacktestRows.BOTH, h -> {
            ServiceSpec spec = shared.value().service(h.service());
            return BacktestRows.rows(h, spec, ServiceBacktest.run(h, spec, shared.value().policiesFor(h.service()),
                    reportFrom, reportTo, timer.around(PolicyReplay::run)));
        });
        Dataset<Row> both = r.rows();
        Dataset<Row> results = both.filter(col("problem").isNull()).drop("problem");
        Dataset<Row> problems = both.filter(col("problem").isNotNull())
                .select(col("date"), col("service"), col("policy"), col("problem"));
        problems = problems.unionByName(servicesWithoutData(spark, both, bundle, request));
        DataQualityReport quality = ServicePipeline.defaultSloNote(r.quality(), results, bundle.services().keySet());
        for (String note : bundle.policySet().notes()) {
            quality = quality.withNote(note);
        }
        return new Result(results, problems, quality, timer.read(spark.sparkContext().defaultParallelism()));
    }

    /** Policies naming a service the exports do not have: a problem each (a handful of names on the driver). */
    private static Dataset<Row> servicesWithoutData(SparkSession spark, Dataset<Row> both, PolicyBundle bundle,
                                                    Request request) {
        // one job for both: the services that have rows, and the run's last reported day (no wall clock:
        // reruns give identical output)
        Row seen = both.agg(org.apache.spark.sql.functions.collect_set("service"),
                org.apache.spark.sql.functions.max("date")).first();
        Set<String> withData = new HashSet<>(seen.getList(0));
        String day = request.to().map(LocalDate::toString)
                .orElseGet(() -> seen.isNullAt(1) ? "1970-01-01" : seen.getString(1));
        List<Row> rows = new ArrayList<>();
        for (PolicySpec p : bundle.policySet().policies()) {
            if (!withData.contains(p.meta().service())) {
                rows.add(RowFactory.create(day, p.meta().service(), PolicyId.of(p).label(),
                        "no data for service '" + p.meta().service() + "' under " + request.dataDir()
                                + " (policy at " + p.meta().location() + ")"));
            }
        }
        return spark.createDataFrame(rows, BacktestRows.PROBLEMS);
    }
}
