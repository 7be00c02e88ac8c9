package dev.scalewise.jobs.ingest;

import dev.scalewise.UserError;

import java.util.function.Supplier;

/**
 * Turns the failures Spark raises for bad input in the middle of a job into {@link UserError}s: a
 * Parquet file whose column type differs from the first file's, a CSV that cannot be parsed, a path
 * that vanished. Everything else passes through as an internal error.
 */
public final class SparkErrors {
    private SparkErrors() {
    }

    public static <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) { // SparkException is checked but thrown undeclared from Scala
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UserError u) {
                    throw u;
                }
                String name = t.getClass().getSimpleName();
                if (name.equals("SchemaColumnConvertNotSupportedException") || name.equals("FileNotFoundException")
                        || name.equals("MalformedCSVException") || name.equals("ParquetDecodingException")) {
                    throw new UserError("cannot read the input: " + firstLine(e.getMessage()), e);
                }
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    public static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
