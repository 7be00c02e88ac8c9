package dev.scalewise.jobs.rows;

import dev.scalewise.calibrate.Calibration;
import dev.scalewise.calibrate.Trust;
import dev.scalewise.recommend.KnobChange;
import dev.scalewise.recommend.Recommendation;
import dev.scalewise.recommend.RecommendationRow;
import dev.scalewise.recommend.ValueFormat;
import dev.scalewise.sim.Outcome;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.scalewise.jobs.rows.RowTables.nullable;

/**
 * A {@link Recommendation} flattened into one Spark row (it holds Optionals and cannot be encoded as it
 * is): the columns of recommendations/date=.../ Parquet, and what the driver needs to render the answer
 * and edit the manifests.
 */
public final class RecommendRows {
    // before SCHEMA: static fields initialize in order
    private static final List<String> PERIODS = List.of("train", "holdout");
    private static final List<String> SERIES = List.of("current", "recommended", "observed");

    private static final StructType KNOB = new StructType().add("name", DataTypes.StringType)
            .add("path", DataTypes.StringType).add("aliases", DataTypes.createArrayType(DataTypes.StringType))
            .add("current", DataTypes.DoubleType).add("recommended", DataTypes.DoubleType)
            .add("format", DataTypes.StringType).add("why", DataTypes.StringType);
    private static final StructType KNOB_VALUE = new StructType().add("name", DataTypes.StringType)
            .add("value", DataTypes.DoubleType);
    private static final StructType POINT = new StructType()
            .add("knobs", DataTypes.createArrayType(KNOB_VALUE))
            .add("cost_per_1k", DataTypes.DoubleType).add("breach_minutes", DataTypes.LongType)
            .add("budget_burn", DataTypes.DoubleType).add("meets_objective", DataTypes.BooleanType)
            .add("days", DataTypes.DoubleType);

