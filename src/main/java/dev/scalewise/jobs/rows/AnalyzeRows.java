package dev.scalewise.jobs.rows;

import dev.scalewise.Numbers;
import dev.scalewise.backtest.AnalyzeDay;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.sim.Outcome;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** `analyze`'s rows: one per service and UTC day, the columns of analyze/date=.../ Parquet. */
public final class AnalyzeRows {
    /** Output columns, in order; "date" (yyyy-MM-dd, UTC) is the partition column under --out. */
    public static final StructType SCHEMA = RowTables.withTokenColumns(new StructType()
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
            .add("trust_reason", DataTypes.StringType));

    private AnalyzeRows() {
    }

    /** The as-run rows of one service: the same numbers as the backtest's observed rows (docs/analyze.md). */
    public static List<Row> rows(ServiceHistory h, ServiceSpec spec) {
        String slo = sloLabel(spec.slo());
        List<Row> out = new ArrayList<>();
        for (AnalyzeDay d : AnalyzeDay.of(h, spec)) {
            Outcome o = d.outcome();
            Fitted c = d.capacity();
            List<Object> v = new ArrayList<>(Arrays.asList(d.date().toString(), o.service(), o.requests(), o.cost(), o.currency(),
                    o.costPer1k(), o.replicaHours(), o.meanReplicas(), o.maxReplicas(), o.meanGpuUtil(), slo,
                    o.sloMinutes(), o.breachMinutes(), o.breachRatio(), o.budgetBurn(), d.idleShare(), c.value(),
                    c.confidence().name().toLowerCase(Locale.ROOT), c.note(), o.unknownMinutes(), c.basis().label(),
                    d.calibration().model().busiestLoadPerReplica().value(), d.calibration().trust().label(),
                    d.calibration().reason()));
            v.addAll(RowTables.tokenValues(d.calibration().model().work().rateUnit(), o));
            out.add(RowFactory.create(v.toArray()));
        }
        return out;
    }

    /**
     * "p95<=1000ms@99%": how the output names the SLO a row was judged against; an LLM service's further
     * targets follow ("p95<=30000ms & ttft p95<=2000ms & tpot p95<=100ms@99%").
     */
    public static String sloLabel(Slo slo) {
        List<String> targets = new ArrayList<>();
        for (Slo.Target t : slo.targets()) {
            targets.add((t.metric() == Slo.Metric.LATENCY ? "" : t.metric().key() + " ")
                    + t.percentile().name().toLowerCase(Locale.ROOT) + "<=" + Numbers.plain(t.thresholdMs()) + "ms");
        }
        return String.join(" & ", targets) + "@" + Numbers.plain(slo.objective() * 100) + "%";
    }
}
