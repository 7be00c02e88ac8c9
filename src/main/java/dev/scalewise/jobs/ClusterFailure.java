package dev.scalewise.jobs;

import java.util.List;
import java.util.Optional;

/**
 * A run that failed because of the cluster, not the data or the code: the master cannot be reached, no
 * executor registered in time, an executor was lost, the master ended the application. The CLI reports
 * it in one line with exit code 3 (docs/cluster.md). {@link #of} also recognizes the failures Spark itself
 * raises for these, by the messages Spark 3.5 and 4 give them.
 */
public final class ClusterFailure extends RuntimeException {
    /** Spark's own words for a failure of the cluster, and what to tell the user before its message. */
    private record Symptom(String text, String meaning) {
    }

    /** How {@link ClusterWatch}'s reason for cancelling a job starts. */
    static final String NO_EXECUTOR = "no Spark executor registered in ";

    private static final List<Symptom> SYMPTOMS = List.of(
            new Symptom(NO_EXECUTOR, ""),
            new Symptom("All masters are unresponsive", "cannot reach the Spark master"),
            new Symptom("ExecutorLostFailure", "a Spark executor was lost"),
            new Symptom("Master removed our application", "the Spark master ended the application"),
            new Symptom("SparkContext was shut down", "the Spark application was stopped"),
            new Symptom("Cannot call methods on a stopped SparkContext", "the Spark application was stopped"),
            new Symptom("LiveListenerBus is stopped", "the Spark application was stopped"));

    public ClusterFailure(String message) {
        super(message);
    }

    /** The one line to report when {@code e} or one of its causes is a failure of the cluster. */
    public static Optional<String> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClusterFailure c) {
                return Optional.of(c.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (Symptom s : SYMPTOMS) {
                int at = message.indexOf(s.text());
                if (at >= 0) {
                    String line = firstLine(message.substring(at));
                    return Optional.of(s.meaning().isEmpty() ? line : s.meaning() + ": " + line);
                }
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }
}
