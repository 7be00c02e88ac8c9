package dev.scalewise.recommend;

import dev.scalewise.sim.TimelineRecorder;

import java.time.Instant;

/**
 * Counts a replay's breach minutes per UTC clock hour from its timeline (primitives only, one counter
 * per hour: a 90-day replay needs 2,160 of them whatever the controller's period).
 */
final class HourlyBreaches implements TimelineRecorder {
    private final Instant start;
    private final long offsetSeconds;
    private final long[] minutes;
    private final boolean[] starting;
    private long lastMinute = -1;

    HourlyBreaches(Instant start, long spanSeconds) {
        this.start = start;
        this.offsetSeconds = Math.floorMod(start.getEpochSecond(), 3600);
        int hours = (int) ((offsetSeconds + spanSeconds + 3599) / 3600) + 1;
        this.minutes = new long[hours];
        this.starting = new boolean[hours];
    }

    @Override
    public void row(long t, double demandRps, double signalSeen, int desired, int startingReplicas, int ready,
                    double backlog, double latencyMs, boolean breach, double cost) {
        if (!breach) {
            return;
        }
        int hour = hourOf(t);
        long minute = t / 60;
        if (minute != lastMinute) {
            minutes[hour]++;
            lastMinute = minute;
        }
        if (startingReplicas > 0) {
            starting[hour] = true;
        }
    }

    private int hourOf(long t) {
        return (int) Math.min(minutes.length - 1, (offsetSeconds + t) / 3600);
    }

    long breachMinutes(int hour) {
        return minutes[hour];
    }

    boolean replicasStarting(int hour) {
        return starting[hour];
    }

    int hours() {
        return minutes.length;
    }

    /** The UTC instant the hour starts. */
    Instant hourStart(int hour) {
        return start.minusSeconds(offsetSeconds).plusSeconds(hour * 3600L);
    }
}
