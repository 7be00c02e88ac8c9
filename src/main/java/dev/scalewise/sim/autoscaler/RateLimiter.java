package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.ScalingRules;
import dev.scalewise.policy.ScalingRules.ScalingPolicy;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import dev.scalewise.policy.UpstreamDefaults;

import java.util.List;

/**
 * The HPA's scale rate limits (horizontal.go). Without {@code behavior}: {@code calculateScaleUpLimit},
 * at most max(2 x current, 4). With it: each policy allows, relative to the replicas at the start of its
 * period (current - added + removed within the period, from the scale events recorded here, each
 * direction's kept as upstream keeps them: {@link ScaleEvents}), {@code value} pods or {@code value}
 * percent; {@code selectPolicy} takes the largest change (Max), the smallest (Min) or forbids the
 * direction (Disabled).
 */
public final class RateLimiter {
    private final ScalingRules scaleUp;
    private final ScalingRules scaleDown;
    private final ScaleEvents scaleUpEvents;
    private final ScaleEvents scaleDownEvents;

    /** The behavior path's limits for an HPA's rules, which are fixed for its life. */
    public RateLimiter(ScalingRules scaleUp, ScalingRules scaleDown, int syncPeriodSeconds) {
        this.scaleUp = scaleUp;
        this.scaleDown = scaleDown;
        this.scaleUpEvents = events(scaleUp, syncPeriodSeconds);
        this.scaleDownEvents = events(scaleDown, syncPeriodSeconds);
    }

    private static ScaleEvents events(ScalingRules rules, int syncPeriodSeconds) {
        long longest = 0;
        for (ScalingPolicy p : rules.policies()) {
            longest = Math.max(longest, p.periodSeconds());
        }
        return new ScaleEvents(longest, (int) (longest / Math.max(1, syncPeriodSeconds)) + 2);
    }

    /** {@code calculateScaleUpLimit}: the legacy path's cap. */
    public static int legacyScaleUpLimit(int currentReplicas) {
        return (int) Math.max(UpstreamDefaults.Hpa.LEGACY_SCALE_UP_FACTOR * currentReplicas,
                UpstreamDefaults.Hpa.LEGACY_SCALE_UP_MINIMUM);
    }

    /** {@code convertDesiredReplicasWithRules}: legacy bounds [min, min(max, scale-up limit)]. */
    public static int legacyBounds(int currentReplicas, int desiredReplicas, int minReplicas, int maxReplicas) {
        int maximumAllowed = Math.min(maxReplicas, legacyScaleUpLimit(currentReplicas));
        if (desiredReplicas < minReplicas) {
            return minReplicas;
        }
        return Math.min(desiredReplicas, maximumAllowed);
    }

    /** {@code storeScaleEvent}: remembers a change so later limits count it against their period. */
    public void recordScale(long now, int fromReplicas, int toReplicas) {
        if (toReplicas > fromReplicas) {
            scaleUpEvents.store(now, toReplicas - fromReplicas);
        } else if (toReplicas < fromReplicas) {
            scaleDownEvents.store(now, fromReplicas - toReplicas);
        }
    }

    /** {@code convertDesiredReplicasWithBehaviorRate}: rate limits, then [min, max]. */
    public int limit(long now, int currentReplicas, int desiredReplicas, int minReplicas, int maxReplicas) {
        if (desiredReplicas > currentReplicas) {
            int scaleUpLimit = Math.max(scaleUpLimit(now, currentReplicas), currentReplicas);
            return Math.min(desiredReplicas, Math.min(maxReplicas, scaleUpLimit));
        }
        if (desiredReplicas < currentReplicas) {
            int scaleDownLimit = Math.min(scaleDownLimit(now, currentReplicas), currentReplicas);
            return Math.max(desiredReplicas, Math.max(minReplicas, scaleDownLimit));
        }
        return desiredReplicas;
    }

    /** {@code calculateScaleUpLimitWithScalingRules}. */
    public int scaleUpLimit(long now, int currentReplicas) {
        return directionLimit(now, currentReplicas, scaleUp, true);
    }

    /** {@code calculateScaleDownLimitWithBehaviors}. */
    public int scaleDownLimit(long now, int currentReplicas) {
        return directionLimit(now, currentReplicas, scaleDown, false);
    }

    private int directionLimit(long now, int currentReplicas, ScalingRules rules, boolean up) {
        if (rules.selectPolicy() == SelectPolicy.DISABLED) {
            return currentReplicas;
        }
        // the smallest change is the lowest limit going up and the highest going down
        boolean lowest = (rules.selectPolicy() == SelectPolicy.MIN) == up;
        int result = lowest ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        List<ScalingPolicy> policies = rules.policies();
        for (int i = 0; i < policies.size(); i++) {
            ScalingPolicy p = policies.get(i);
            int periodStart = periodStartReplicas(now, currentReplicas, p.periodSeconds());
            int proposed;
            if (p.type() == ScalingPolicy.Type.PODS) {
                proposed = up ? periodStart + p.value() : periodStart - p.value();
            } else if (up) {
                // rounded up so a small percent of a small fleet still adds a pod
                proposed = (int) Math.ceil(periodStart * (1 + p.value() / 100.0));
            } else {
                proposed = (int) (periodStart * (1 - p.value() / 100.0)); // Go's int32() truncates
            }
            result = lowest ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    private int periodStartReplicas(long now, int currentReplicas, int periodSeconds) {
        return currentReplicas - scaleUpEvents.changedWithin(now, periodSeconds)
                + scaleDownEvents.changedWithin(now, periodSeconds);
    }
}
