package dev.scalewise.jobs.rows;

import dev.scalewise.backtest.PolicyOutcome;
import dev.scalewise.backtest.PolicyTotal;
import dev.scalewise.backtest.Problem;
import dev.scalewise.backtest.ServiceBacktest;
import dev.scalewise.calibrate.Calibration;
import dev.scalewise.calibrate.Trust;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Outcome;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.scalewise.jobs.rows.RowTables.nullable;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

/**
 * `backtest`'s rows: one per service x policy x UTC day (the observed baseline included), and the
 * problems; and back from them, the totals the comparison shows and the outcomes lint's --results reads.
 */
public final class BacktestRows {
    /** schemas/backtest_result.avsc, with "date" (yyyy-MM-dd, UTC) first: the partition column. */
    public static final StructType SCHEMA = RowTables.withTokenColumns(new StructType()
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
            .add("trust_reason", DataTypes.StringType));

    /** schemas/backtest_problem.avsc, partitioned by the run's last day. */
    public static final StructType PROBLEMS = new StructType()
            .add("date", DataTypes.StringType)
            .add("service", DataTypes.StringType)
            .add("policy", DataTypes.StringType)
            .add("problem", DataTypes.StringType);

    /** Results and problems travel through the pipeline as one row type, told apart by "problem". */
    public static final StructType BOTH = SCHEMA.add("problem", DataTypes.StringType);

    private BacktestRows() {
    }

    /** Executor side: one service's backtest as rows of {@link #BOTH} (results, then problems). */
    public static List<Row> rows(ServiceHistory h, ServiceSpec spec, ServiceBacktest.Result result) {
        List<Row> out = new ArrayList<>();
        Optional<Calibration> c = result.calibration();
        for (PolicyOutcome po : result.outcomes()) {
            Outcome o = po.outcome();
            List<Object> v = new ArrayList<>(Arrays.asList(date(o.periodStart()), o.service(), po.policy().label(), po.policy().controller(),
                    po.policy().family().id(), po.policy().source(), Timestamp.from(o.periodStart()),
                    Timestamp.from(o.periodEnd()), o.requests(), o.cost(), o.currency(), nullable(o.costPer1k()),
                    o.replicaHours(), o.meanReplicas(), o.p95Replicas(), o.maxReplicas(), spec.slo().objective(),
                    o.sloMinutes(), o.breachMinutes(), nullable(o.breachRatio()), nullable(o.budgetBurn()),
                    o.scaleUpEvents(), o.scaleDownEvents(), o.coldStartMinutes(), o.idleCost(), o.idleShare(),
                    nullable(o.meanGpuUtil()), o.aboveObservedMinutes(), o.unidentifiedBreachMinutes(),
                    c.map(x -> nullable(x.model().capacityPerReplica().value())).orElse(null),
                    c.map(x -> x.model().capacityPerReplica().basis().label()).orElse("unknown"),
                    c.map(x -> nullable(x.model().busiestLoadPerReplica().value())).orElse(null),
                    c.map(x -> x.trust().label()).orElse(Trust.UNTRUSTED.label()),
                    c.map(Calibration::reason).orElse("no model could be fitted")));
            v.addAll(RowTables.tokenValues(c.map(x -> x.model().work().rateUnit()).orElse(null), o));
            v.add(null); // "problem": a result row
            out.add(RowFactory.create(v.toArray()));
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

    /** Day rows summed per service x policy in Spark; only those few totals reach the driver. */
    public static List<PolicyTotal> totals(Dataset<Row> results) {
        return results.groupBy("service", "policy")
                .agg(first("family"), sum("requests"), sum("cost"), first("currency"), sum("replica_hours"),
                        max("p95_replicas"), max("max_replicas"), first("slo_objective"), sum("slo_minutes"),
                        sum("breach_minutes"), sum(col("scale_up_events").plus(col("scale_down_events"))),
                        sum("cold_start_minutes"), sum("idle_cost"), sum("above_observed_minutes"),
                        sum("unidentified_breach_minutes"), first("trust"), first("capacity_kind"), sum("prompt_tokens"),
                        sum("generation_tokens"), sum("ttft_breach_minutes"), sum("tpot_breach_minutes"))
                .collectAsList().stream()
                .map(r -> new PolicyTotal(r.getString(0), r.getString(1), r.getString(2), r.getDouble(3), r.getDouble(4),
                        r.getString(5), r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getLong(10),
                        r.getLong(11), r.getLong(12), r.getLong(13), r.getDouble(14), r.getLong(15), r.getLong(16),
                        r.getString(17), r.getString(18), r.isNullAt(19) ? Double.NaN : r.getDouble(19),
                        r.isNullAt(20) ? Double.NaN : r.getDouble(20), r.isNullAt(21) ? Double.NaN : r.getLong(21),
                        r.isNullAt(22) ? Double.NaN : r.getLong(22)))
                .toList();
    }

    /** Rows of {@link #PROBLEMS}, back as the core's records. */
    public static List<Problem> problems(List<Row> rows) {
        return rows.stream().map(p -> new Problem(p.getString(1), p.getString(2), p.getString(3))).toList();
    }

    /** A result row back as the outcome it was written from (the fields the row holds). */
    public static Outcome outcome(Row r) {
        return new Outcome(r.getAs("service"), r.getAs("policy"), r.<Timestamp>getAs("period_start").toInstant(),
                r.<Timestamp>getAs("period_end").toInstant(), r.getAs("requests"), r.getAs("cost"), r.getAs("currency"),
                num(r, "cost_per_1k"), r.getAs("replica_hours"), r.getAs("mean_replicas"), r.getAs("p95_replicas"),
                r.getAs("max_replicas"), r.<Long>getAs("slo_minutes"), r.<Long>getAs("breach_minutes"),
                num(r, "breach_ratio"), num(r, "budget_burn"), r.<Long>getAs("scale_up_events"),
                r.<Long>getAs("scale_down_events"), r.<Long>getAs("cold_start_minutes"), r.getAs("idle_cost"),
                r.getAs("idle_share"), num(r, "mean_gpu_util"), 0, count(r, "above_observed_minutes"),
                count(r, "unidentified_breach_minutes"), num(r, "prompt_tokens"), num(r, "generation_tokens"),
                num(r, "cost_per_1m_input_tokens"), num(r, "cost_per_1m_output_tokens"), num(r, "cost_per_1m_tokens"),
                num(r, "ttft_breach_minutes"), num(r, "tpot_breach_minutes"));
    }

    /** A count column; 0 in results written before it existed. */
    private static long count(Row r, String column) {
        boolean present = java.util.Arrays.asList(r.schema().fieldNames()).contains(column);
        return present && !r.isNullAt(r.fieldIndex(column)) ? r.<Long>getAs(column) : 0;
    }

    private static double num(Row r, String column) {
        if (!java.util.Arrays.asList(r.schema().fieldNames()).contains(column)) {
            return Double.NaN; // results written before the column existed
        }
        Object v = r.getAs(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private static String date(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

}
