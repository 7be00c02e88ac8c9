package dev.scalewise.jobs;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SharedSpark's DataFrame assertions, in whichever build runs them (spark-testing-base under Spark 3.5,
 * our own under -Pspark4): both must accept and refuse the same frames.
 */
class SameRowsTest {
    private static final StructType SCHEMA = new StructType()
            .add("service", DataTypes.StringType)
            .add("cost", DataTypes.DoubleType)
            .add("minutes", DataTypes.LongType);

    private static Dataset<Row> frame(StructType schema, Row... rows) {
        return SharedSpark.get().createDataFrame(List.of(rows), schema);
    }

    private static Dataset<Row> frame(Row... rows) {
        return frame(SCHEMA, rows);
    }

    @Test
    void equalFramesAndDifferencesWithinTheTolerancePass() {
        Dataset<Row> a = frame(RowFactory.create("chat", 1.0, 5L), RowFactory.create("embed", Double.NaN, null));
        assertDoesNotThrow(() -> SharedSpark.assertSameRows(a, a, 0.0));
        Dataset<Row> b = frame(RowFactory.create("chat", 1.0 + 1e-13, 5L), RowFactory.create("embed", Double.NaN, null));
        assertDoesNotThrow(() -> SharedSpark.assertSameRows(a, b, 1e-12));
        assertTrue(SharedSpark.sameRow(RowFactory.create("chat", 1.0), RowFactory.create("chat", 1.0 + 1e-13), 1e-12));
    }

    @Test
    void aDoubleBeyondTheToleranceFails() {
        Dataset<Row> a = frame(RowFactory.create("chat", 1.0, 5L));
        Dataset<Row> b = frame(RowFactory.create("chat", 1.001, 5L));
        assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(a, b, 1e-6));
        assertFalse(SharedSpark.sameRow(RowFactory.create("chat", 1.0), RowFactory.create("chat", 1.001), 1e-6));
    }

    @Test
    void anotherStringLongNullOrOrderFails() {
        Dataset<Row> a = frame(RowFactory.create("chat", 1.0, 5L), RowFactory.create("embed", 2.0, 6L));
        assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(a,
                frame(RowFactory.create("chat", 1.0, 5L), RowFactory.create("rerank", 2.0, 6L)), 1.0));
        assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(a,
                frame(RowFactory.create("chat", 1.0, 5L), RowFactory.create("embed", 2.0, 7L)), 1.0));
        assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(a,
                frame(RowFactory.create("chat", 1.0, 5L), RowFactory.create("embed", 2.0, null)), 1.0));
        assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(a,
                frame(RowFactory.create("embed", 2.0, 6L), RowFactory.create("chat", 1.0, 5L)), 1.0));
    }

    @Test
    void anotherRowCountOrSchemaFails() {
        Dataset<Row> a = frame(RowFactory.create("chat", 1.0, 5L), RowFactory.create("embed", 2.0, 6L));
        assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(a, frame(RowFactory.create("chat", 1.0, 5L)), 0.0));
        StructType renamed = new StructType().add("service", DataTypes.StringType)
                .add("cost_per_1k", DataTypes.DoubleType).add("minutes", DataTypes.LongType);
        assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(a,
                frame(renamed, RowFactory.create("chat", 1.0, 5L), RowFactory.create("embed", 2.0, 6L)), 0.0));
        StructType retyped = new StructType().add("service", DataTypes.StringType)
                .add("cost", DataTypes.DoubleType).add("minutes", DataTypes.IntegerType);
        assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(a,
                frame(retyped, RowFactory.create("chat", 1.0, 5), RowFactory.create("embed", 2.0, 6)), 0.0));
    }
}
