package dev.scalewise.jobs;

import com.holdenkarau.spark.testing.DataFrameSuiteBase$;
import org.apache.spark.sql.Row;

/**
 * When two rows are the same for {@link SharedSpark#assertSameRows}, in the Spark 3.5 build:
 * spark-testing-base's rule, as its {@code assertDataFrameApproximateEquals} applies it (equal, or
 * {@code approxEquals}). The Spark 4 build has its own class of this name in src/test/spark4
 * (docs/decisions.md D20).
 */
final class RowEquality {
    private RowEquality() {
    }

    static boolean approxEquals(Row expected, Row actual, double tolerance) {
        return expected.equals(actual) || DataFrameSuiteBase$.MODULE$.approxEquals(expected, actual, tolerance);
    }
}
