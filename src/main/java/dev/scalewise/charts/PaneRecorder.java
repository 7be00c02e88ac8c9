package dev.scalewise.charts;

import dev.scalewise.sim.TimelineRecorder;

/**
 * Reduces a replay's timeline to chart buckets as it runs: replicas paid for (starting + ready),
 * modeled latency, and the seconds of decision periods with a breach or with demand and no ready
 * replica (cold start). A period lasts until the next row; the last one until {@link #finish}.
 */
final class PaneRecorder implements TimelineRecorder {
    final Buckets replicas;
    final Buckets latency;
    final Buckets breach;
    final Buckets cold;
    private final long start;
    private long pendingT = -1;
    private boolean pendingBreach;
    private boolean pendingCold;

    PaneRecorder(long startSeconds, int bucketSeconds, int count) {
        this.start = startSeconds;
        replicas = new Buckets(startSeconds, bucketSeconds, count);
        latency = new Buckets(startSeconds, bucketSeconds, count);
        breach = new Buckets(startSeconds, bucketSeconds, count);
        cold = new Buckets(startSeconds, bucketSeconds, count);
    }

    @Override
    public void row(long secondsSinceStart, double demandRps, double signalSeen, int desiredReplicas,
                    int startingReplicas, int readyReplicas, double backlogRequests, double latencyMs, boolean isBreach,
                    double cost) {
        long t = start + secondsSinceStart;
        close(t);
        replicas.add(t, startingReplicas + readyReplicas);
        if (demandRps > 0) {
            latency.add(t, latencyMs);
        }
        pendingT = t;
        pendingBreach = isBreach;
        pendingCold = demandRps > 0 && readyReplicas == 0;
    }

    /** Ends the last period at {@code endSeconds} (epoch). */
    void finish(long endSeconds) {
        close(endSeconds);
        pendingT = -1;
    }

    private void close(long t) {
        if (pendingT < 0 || t <= pendingT) {
            return;
        }
        if (pendingBreach) {
            breach.addSeconds(pendingT, t - pendingT);
        }
        if (pendingCold) {
            cold.addSeconds(pendingT, t - pendingT);
        }
    }
}
