package dev.scalewise.jobs.ingest;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a file's Spark schema against a dataset's Avro schema (the data contract). Numbers may widen
 * (int to long to double; float and decimal count as double); a timestamp may be a Spark timestamp
 * (with or without time zone, read as UTC) or a long of epoch milliseconds; a CSV column is a string
 * and its values are parsed later ({@link DatasetReader}). Tags may be a map or, in CSV, a JSON string.
 */
public final class SchemaCheck {
    /** What the contract wants of a column, in the reader's terms. */
    public enum Expected {
        TIMESTAMP("timestamp"), INT("int"), LONG("long"), DOUBLE("double"), STRING("string"), MAP("map<string,string>");

        final String label;

        Expected(String label) {
            this.label = label;
        }
    }

    public record ColumnSpec(String name, Expected expected, boolean required) {
    }

    /** A column that is missing or has the wrong type; found is "" when missing. */
    record Problem(String column, Expected expected, String found) {
        boolean missing() {
            return found.isEmpty();
        }
    }

    private SchemaCheck() {
    }

    public static List<ColumnSpec> columns(Schema avro) {
        List<ColumnSpec> out = new ArrayList<>();
        for (Schema.Field f : avro.getFields()) {
            Schema s = f.schema();
            boolean required = true;
            if (s.getType() == Schema.Type.UNION) {
                required = s.getTypes().stream().noneMatch(t -> t.getType() == Schema.Type.NULL);
                s = s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
            }
            out.add(new ColumnSpec(f.name(), expected(s), required));
        }
        return out;
    }

    private static Expected expected(Schema s) {
        return switch (s.getType()) {
            case LONG -> s.getLogicalType() instanceof LogicalTypes.TimestampMillis ? Expected.TIMESTAMP : Expected.LONG;
            case INT -> Expected.INT;
            case DOUBLE, FLOAT -> Expected.DOUBLE;
            case STRING -> Expected.STRING;
            case MAP -> Expected.MAP;
            default -> throw new IllegalStateException("schema type not handled by the reader: " + s);
        };
    }

    /**
     * Problems of one schema. Missing optional columns are fine (the reader fills them with null); a
     * missing required column or a type the contract cannot widen to is a problem. With {@code csv},
     * only presence is checked (every CSV column is a string).
     */
    static List<Problem> check(List<ColumnSpec> specs, StructType schema, boolean csv) {
        List<Problem> problems = new ArrayList<>();
        for (ColumnSpec c : specs) {
            Optional<StructField> field = find(schema, c.name());
            if (field.isEmpty()) {
                if (c.required()) {
                    problems.add(new Problem(c.name(), c.expected(), ""));
                }
            } else if (!csv && !accepts(c.expected(), field.get().dataType())) {
                problems.add(new Problem(c.name(), c.expected(), field.get().dataType().simpleString()));
            }
        }
        return problems;
    }

    static Optional<StructField> find(StructType schema, String name) {
        return Arrays.stream(schema.fields()).filter(f -> f.name().equals(name)).findFirst();
    }

    static List<String> names(StructType schema) {
        return Arrays.asList(schema.fieldNames());
    }

    private static final Set<DataType> INTS = Set.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType);

    static boolean accepts(Expected e, DataType t) {
        return switch (e) {
            case TIMESTAMP -> t.equals(DataTypes.TimestampType) || t.equals(DataTypes.TimestampNTZType)
                    || t.equals(DataTypes.LongType);
            case INT -> INTS.contains(t);
            case LONG -> INTS.contains(t) || t.equals(DataTypes.LongType);
            case DOUBLE -> INTS.contains(t) || t.equals(DataTypes.LongType) || t.equals(DataTypes.FloatType)
                    || t.equals(DataTypes.DoubleType) || t instanceof DecimalType;
            case STRING -> t.equals(DataTypes.StringType);
            case MAP -> t instanceof MapType m && m.keyType().equals(DataTypes.StringType)
                    && m.valueType().equals(DataTypes.StringType);
        };
    }
}
