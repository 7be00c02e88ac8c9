package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;

/**
 * Which minutes of a history are judged against the SLO and which hold unknown demand: one rule for the
 * observed run and every replay, so their breach minutes count the same minutes (docs/replay.md, "Same
 * footing"). A minute is judged when a step starting in it has known, positive demand and known latency
 * of the SLO's percentile (any known demand when the history has no latency of that percentile at all);
 * it is unknown when a step starting in it has unknown demand. A step longer than a minute marks each of
 * its minutes alike.
 */
final class MinuteMask {
    private final boolean[] judged;
    private final boolean[] unknown;

    private MinuteMask(boolean[] judged, boolean[] unknown) {
        this.judged = judged;
        this.unknown = unknown;
    }

    static MinuteMask of(ServiceHistory h, double[] latencyMs) {
        int step = h.stepSeconds();
        int perStep = Math.max(1, step / 60);
        int minutes = (int) Math.max(1, ((long) h.steps() * step + 59) / 60 + perStep);
        boolean[] judged = new boolean[minutes];
        boolean[] unknown = new boolean[minutes];
        boolean latencyAnywhere = false;
        for (double v : latencyMs) {
            latencyAnywhere |= Double.isFinite(v);
        }
        for (int i = 0; i < h.steps(); i++) {
            double requests = h.requests()[i];
            long first = (long) i * step / 60;
            boolean isUnknown = Double.isNaN(requests);
            boolean isJudged = !isUnknown && requests > 0 && (Double.isFinite(latencyMs[i]) || !latencyAnywhere);
            for (int k = 0; k < perStep; k++) {
                int m = (int) (first + k);
                unknown[m] |= isUnknown;
                judged[m] |= isJudged;
            }
        }
        return new MinuteMask(judged, unknown);
    }

    /** The minutes that may be judged: no run judges more. */
    long judgeableMinutes() {
        long n = 0;
        for (boolean j : judged) {
            if (j) {
                n++;
            }
        }
        return n;
    }

    boolean judged(long minute) {
        return minute < judged.length && judged[(int) minute];
    }

    boolean unknown(long minute) {
        return minute < unknown.length && unknown[(int) minute];
    }
}
