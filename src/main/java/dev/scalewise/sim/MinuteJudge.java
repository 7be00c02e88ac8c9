package dev.scalewise.sim;

/**
 * Folds the steps of one minute into its SLO verdict: the minute's modeled (or observed) SLO-percentile
 * latency is the worst of its steps that carried traffic, and it breaches when that exceeds the
 * threshold. A minute without traffic is not judged (no request could miss the SLO).
 */
final class MinuteJudge {
    /**
     * A latency within this share of the threshold meets it: a percentile sitting exactly on the threshold
     * (load exactly at capacity) comes back from a monitoring system's histogram_quantile a few parts per
     * billion off (the sample's rerank minute 11309: 300 ms read back from Prometheus as 300.0000006 ms).
     */
    static final double RELATIVE_TOLERANCE = 1e-6;

    private final double thresholdMs;
    private double worstMs;
    private boolean judged;
    private boolean coldStart;
    private boolean unknown;

    MinuteJudge(double thresholdMs) {
        this.thresholdMs = thresholdMs * (1 + RELATIVE_TOLERANCE);
    }

    boolean breaches(double latencyMs) {
        return latencyMs > thresholdMs;
    }

    /** A step with traffic and known latency. */
    void add(double latencyMs) {
        judged = true;
        if (latencyMs > worstMs) {
            worstMs = latencyMs;
        }
    }

    /** The minute had demand while no replica was ready. */
    void markColdStart() {
        coldStart = true;
    }

    /** The minute had a step whose requests are unknown (a gap). */
    void markUnknown() {
        unknown = true;
    }

    /** Books the minute ({@code minutes} times when one step spans several) and starts the next. */
    void flush(OutcomeTally tally, int minutes) {
        if (judged) {
            tally.addSloMinutes(breaches(worstMs), minutes);
        }
        if (coldStart) {
            tally.addColdStartMinutes(minutes);
        }
        if (unknown) {
            tally.addUnknownMinutes(minutes);
        }
        worstMs = 0;
        judged = false;
        coldStart = false;
        unknown = false;
    }
}
