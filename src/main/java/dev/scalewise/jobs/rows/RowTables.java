package dev.scalewise.jobs.rows;

import dev.scalewise.report.Column;
import dev.scalewise.report.Table;
import dev.scalewise.sim.Outcome;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collected Spark rows as the core sees them: a renderer {@link Table} (null becomes NaN for numbers, ""
 * for text), or every column by name.
 */
public final class RowTables {
    private RowTables() {
    }

    /** A number the core leaves NaN (unknown, or not applicable) as a null column value. */
    static Double nullable(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * {@code s} followed by the LLM columns analyze and backtest rows end with: the load unit, tokens and cost per
     * million ({@link #withTokenCostColumns}), then TTFT and TPOT breach minutes apart (null without such a target).
     */
    static StructType withTokenColumns(StructType s) {
        return withTokenCostColumns(s.add("load_unit", DataTypes.StringType))
                .add("ttft_breach_minutes", DataTypes.LongType)
                .add("tpot_breach_minutes", DataTypes.LongType);
    }

    /** {@code s} followed by an outcome's prompt and generated tokens and its cost per million tokens (null without tokens). */
    static StructType withTokenCostColumns(StructType s) {
        return s.add("prompt_tokens", DataTypes.DoubleType)
                .add("generation_tokens", DataTypes.DoubleType)
                .add("cost_per_1m_input_tokens", DataTypes.DoubleType)
                .add("cost_per_1m_output_tokens", DataTypes.DoubleType)
                .add("cost_per_1m_tokens", DataTypes.DoubleType);
    }

    /** The values of {@link #withTokenColumns}'s columns for one outcome; {@code loadUnit} null when unknown. */
    static List<Object> tokenValues(String loadUnit, Outcome o) {
        List<Object> v = new ArrayList<>();
        v.add(loadUnit);
        v.addAll(tokenCostValues(o));
        v.add(count(o.ttftBreachMinutes()));
        v.add(count(o.tpotBreachMinutes()));
        return v;
    }

    /** The values of {@link #withTokenCostColumns}'s columns for one outcome. */
    static List<Object> tokenCostValues(Outcome o) {
        return Arrays.asList(nullable(o.promptTokens()), nullable(o.generationTokens()),
                nullable(o.costPer1MInputTokens()), nullable(o.costPer1MOutputTokens()), nullable(o.costPer1MTokens()));
    }

    /** A count the core leaves NaN (not applicable) as a null column value. */
    static Long count(double v) {
        return Double.isFinite(v) ? (long) v : null;
    }

    public static Table of(StructType schema, List<Row> rows) {
        List<Column> cols = new ArrayList<>();
        for (StructField f : schema.fields()) {
            cols.add(new Column(f.name(), type(f.dataType())));
        }
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                values.add(value(cols.get(i).type(), r.isNullAt(i) ? null : r.get(i)));
            }
            out.add(values);
        }
        return new Table(cols, out);
    }

    /** Every field by name, in schema order; nested rows as maps, arrays as lists (what Row.json() shows). */
    public static Map<String, Object> columns(Row r) {
        Map<String, Object> out = new LinkedHashMap<>();
        StructField[] fields = r.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            Object v = r.isNullAt(i) ? null : fields[i].dataType() instanceof ArrayType
                    ? r.getList(i).stream().map(RowTables::value).toList() : value(r.get(i));
            out.put(fields[i].name(), v);
        }
        return out;
    }

    private static Object value(Object v) {
        return v instanceof Row nested ? columns(nested) : v;
    }

    private static Column.Type type(DataType t) {
        if (t.equals(DataTypes.LongType) || t.equals(DataTypes.IntegerType)) {
            return Column.Type.INTEGER;
        }
        if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)) {
            return Column.Type.NUMBER;
        }
        return Column.Type.TEXT;
    }

    private static Object value(Column.Type type, Object v) {
        return switch (type) {
            case NUMBER -> v == null ? Double.NaN : ((Number) v).doubleValue();
            case INTEGER -> v == null ? Double.NaN : ((Number) v).longValue();
            default -> v == null ? "" : v.toString();
        };
    }
}
