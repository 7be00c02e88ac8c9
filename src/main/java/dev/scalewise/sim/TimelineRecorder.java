package dev.scalewise.sim;

/**
 * Receives one row per autoscaler decision period of a replay (the {@code scalewise replay} view).
 * Primitives only, so recording allocates nothing unless the receiver does.
 */
public interface TimelineRecorder {
    /** Records nothing: the default, and the fast path of the replay loop. */
    TimelineRecorder NONE = (t, d, s, de, st, r, b, l, br, c) -> { };

    /**
     * @param secondsSinceStart start of the decision period
     * @param demandRps         mean arrival rate over the period
     * @param signalSeen        the chosen signal as the autoscaler saw it at the decision
     * @param desiredReplicas   what the autoscaler asked for
     * @param startingReplicas  replicas paid for but not yet serving, after the decision
     * @param readyReplicas     replicas serving, after the decision
     * @param backlogRequests   requests waiting at the end of the period
     * @param latencyMs         worst modeled SLO-percentile latency in the period (0 without traffic)
     * @param breach            whether any step with traffic in the period exceeded the threshold
     * @param cost              cost of the replicas paid for in the period
     */
    void row(long secondsSinceStart, double demandRps, double signalSeen, int desiredReplicas, int startingReplicas,
             int readyReplicas, double backlogRequests, double latencyMs, boolean breach, double cost);
}
