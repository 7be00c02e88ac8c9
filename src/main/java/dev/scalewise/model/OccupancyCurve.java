package dev.scalewise.model;

/**
 * Requests in the system (or waiting) per replica as a function of its load: load x the mean time a
 * request spends there at that load (Little's law), with that time a non-decreasing curve in the load.
 * Where history has in-flight (or queue-depth) data the time is fitted to it; where it has only
 * latency, it is the latency curve itself, and {@link #source()} says so.
 *
 * @param signal     "concurrency" or "queue_depth"
 * @param timeMs     mean time in the system (or waiting) per request, ms, vs load per replica; null when unknown
 * @param source     where the relation comes from
 * @param sampleSize steps it rests on
 * @param confidence by the criteria of docs/replay.md ("Confidence")
 * @param note       how it was obtained (or why it is unknown)
 */
public record OccupancyCurve(String signal, LatencyCurve timeMs, Source source, long sampleSize, Confidence confidence,
                             String note) {

    public enum Source {
        /** Fitted to the history's in-flight or queue-depth data. */
        OBSERVED("observed"),
        /** Little's law with a latency curve: the history has no in-flight data. */
        LITTLES_LAW("Little's law"),
        /** Nothing to go on. */
        UNKNOWN("unknown");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static OccupancyCurve unknown(String signal, long sampleSize, String why) {
        return new OccupancyCurve(signal, null, Source.UNKNOWN, sampleSize, Confidence.LOW, why);
    }

    public boolean known() {
        return timeMs != null;
    }

    /** Requests per replica at {@code rpsPerReplica}; NaN when unknown. */
    public double at(double rpsPerReplica) {
        return timeMs == null ? Double.NaN : rpsPerReplica * timeMs.latencyMs(rpsPerReplica) * 0.001;
    }
}
