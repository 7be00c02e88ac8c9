package dev.scalewise.jobs;

import dev.scalewise.report.Column;
import dev.scalewise.report.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** Collected Spark rows as a renderer {@link Table}: null becomes NaN (numbers) or "" (text). */
public final class RowTables {
    private RowTables() {
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
