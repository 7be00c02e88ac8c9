package dev.scalewise.jobs;

import dev.scalewise.data.DataQualityReport;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Outcome;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The as-run baseline per service and UTC day (DESIGN §6 `analyze`): requests, effective cost, cost per
 * 1,000 inferences, replica-hours, GPU utilization, SLO breach minutes, error-budget burn, idle share.
 * Run by `scalewise analyze`, in-process or under spark-submit (which starts the CLI's Main).
 */
public final class AnalyzeJob {
    /** Output columns, in order; "date" (yyyy-MM-dd, UTC) is the partition column under --out. */
    public static final StructType SCHEMA = new StructType()
            .add("date", DataTypes.StringType)
            .add("service", DataTypes.StringType)
            .add("requests", DataTypes.DoubleType)
            .add("effective_cost", DataTypes.DoubleType)
            .add("currency", DataTypes.StringType)
            .add("cost_per_1k", DataTypes.DoubleType)
            .add("replica_hours", DataTypes.DoubleType)
            .add("mean_replicas", DataTypes.DoubleType)
            .add("max_replicas", DataTypes.DoubleType)
            .add("mean_gpu_util", DataTypes.DoubleType)
            .add("slo", DataTypes.StringType)
            .add("slo_minutes", DataTypes.LongType)
            .add("breach_minutes", DataTypes.LongType)
            .add("breach_ratio", DataTypes.DoubleType)
            .add("budget_burn", DataTypes.DoubleType)
            .add("idle_share", DataTypes.DoubleType)
            .add("capacity_rps_per_replica", DataTypes.DoubleType)
            .add("capacity_confidence", DataTypes.StringType)
            .add("capacity_basis", DataTypes.StringType)
            .add("unknown_minutes", DataTypes.LongType)
            .add("capacity_kind", DataTypes.StringType)
            .add("busiest_rps_per_replica", DataTypes.DoubleType)
            .add("trust", DataTypes.StringType)
            .add("trust_reason", DataTypes.StringType);

    /**
     * @param from     first UTC day analysed (inclusive); empty = from the data
     * @param to       last UTC day analysed (inclusive); empty = to the end of the data
     * @param services services.yaml entries by service; {@link ServiceSpec#defaults} for the others
     */
    public record Request(String dataDir, Optional<LocalDate> from, Optional<LocalDate> to, int stepSeconds,
                          String costTag, Map<String, ServiceSpec> services) {
        ServicePipeline.Settings settings() {
            return ServicePipeline.Settings.of(dataDir, stepSeconds,
                    from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), costTag);
        }
    }

    /** Rows of {@link #SCHEMA} (lazy, persisted), data-quality counts and notes on absent datasets. */
    public record Result(Dataset<Row> rows, DataQualityReport quality) {
    }

    private AnalyzeJob() {
    }

    public static Result run(SparkSession spark, Request request) {
        ServicePipeline.Settings settings = request.settings();
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        HashMap<String, ServiceTerms> services = ServiceTerms.of(request.services());
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, SCHEMA, h -> rows(h, services));
        return new Result(r.rows(), r.quality());
    }

    /** The as-run rows of one service: the same numbers as the backtest's observed rows (docs/analyze.md). */
    static List<Row> rows(ServiceHistory h, Map<String, ServiceTerms> services) {
        ServiceSpec spec = ServiceTerms.specOf(services, h.service());
        String slo = ServiceTerms.label(spec.slo());
        List<Row> out = new ArrayList<>();
        for (AnalyzeDay d : AnalyzeDay.of(h, spec)) {
            Outcome o = d.outcome();
            Fitted c = d.capacity();
            out.add(RowFactory.create(d.date().toString(), o.service(), o.requests(), o.cost(), o.currency(),
                    o.costPer1k(), o.replicaHours(), o.meanReplicas(), o.maxReplicas(), o.meanGpuUtil(), slo,
                    o.sloMinutes(), o.breachMinutes(), o.breachRatio(), o.budgetBurn(), d.idleShare(), c.value(),
                    c.confidence().name().toLowerCase(Locale.ROOT), c.note(), o.unknownMinutes(), c.basis().label(),
                    d.calibration().model().busiestLoadPerReplica().value(), d.calibration().trust().label(),
                    d.calibration().reason()));
        }
        return out;
    }
}
