package dev.scalewise.sim;

import java.util.List;

/**
 * A replay's (or the as-run baseline's) outcome per UTC day, in time order, and over the whole span.
 *
 * @param cutShort  the replay ended early by its {@link StopRule}: every figure covers only the minutes up to
 *                  the one that proved it over its limit (breach minutes above the limit, everything else
 *                  short of what the whole span would show)
 * @param mostAsked the most replicas the replay started with or its controller asked for at any decision
 *                  ({@link #UNKNOWN} when not counted). Every controller applies maxReplicas last, as a bound on
 *                  what it asks for; a bound that never bound changes nothing, so the same policy with any
 *                  maxReplicas above this number replays the same, bit for bit
 */
public record ReplayResult(List<Outcome> days, Outcome total, boolean cutShort, int mostAsked) {
    /** Not counted: no maxReplicas is known to replay the same. */
    public static final int UNKNOWN = Integer.MAX_VALUE;

    /** A result whose controller's requests were not counted. */
    public ReplayResult(List<Outcome> days, Outcome total, boolean cutShort) {
        this(days, total, cutShort, UNKNOWN);
    }

    /**
     * Whether the policy replayed, whose maxReplicas was {@code ownMax}, replays the same with maxReplicas
     * {@code max} instead: when it never reached either bound, neither binds.
     */
    public boolean sameUnderMax(int ownMax, int max) {
        return mostAsked < Math.min(ownMax, max);
    }
}
