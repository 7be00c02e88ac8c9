package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.KpaPolicy;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;

/**
 * Knative's Pod Autoscaler, replayed: every tick (2 s) it samples the revision's total concurrency (or
 * RPS), averages it over the stable window and over the panic window (panic-window-percentage of it) with
 * upstream's arithmetic (a running window total, the average floored to 6 decimals), asks
 * {@link KpaDecider}, then applies what the KPA reconciler adds (knative/serving
 * {@code pkg/reconciler/autoscaling/kpa/scaler.go}): scale to zero only when min-scale is 0, after the
 * revision has wanted zero for the scale-to-zero grace period (down to 1 meanwhile; upstream the grace
 * period is an upper bound on waiting for the activator, used here in full), then [min-scale, max-scale]
 * with max-scale 0 meaning unbounded.
 */
public final class KnativeKpa implements Autoscaler {
    private static final long NEVER = Long.MIN_VALUE;

    private final KpaPolicy policy;
    private final KpaDecider decider;
    private final RunningTotalMean stable;
    private final RunningTotalMean panic;
    private boolean started;
    private long zeroSince = NEVER;

    public KnativeKpa(KpaPolicy policy) {
        this.policy = policy;
        this.decider = new KpaDecider(policy.target() * policy.targetUtilization(),
                policy.panicThresholdPercentage() / 100, policy.maxScaleUpRate(), policy.maxScaleDownRate(),
                policy.stableWindowSeconds(), policy.activationScale(), policy.scaleDownDelaySeconds(),
                policy.tickSeconds());
        long panicWindowSeconds = Math.max(policy.tickSeconds(),
                Math.round(policy.stableWindowSeconds() * policy.panicWindowPercentage() / 100));
        int tick = Math.max(1, policy.tickSeconds());
        this.stable = new RunningTotalMean(policy.stableWindowSeconds(), policy.stableWindowSeconds() / tick + 2);
        this.panic = new RunningTotalMean(panicWindowSeconds, (int) (panicWindowSeconds / tick) + 2);
    }

    @Override
    public int periodSeconds() {
        return policy.tickSeconds();
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
        if (!started) {
            started = true;
            if (readyReplicas > 1) {
                // a new autoscaler starts in panic over more than one pod, keeping them until it has data
                decider.panicSince(nowSeconds, readyReplicas);
            }
        }
        double observed = observedTotal(metrics, readyReplicas);
        stable.add(nowSeconds, observed);
        panic.add(nowSeconds, observed);
        double stableMean = toMicros(stable.mean(nowSeconds));
        double panicMean = toMicros(panic.mean(nowSeconds));
        if (Double.isNaN(stableMean) || Double.isNaN(panicMean)) {
            return currentReplicas; // no data: upstream returns an invalid result and nothing changes
        }
        int desired = decider.scale(nowSeconds, readyReplicas, stableMean, panicMean);
        return bounds(nowSeconds, currentReplicas, desired);
    }

    /**
     * Upstream floors each window average to 6 decimals ({@code bucketing.go}, {@code roundToNDigits}):
     * the running total's drift never leaves a pod up for a demand of 1e-12.
     */
    static double toMicros(double average) {
        return Math.floor(average * 1e6) / 1e6;
    }

    private double observedTotal(MetricsView metrics, int readyReplicas) {
        if (policy.metric() == KpaPolicy.Metric.RPS) {
            return metrics.value(Signal.RPS);
        }
        if (readyReplicas > 0) {
            return metrics.value(Signal.CONCURRENCY) * readyReplicas;
        }
        double queued = metrics.value(Signal.QUEUE_DEPTH); // requests the activator holds
        return Double.isNaN(queued) ? 0 : queued;
    }

    int bounds(long now, int currentReplicas, int desired) {
        if (desired == 0 && policy.minReplicas() == 0) {
            if (zeroSince == NEVER) {
                zeroSince = now;
            }
            if (now - zeroSince < policy.scaleToZeroGracePeriodSeconds()) {
                return Math.min(currentReplicas, 1);
            }
        } else {
            zeroSince = NEVER;
        }
        int bounded = Math.max(desired, policy.minReplicas());
        return policy.maxReplicas() > 0 ? Math.min(bounded, policy.maxReplicas()) : bounded;
    }
}
