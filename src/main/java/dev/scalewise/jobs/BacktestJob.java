package dev.scalewise.jobs;

import dev.scalewise.backtest.PolicyOutcome;
import dev.scalewise.backtest.Problem;
import dev.scalewise.backtest.ServiceBacktest;
import dev.scalewise.calibrate.Calibration;
import dev.scalewise.calibrate.Trust;
import dev.scalewise.data.DataQualityReport;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.autoscaler.PolicyReplay;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
    /** schemas/backtest_result.avsc, with "date" (yyyy-MM-dd, UTC) first: the partition column. */
    public static final StructType SCHEMA = new StructType()
            .add("date", DataTypes.StringType)
            .add("service", DataTypes.StringType)
            .add("policy", DataTypes.StringType)
            .add("controller", DataTypes.StringType)
            .add("family", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("period_start", DataTypes.TimestampType)
            .add("period_end", DataTypes.TimestampType)
            .add("requests", DataTypes.DoubleType)
            .add("cost", DataTypes.DoubleType)
            .add("currency", DataTypes.StringType)
            .add("cost_per_1k", DataTypes.DoubleType)
            .add("replica_hours", DataTypes.DoubleType)
            .add("mean_replicas", DataTypes.DoubleType)
            .add("p95_replicas", DataTypes.DoubleType)
            .add("max_replicas", DataTypes.DoubleType)
            .add("slo_objective", DataTypes.DoubleType)
            .add("slo_minutes", DataTypes.LongType)
            .add("breach_minutes", DataTypes.LongType)
            .add("breach_ratio", DataTypes.DoubleType)
            .add("budget_burn", DataTypes.DoubleType)
            .add("scale_up_events", DataTypes.LongType)
            .add("scale_down_events", DataTypes.LongType)
            .add("cold_start_minutes", DataTypes.LongType)
            .add("idle_cost", DataTypes.DoubleType)
            .add("idle_share", DataTypes.DoubleType)
            .add("mean_gpu_util", DataTypes.DoubleType)
            .add("above_observed_minutes", DataTypes.LongType)
            .add("unidentified_breach_minutes", DataTypes.LongType)
            .add("capacity_rps_per_replica", DataTypes.DoubleType)
            .add("capacity_kind", DataTypes.StringType)
            .add("busiest_rps_per_replica", DataTypes.DoubleType)
            .add("trust", DataTypes.StringType)
            .add("trust_reason", DataTypes.StringType);

    /** schemas/backtest_problem.avsc, partitioned by the run's last day. */
    public static final StructType PROBLEMS = new StructType()
            .add("date", DataTypes.StringType)
            .add("service", DataTypes.StringType)
            .add("policy", DataTypes.StringType)
            .add("problem", DataTypes.StringType);

    /** Internal: results and problems travel through the pipeline as one row type. */
    private static final StructType BOTH = SCHEMA.add("problem", DataTypes.StringType);

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
     * Result rows (SCHEMA), problems (PROBLEMS), the data-quality report, and the time the replay kernel
     * took (complete once the pipeline has run, which {@link #run} ensures: it collects the quality counts).
     */
    public record Result(Dataset<Row> rows, Dataset<Row> problems, DataQualityReport quality, KernelTime kernel) {
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

    public static Result run(SparkSession spark, Request request) {
        ServicePipeline.Settings settings = request.settings();
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        PolicyBundle bundle = request.policies();
        Instant reportFrom = request.from().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(Instant.MIN);
        Instant reportTo = request.to().map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(Instant.MAX);
        ReplayKernelTimer timer = ReplayKernelTimer.register(spark);
        Broadcast<PolicyBundle> shared = bundle.broadcast(spark);
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, BOTH,
                h -> rows(h, shared.value().service(h.service()), shared.value().policiesFor(h.service()), reportFrom,
                        reportTo, timer.around(PolicyReplay::run)));
        Dataset<Row> both = r.rows();
        Dataset<Row> results = both.filter(col("problem").isNull()).drop("problem");
        Dataset<Row> problems = both.filter(col("problem").isNotNull())
                .select(col("date"), col("service"), col("policy"), col("problem"));
        problems = problems.unionByName(servicesWithoutData(spark, both, bundle, request));
        DataQualityReport quality = r.quality();
        for (String note : bundle.policySet().notes()) {
            quality = quality.withNote(note);
        }
        return new Result(results, problems, quality, timer.read(spark.sparkContext().defaultParallelism()));
    }

    /** Executor side: one service's backtest as rows (results, then problems). */
    static List<Row> rows(ServiceHistory h, ServiceSpec spec, List<PolicySpec> policies, Instant from, Instant to,
                          ServiceBacktest.PolicyReplayer replayer) {
        ServiceBacktest.Result result = ServiceBacktest.run(h, spec, policies, from, to, replayer);
        List<Row> out = new ArrayList<>();
        Optional<Calibration> c = result.calibration();
        for (PolicyOutcome po : result.outcomes()) {
            Outcome o = po.outcome();
            out.add(RowFactory.create(date(o.periodStart()), o.service(), po.policy().label(), po.policy().controller(),
                    po.policy().family().id(), po.policy().source(), java.sql.Timestamp.from(o.periodStart()),
                    java.sql.Timestamp.from(o.periodEnd()), o.requests(), o.cost(), o.currency(), nullable(o.costPer1k()),
                    o.replicaHours(), o.meanReplicas(), o.p95Replicas(), o.maxReplicas(), spec.slo().objective(),
                    o.sloMinutes(), o.breachMinutes(), nullable(o.breachRatio()), nullable(o.budgetBurn()),
                    o.scaleUpEvents(), o.scaleDownEvents(), o.coldStartMinutes(), o.idleCost(), o.idleShare(),
                    nullable(o.meanGpuUtil()), o.aboveObservedMinutes(), o.unidentifiedBreachMinutes(),
                    c.map(x -> nullable(x.model().capacityPerReplica().value())).orElse(null),
                    c.map(x -> x.model().capacityPerReplica().basis().label()).orElse("unknown"),
                    c.map(x -> nullable(x.model().busiestLoadPerReplica().value())).orElse(null),
                    c.map(x -> x.trust().label()).orElse(Trust.UNTRUSTED.label()),
                    c.map(Calibration::reason).orElse("no model could be fitted"), null));
        }
        String lastDay = date(h.timeOf(Math.max(0, h.steps() - 1)));
        for (Problem p : result.problems()) {
            Object[] v = new Object[BOTH.size()];
            v[0] = lastDay;
            v[1] = p.service();
            v[2] = p.policy();
            v[BOTH.size() - 1] = p.problem();
            out.add(RowFactory.create(v));
        }
        return out;
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
                rows.add(RowFactory.create(day, p.meta().service(), dev.scalewise.backtest.PolicyId.of(p).label(),
                        "no data for service '" + p.meta().service() + "' under " + request.dataDir()
                                + " (policy at " + p.meta().location() + ")"));
            }
        }
        return spark.createDataFrame(rows, PROBLEMS);
    }

    private static String date(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private static Double nullable(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
