package dev.scalewise.model;

/** A deliberate break of the layering, for arch.LayeringTest only: model using a Spark row. */
public final class LayeringViolation {
    static Class<?> uses() {
        return org.apache.spark.sql.Row.class;
    }
}
