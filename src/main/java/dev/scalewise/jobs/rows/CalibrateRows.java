package dev.scalewise.jobs.rows;

import dev.scalewise.backtest.AnalyzeDay;
import dev.scalewise.calibrate.Calibration;
import dev.scalewise.calibrate.Calibrator;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ModelEntry;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Outcome;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dev.scalewise.jobs.rows.RowTables.nullable;

/** `calibrate`'s rows: one per service, the columns of calibration/date=.../ Parquet. */
public final class CalibrateRows {
    private static final StructType ENTRY = new StructType()
            .add("parameter", DataTypes.StringType).add("value", DataTypes.StringType)
            .add("basis", DataTypes.StringType).add("confidence", DataTypes.StringType)
            .add("samples", DataTypes.LongType).add("note", DataTypes.StringType);

    /**
     * schemas/calibration.avsc, with "date" (the last day of data, UTC) first: the partition column. The observed
     * run's cost per 1k requests and, for a service with tokens, per million tokens come before the model's entries,
     * counted as analyze and backtest count them (the same {@link RowTables#withTokenCostColumns}).
     */
    public static final StructType SCHEMA = RowTables.withTokenCostColumns(new StructType()
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
            .add("cost_per_1k", DataTypes.DoubleType)
            .add("currency", DataTypes.StringType)
            .add("load_unit", DataTypes.StringType))
            .add("model", DataTypes.createArrayType(ENTRY));

    /** Every column but the model's entries: what the table formats show. */
    public static final StructType SUMMARY = new StructType(Arrays.stream(SCHEMA.fields())
            .filter(f -> !f.name().equals("model")).toArray(StructField[]::new));

    private CalibrateRows() {
    }

    /** Executor side: the service's calibration as one row. */
    public static List<Row> rows(ServiceHistory h, ServiceSpec spec) {
        if (h.steps() == 0) {
            return List.of();
        }
        ServiceModel model = AnalyzeDay.fitOrUnknown(h, spec);
        Calibration c = Calibrator.calibrate(h, model, spec);
        String date = LocalDate.ofInstant(h.timeOf(h.steps() - 1), ZoneOffset.UTC).toString();
        Row[] entries = ModelEntry.of(model).stream().map(e -> RowFactory.create(e.parameter(), e.value(), e.basis(),
                e.confidence(), e.samples(), e.note())).toArray(Row[]::new);
        Outcome o = c.observed();
        List<Object> v = new ArrayList<>(Arrays.asList(date, h.service(), AnalyzeRows.sloLabel(spec.slo()),
                c.trust().label(), c.reason(), c.comparedMinutes(), nullable(c.typicalLatencyError()),
                nullable(c.p90LatencyError()), nullable(Math.expm1(c.medianLogRatio())), c.observedBreachMinutes(),
                c.modeledBreachMinutes(), c.bothBreachMinutes(), c.eitherBreachMinutes(), c.observedReplicaMinutes(),
                c.replayedReplicaMinutes(), nullable(model.capacityPerReplica().value()),
                model.capacityPerReplica().basis().label(),
                model.capacityPerReplica().confidence().name().toLowerCase(Locale.ROOT),
                nullable(model.saturationPerReplica().value()), model.saturationPerReplica().basis().label(),
                nullable(model.busiestLoadPerReplica().value()), model.concurrency().source().label(),
                nullable(o.costPer1k()), o.currency(), model.work().rateUnit()));
        v.addAll(RowTables.tokenCostValues(o));
        v.add(entries);
        return List.of(RowFactory.create(v.toArray()));
    }

    /** The row without its last column, the model's entries: a row of {@link #SUMMARY}. */
    public static Row summary(Row r) {
        Object[] v = new Object[r.length() - 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        return RowFactory.create(v);
    }

}
