package dev.scalewise.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One row of a replay timeline; see {@link TimelineRecorder#row} for the fields. */
public record TimelineRow(long secondsSinceStart, double demandRps, double signalSeen, int desiredReplicas,
                          int startingReplicas, int readyReplicas, double backlogRequests, double latencyMs,
                          boolean breach, double cost) {

    /** A recorder that keeps every row in memory (fine for one service over days, not a fleet). */
    public static final class Collector implements TimelineRecorder {
        private final List<TimelineRow> rows = new ArrayList<>();

        @Override
        public void row(long t, double demandRps, double signalSeen, int desired, int starting, int ready,
                        double backlog, double latencyMs, boolean breach, double cost) {
            rows.add(new TimelineRow(t, demandRps, signalSeen, desired, starting, ready, backlog, latencyMs, breach, cost));
        }

        public List<TimelineRow> rows() {
            return Collections.unmodifiableList(rows);
        }
    }
}
