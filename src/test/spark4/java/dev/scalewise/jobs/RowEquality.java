package dev.scalewise.jobs;

import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * When two rows are the same for {@link SharedSpark#assertSameRows}, in the Spark 4 build, where Maven
 * Central has no spark-testing-base: the rule of spark-testing-base's {@code approxEquals}, which the
 * Spark 3.5 build's class of this name in src/test/spark35 calls (docs/decisions.md D20). Fields are
 * equal; floating-point and decimal values may differ by the tolerance (absolute); NaN equals NaN.
 */
final class RowEquality {
    private RowEquality() {
    }

    static boolean approxEquals(Row expected, Row actual, double tolerance) {
        if (expected.length() != actual.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (!same(expected.get(i), actual.get(i), tolerance)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object x, Object y, double tolerance) {
        if (x == null || y == null) {
            return x == y;
        }
        if ((x instanceof Double || x instanceof Float) && x.getClass() == y.getClass()) {
            double p = ((Number) x).doubleValue();
            double q = ((Number) y).doubleValue();
            return Double.isNaN(p) ? Double.isNaN(q) : p == q || Math.abs(p - q) <= tolerance;
        }
        if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
            return p.subtract(q).abs().compareTo(BigDecimal.valueOf(tolerance)) <= 0;
        }
        if (x instanceof Row p && y instanceof Row q) {
            return approxEquals(p, q, tolerance);
        }
        if (x instanceof byte[] p && y instanceof byte[] q) {
            return Arrays.equals(p, q);
        }
        return x.equals(y);
    }
}
