package dev.scalewise.jobs;

import dev.scalewise.data.Datasets;
import dev.scalewise.jobs.rows.BacktestRows;
import dev.scalewise.jobs.rows.CalibrateRows;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The backtest and calibrate jobs write exactly the columns its published schema names, in order, after the "date"
 * partition column (which Spark turns into the date=YYYY-MM-DD directory). No Spark session needed.
 */
class ResultSchemaTest {
    static Stream<Arguments> written() {
        return Stream.of(Arguments.of("backtest_result", BacktestRows.SCHEMA),
                Arguments.of("backtest_problem", BacktestRows.PROBLEMS),
                Arguments.of("calibration", CalibrateRows.SCHEMA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("written")
    void jobColumnsAreTheSchemaFieldsAfterTheDatePartition(String schema, StructType written) {
        List<String> expected = Stream.concat(Stream.of("date"),
                Datasets.schema(schema).getFields().stream().map(f -> f.name())).toList();
        assertEquals(expected, Arrays.asList(written.fieldNames()));
    }
}
