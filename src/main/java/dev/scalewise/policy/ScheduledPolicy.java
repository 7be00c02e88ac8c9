package dev.scalewise.policy;

import java.time.ZoneId;
import java.util.List;

/**
 * scalewise.dev/v1alpha1 ScheduledScaling: cron windows in a time zone that raise the floor of (or pin)
 * a reactive base policy.
 */
public record ScheduledPolicy(PolicyMeta meta, PolicySpec base, ZoneId timeZone, List<Window> windows)
        implements PolicySpec {
    public ScheduledPolicy {
        windows = List.copyOf(windows);
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.SCHEDULED;
    }

    @Override
    public int minReplicas() {
        return base.minReplicas();
    }

    @Override
    public int maxReplicas() {
        return base.maxReplicas();
    }

    /**
     * @param cron            5-field cron expression of the window's start
     * @param durationSeconds how long the window lasts
     * @param replicas        the floor (mode MIN) or the exact count (mode SET) while it lasts
     */
    public record Window(String name, String cron, int durationSeconds, int replicas, Mode mode) {
        public enum Mode { MIN, SET }
    }
}