    public static final StructType SCHEMA = outcomes(new StructType()
            .add("date", DataTypes.StringType)
            .add("service", DataTypes.StringType)
            .add("policy", DataTypes.StringType)
            .add("manifest_kind", DataTypes.StringType)
            .add("manifest", DataTypes.StringType)
            .add("manifest_file", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("explanation", DataTypes.StringType)
            .add("knobs", DataTypes.createArrayType(KNOB)))
            .add("monthly_current", DataTypes.DoubleType)
            .add("monthly_recommended", DataTypes.DoubleType)
            .add("monthly_observed", DataTypes.DoubleType)
            .add("currency", DataTypes.StringType)
            .add("savings_pct", DataTypes.DoubleType)
            .add("savings_vs_observed_pct", DataTypes.DoubleType)
            .add("held_out", DataTypes.BooleanType)
            .add("robust", DataTypes.BooleanType)
            .add("robustness", DataTypes.StringType)
            .add("candidates", DataTypes.IntegerType)
            .add("frontier", DataTypes.createArrayType(POINT))
            .add("capacity_rps_per_replica", DataTypes.DoubleType)
            .add("capacity_kind", DataTypes.StringType)
            .add("busiest_rps_per_replica", DataTypes.DoubleType)
            .add("trust", DataTypes.StringType)
            .add("trust_reason", DataTypes.StringType)
            .add("load_unit", DataTypes.StringType);

    private RecommendRows() {
    }

    /**
     * Per period x series: cost per 1k, breach minutes, budget burn, minutes above the busiest observed load
     * per replica, breach minutes history cannot confirm, cost per million tokens (LLM services with
     * token counts; null for the others), and TTFT and TPOT breach minutes apart (null without such a target).
     */
    private static StructType outcomes(StructType s) {
        for (String period : PERIODS) {
            for (String series : SERIES) {
                String p = period + "_" + series + "_";
                s = s.add(p + "cost_per_1k", DataTypes.DoubleType).add(p + "breach_minutes", DataTypes.LongType)
                        .add(p + "budget_burn", DataTypes.DoubleType)
                        .add(p + "above_observed_minutes", DataTypes.LongType)
                        .add(p + "unidentified_breach_minutes", DataTypes.LongType)
                        .add(p + "cost_per_1m_tokens", DataTypes.DoubleType)
                        .add(p + "ttft_breach_minutes", DataTypes.LongType)
                        .add(p + "tpot_breach_minutes", DataTypes.LongType);
            }
        }
        return s;
    }

    /** @param policyLabel how results name the policy (controller/name, as in backtest) */
    public static Row toRow(Recommendation r, String date, String policyLabel) {
        List<Object> v = new ArrayList<>(List.of(date, r.service(), policyLabel, r.kind(), r.manifest(), r.manifestFile(),
                r.status().name(), r.reason(), r.explanation(), r.knobs().stream().map(RecommendRows::knob).toArray(Row[]::new)));
        Optional<Recommendation.Evidence> e = r.evidence();
        for (String period : PERIODS) {
            Optional<Recommendation.Periods> ps = e.map(x -> period.equals("train") ? x.train() : x.holdout());
            for (String series : SERIES) {
                Optional<Outcome> o = ps.map(p -> series.equals("current") ? p.current()
                        : series.equals("recommended") ? p.recommended() : p.observed());
                v.add(o.map(x -> nullable(x.costPer1k())).orElse(null));
                v.add(o.map(Outcome::breachMinutes).orElse(null));
                v.add(o.map(x -> nullable(x.budgetBurn())).orElse(null));
                v.add(o.map(Outcome::aboveObservedMinutes).orElse(null));
                v.add(o.map(Outcome::unidentifiedBreachMinutes).orElse(null));
                v.add(o.map(x -> nullable(x.costPer1MTokens())).orElse(null));
                v.add(o.map(x -> RowTables.count(x.ttftBreachMinutes())).orElse(null));
                v.add(o.map(x -> RowTables.count(x.tpotBreachMinutes())).orElse(null));
            }
        }
        v.add(e.map(x -> nullable(x.monthly().current())).orElse(null));
        v.add(e.map(x -> nullable(x.monthly().recommended())).orElse(null));
        v.add(e.map(x -> nullable(x.monthly().observed())).orElse(null));
        v.add(e.map(x -> x.monthly().currency()).orElse(""));
        v.add(e.map(x -> nullable(x.monthly().savingsPercent())).orElse(null));
        v.add(e.map(x -> nullable(x.monthly().savingsVsObservedPercent())).orElse(null));
        v.add(e.map(Recommendation.Evidence::heldOut).orElse(false));
        v.add(e.map(x -> x.robustness().holds()).orElse(false));
        v.add(e.map(x -> x.robustness().verdict()).orElse(""));
        v.add(e.map(Recommendation.Evidence::candidatesEvaluated).orElse(0));
        v.add(e.map(x -> x.frontier().stream().map(p -> RowFactory.create(p.knobs().entrySet().stream()
                        .map(k -> RowFactory.create(k.getKey(), k.getValue())).toArray(Row[]::new),
                nullable(p.costPer1k()), p.breachMinutes(), nullable(p.budgetBurn()), p.meetsObjective(), p.days()))
                .toArray(Row[]::new)).orElse(new Row[0]));
        Optional<Calibration> c = e.map(Recommendation.Evidence::calibration);
        v.add(c.map(x -> nullable(x.model().capacityPerReplica().value())).orElse(null));
        v.add(c.map(x -> x.model().capacityPerReplica().basis().label()).orElse("unknown"));
        v.add(c.map(x -> nullable(x.model().busiestLoadPerReplica().value())).orElse(null));
        v.add(c.map(x -> x.trust().label()).orElse(Trust.UNTRUSTED.label()));
        v.add(c.map(Calibration::reason).orElse("no model to calibrate: " + r.reason()));
        v.add(c.map(x -> x.model().work().rateUnit()).orElse(null));
        return RowFactory.create(v.toArray());
    }

    /** A row back on the driver: the recommendation without its evidence, and every column. */
    public static RecommendationRow read(Row r) {
        return new RecommendationRow(forEditing(r), RowTables.columns(r));
    }

    /** The part of a recommendation the manifest editor needs, rebuilt on the driver. */
    static Recommendation forEditing(Row r) {
        List<Row> knobs = r.getList(r.fieldIndex("knobs"));
        List<KnobChange> changes = new ArrayList<>();
        for (Row k : knobs) {
            changes.add(new KnobChange(k.getString(0), k.getString(1), k.getList(2), k.getDouble(3), k.getDouble(4),
                    ValueFormat.valueOf(k.getString(5)), k.size() > 6 && !k.isNullAt(6) ? k.getString(6) : ""));
        }
        return new Recommendation(r.getAs("service"), r.getAs("policy"), r.getAs("manifest_kind"), r.getAs("manifest"),
                r.getAs("manifest_file"), Recommendation.Status.valueOf(r.getAs("status")), r.getAs("reason"), changes,
                r.getAs("explanation"), Optional.empty());
    }

    private static Row knob(KnobChange k) {
        return RowFactory.create(k.name(), k.path(), k.aliases().toArray(String[]::new), k.current(), k.recommended(),
                k.format().name(), k.why());
    }

}
