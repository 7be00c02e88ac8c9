package dev.scalewise.sim;

import dev.scalewise.policy.Slo;

import java.util.List;

/**
 * Folds the steps of one minute into its SLO verdict: the minute's modeled (or observed) SLO-percentile
 * latency is the worst of its steps that carried traffic, and it breaches when that exceeds the
 * threshold. A minute without traffic is not judged (no request could miss the SLO), and neither is one
 * the {@link MinuteMask} leaves out.
 *
 * <p>A replay also marks what in the minute rests on load history never showed: a step above the busiest
 * known load per replica ({@link #markAboveObserved}), and steps whose latency depends on a capacity
 * history cannot show ({@link #addBeyondHistory}); a breach only those steps make is "unidentified".
 */
final class MinuteJudge {
    private final double thresholdMs;
    private final MinuteMask mask;
    private final MinuteLog log;
    private long minute;
    private double worstMs;
    private double worstIdentifiedMs;
    private boolean judged;
    private boolean coldStart;
    private boolean unknown;
    private boolean aboveObserved;
    private long breachMinutes;
    /** With several SLO targets: each one's metric, threshold and worst latency this minute (own scale). */
    private Slo.Metric[] targetMetrics;
    private double[] targetThresholds;
    private double[] targetWorst;

    /**
     * @param mask the minutes to judge; null judges every minute with traffic (the observed run, which
     *             applies the same rule itself)
     */
    MinuteJudge(double thresholdMs, MinuteMask mask, MinuteLog log) {
        this.thresholdMs = thresholdMs;
        this.mask = mask;
        this.log = log;
    }

    /**
     * Judges each of the SLO's targets apart as well (TTFT and TPOT breach minutes counted separately): an
     * SLO with several targets; the steps then come with {@link #addTargets}.
     */
    MinuteJudge withTargets(Slo slo) {
        List<Slo.Target> targets = slo.targets();
        targetMetrics = new Slo.Metric[targets.size()];
        targetThresholds = new double[targets.size()];
        targetWorst = new double[targets.size()];
        for (int k = 0; k < targets.size(); k++) {
            targetMetrics[k] = targets.get(k).metric();
            targetThresholds[k] = targets.get(k).thresholdMs();
        }
        return this;
    }

    /** A step's latency of each target on its own scale (the first target first), beside {@link #add}. */
    void addTargets(double[] ms) {
        for (int k = 0; k < targetWorst.length; k++) {
            if (ms[k] > targetWorst[k]) {
                targetWorst[k] = ms[k];
            }
        }
    }

    boolean breaches(double latencyMs) {
        return Slo.exceeds(latencyMs, thresholdMs);
    }

    /** Breach minutes booked so far. */
    long breachMinutes() {
        return breachMinutes;
    }

    /** A step with traffic and known latency. */
    void add(double latencyMs) {
        judged = true;
        if (latencyMs > worstMs) {
            worstMs = latencyMs;
        }
        if (latencyMs > worstIdentifiedMs) {
            worstIdentifiedMs = latencyMs;
        }
    }

    /** A step with traffic whose latency rests on a capacity beyond what history shows. */
    void addBeyondHistory(double latencyMs) {
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

    /** The minute had a step whose demand per ready replica exceeded the busiest load history showed. */
    void markAboveObserved() {
        aboveObserved = true;
    }

    /** Books the minute ({@code minutes} times when one step spans several) and starts the next one. */
    void flush(OutcomeTally tally, int minutes) {
        flush(tally, minute, minutes);
    }

    /** As {@link #flush(OutcomeTally, int)} for the minute with index {@code at}; the next one follows it. */
    void flush(OutcomeTally tally, long at, int minutes) {
        boolean isUnknown = unknown || (mask != null && mask.unknown(at));
        if (judged && (mask == null || mask.judged(at))) {
            boolean breach = breaches(worstMs);
            tally.addSloMinutes(breach, minutes);
            if (breach) {
                breachMinutes += minutes;
            }
            for (int k = 0; targetWorst != null && k < targetWorst.length; k++) {
                if (Slo.exceeds(targetWorst[k], targetThresholds[k])) {
                    tally.addTargetBreachMinutes(targetMetrics[k], minutes);
                }
            }
            if (breach && !breaches(worstIdentifiedMs)) {
                tally.addUnidentifiedBreachMinutes(minutes);
            }
            log.minute(at, minutes, worstMs, breach);
        }
        if (coldStart && !isUnknown) {
            tally.addColdStartMinutes(minutes);
        }
        if (isUnknown) {
            tally.addUnknownMinutes(minutes);
        }
        if (aboveObserved && !isUnknown) {
            tally.addAboveObservedMinutes(minutes);
        }
        minute = at + minutes;
        worstMs = 0;
        worstIdentifiedMs = 0;
        judged = false;
        coldStart = false;
        unknown = false;
        aboveObserved = false;
        if (targetWorst != null) {
            java.util.Arrays.fill(targetWorst, 0);
        }
    }
}
