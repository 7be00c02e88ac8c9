package dev.scalewise.jobs;

import dev.scalewise.calibrate.Calibration;
import dev.scalewise.calibrate.Calibrator;
import dev.scalewise.data.DataQualityReport;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ModelEntry;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.ServiceSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per service (DESIGN §6 `calibrate`): the fitted model replaying the replicas the service ran, against what
 * was observed on the same minutes, and the trust verdict ({@link Calibrator}); one row per service
 * (schemas/calibration.avsc), partitioned under --out by the last day of data.
 */
public final class CalibrateJob {
    private static final StructType ENTRY = new StructType()
            .add("parameter", DataTypes.StringType).add("value", DataTypes.StringType)
            .add("basis", DataTypes.StringType).add("confidence", DataTypes.StringType)
            .add("samples", DataTypes.LongType).add("note", DataTypes.StringType);

    /** schemas/calibration.avsc, with "date" (the last day of data, UTC) first: the partition column. */
    public static final StructType SCHEMA = new StructType()
            .add("date", DataTypes.StringType)
            .add("service", DataTypes.StringType)
            .add("slo", DataTypes.StringType)
            .add("trust", DataTypes.StringType)
            .add("trust_reason", DataTypes.StringType)
            .add("compared_minutes", DataTypes.LongType)
            .add("latency_error_typical", DataTypes.DoubleType)
            .add("latency_error_p90", DataTypes.DoubleType)
            .add("latency_bias", DataTypes.DoubleType)
            .add("observed_breach_minutes", DataTypes.LongType)
            .add("modeled_breach_minutes", DataTypes.LongType)
            .add("both_breach_minutes", DataTypes.LongType)
            .add("either_breach_minutes", DataTypes.LongType)
            .add("observed_replica_minutes", DataTypes.DoubleType)
            .add("replayed_replica_minutes", DataTypes.DoubleType)
            .add("capacity_rps_per_replica", DataTypes.DoubleType)
            .add("capacity_kind", DataTypes.StringType)
            .add("capacity_confidence", DataTypes.StringType)
            .add("saturation_rps_per_replica", DataTypes.DoubleType)
            .add("saturation_kind", DataTypes.StringType)
            .add("busiest_rps_per_replica", DataTypes.DoubleType)
            .add("concurrency_source", DataTypes.StringType)
            .add("model", DataTypes.createArrayType(ENTRY));

    public record Result(Dataset<Row> rows, DataQualityReport quality) {
    }

    private CalibrateJob() {
    }

    /** spark-submit entry point: takes exactly the arguments of {@code scalewise calibrate}. */
    public static void main(String[] args) {
        dev.scalewise.cli.Main.submit("calibrate", args);
    }

    /** The same request as analyze's: the data, the range, the step and services.yaml. */
    public static Result run(SparkSession spark, AnalyzeJob.Request request) {
        ServicePipeline.Settings settings = request.settings();
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        HashMap<String, ServiceTerms> services = ServiceTerms.of(request.services());
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, SCHEMA, h -> rows(h, services));
        return new Result(r.rows(), r.quality());
    }

    /** Executor side: the service's calibration as one row. */
    static List<Row> rows(ServiceHistory h, Map<String, ServiceTerms> services) {
        if (h.steps() == 0) {
            return List.of();
        }
        ServiceSpec spec = ServiceTerms.specOf(services, h.service());
        ServiceModel model = AnalyzeDay.fitOrUnknown(h, spec);
        Calibration c = Calibrator.calibrate(h, model, spec);
        String date = LocalDate.ofInstant(h.timeOf(h.steps() - 1), ZoneOffset.UTC).toString();
        Row[] entries = ModelEntry.of(model).stream().map(e -> RowFactory.create(e.parameter(), e.value(), e.basis(),
                e.confidence(), e.samples(), e.note())).toArray(Row[]::new);
        return List.of(RowFactory.create(date, h.service(), ServiceTerms.label(spec.slo()), c.trust().label(), c.reason(),
                c.comparedMinutes(), nullable(c.typicalLatencyError()), nullable(c.p90LatencyError()),
                nullable(Math.expm1(c.medianLogRatio())), c.observedBreachMinutes(), c.modeledBreachMinutes(),
                c.bothBreachMinutes(), c.eitherBreachMinutes(), c.observedReplicaMinutes(), c.replayedReplicaMinutes(),
                nullable(model.capacityPerReplica().value()), model.capacityPerReplica().basis().label(),
                model.capacityPerReplica().confidence().name().toLowerCase(Locale.ROOT),
                nullable(model.saturationPerReplica().value()), model.saturationPerReplica().basis().label(),
                nullable(model.busiestLoadPerReplica().value()), model.concurrency().source().label(), entries));
    }

    private static Double nullable(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
