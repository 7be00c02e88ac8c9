package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.Cron;
import dev.scalewise.policy.ScheduledPolicy;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * scalewise.dev ScheduledScaling: the base policy's controller keeps deciding; while a cron window is
 * active (it started at a minute its cron matches, in the policy's time zone, less than
 * {@code durationSeconds} ago) the result is raised to the window's floor (mode MIN) or replaced by its
 * count (mode SET). Several active windows: a SET wins over floors (the largest SET if several), floors
 * take their maximum. Never above the base policy's maxReplicas.
 *
 * <p>Cron starts are found by walking wall-clock minutes forward once each (local time from the replay's
 * start instant), so a decision costs nothing but a comparison per window, and a local minute that DST
 * repeats starts a window twice, one it skips never does — as a cron daemon would.
 */
public final class Scheduled extends OverBase {
    private static final long NEVER = Long.MIN_VALUE / 2;

    private final int maxReplicas;
    private final ZoneId zone;
    private final long startEpochSeconds;
    private final Cron[] crons;
    private final long[] durations;
    private final int[] replicas;
    private final boolean[] set;
    private final long[] lastStart;
    private final long longestDuration;
    private long nextMinute = NEVER;

    public Scheduled(ScheduledPolicy policy, Autoscaler base, Instant replayStart) {
        super(base);
        this.maxReplicas = policy.maxReplicas();
        this.zone = policy.timeZone();
        this.startEpochSeconds = replayStart.getEpochSecond();
        int n = policy.windows().size();
        crons = new Cron[n];
        durations = new long[n];
        replicas = new int[n];
        set = new boolean[n];
        lastStart = new long[n];
        long longest = 0;
        for (int i = 0; i < n; i++) {
            ScheduledPolicy.Window w = policy.windows().get(i);
            crons[i] = Cron.parse(w.cron());
            durations[i] = w.durationSeconds();
            replicas[i] = w.replicas();
            set[i] = w.mode() == ScheduledPolicy.Window.Mode.SET;
            lastStart[i] = NEVER;
            longest = Math.max(longest, w.durationSeconds());
        }
        this.longestDuration = longest;
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
        int decided = base.decide(nowSeconds, currentReplicas, readyReplicas, metrics);
        long epoch = startEpochSeconds + nowSeconds;
        scanStartsUpTo(epoch);
        int floor = -1;
        int pinned = -1;
        for (int i = 0; i < crons.length; i++) {
            if (lastStart[i] != NEVER && epoch - lastStart[i] < durations[i]) {
                if (set[i]) {
                    pinned = Math.max(pinned, replicas[i]);
                } else {
                    floor = Math.max(floor, replicas[i]);
                }
            }
        }
        int result = pinned >= 0 ? pinned : Math.max(decided, floor);
        return Math.min(result, maxReplicas);
    }

    /** True while window {@code i} is active at replay second {@code nowSeconds} (after a decide). */
    boolean active(int i, long nowSeconds) {
        long epoch = startEpochSeconds + nowSeconds;
        return lastStart[i] != NEVER && epoch - lastStart[i] < durations[i];
    }

    private void scanStartsUpTo(long epochSeconds) {
        long minute = Math.floorDiv(epochSeconds, 60);
        if (nextMinute == NEVER) {
            // a window that began before the replay may still be running
            nextMinute = minute - Math.floorDiv(longestDuration + 59, 60);
        }
        for (; nextMinute <= minute; nextMinute++) {
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(nextMinute * 60), zone);
            for (int i = 0; i < crons.length; i++) {
                if (crons[i].matches(local)) {
                    lastStart[i] = nextMinute * 60;
                }
            }
        }
    }
}
