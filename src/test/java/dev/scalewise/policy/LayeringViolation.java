package dev.scalewise.policy;

/** A deliberate break of the layering, for arch.LayeringTest only: policy using the jobs' writer. */
public final class LayeringViolation {
    static Class<?> uses() {
        return dev.scalewise.jobs.output.PartitionedParquet.class;
    }
}
