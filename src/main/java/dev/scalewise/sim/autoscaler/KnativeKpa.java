package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.KpaPolicy;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;

/**
 * Knative's Pod Autoscaler, replayed: its metric collector scrapes the revision's total concurrency (or RPS)
 * every second into 1 s buckets (knative/serving {@code pkg/autoscaler/metrics/collector.go},
 * {@code config.BucketSize}); every tick (2 s) the decider averages them over the stable window and over the
 * panic window (panic-window-percentage of it, whole seconds, at least one bucket) with upstream's
 * arithmetic (a running window total, the average rounded to 6 decimals), asks {@link KpaDecider} with a
 * per-pod target of at least 0.01 ({@code autoscaling.TargetMin}), then applies what the KPA reconciler adds
 * ({@code pkg/reconciler/autoscaling/kpa/scaler.go}): scale to zero only when min-scale is 0, after the
 * revision has wanted zero for the scale-to-zero grace period (down to 1 meanwhile; upstream the grace
 * period is an upper bound on waiting for the activator, used here in full), then [min-scale, max-scale]
 * with max-scale 0 meaning unbounded.
 */
public final class KnativeKpa implements Autoscaler {
    /** The collector's scrape interval and bucket size. */
    static final int BUCKET_SECONDS = 1;
    /** {@code autoscaling.TargetMin}: the smallest per-pod target {@code ResolveMetricTarget} returns. */
    static final double TARGET_MIN = 0.01;
    private static final long NEVER = Long.MIN_VALUE;

    private final KpaPolicy policy;
    private final KpaDecider decider;
    private final RunningTotalMean stable;
    private final RunningTotalMean panic;
    private boolean started;
    private long nextTickSeconds;
    private long zeroSince = NEVER;

    public KnativeKpa(KpaPolicy policy) {
        this.policy = policy;
        this.decider = new KpaDecider(Math.max(TARGET_MIN, policy.target() * policy.targetUtilization()),
                policy.panicThresholdPercentage() / 100, policy.maxScaleUpRate(), policy.maxScaleDownRate(),
                policy.stableWindowSeconds(), policy.activationScale(), policy.scaleDownDelaySeconds(),
                policy.tickSeconds());
        long panicWindowSeconds = panicWindowSeconds(policy.stableWindowSeconds(), policy.panicWindowPercentage());
        this.stable = new RunningTotalMean(policy.stableWindowSeconds(), policy.stableWindowSeconds() / BUCKET_SECONDS + 2);
        this.panic = new RunningTotalMean(panicWindowSeconds, (int) (panicWindowSeconds / BUCKET_SECONDS) + 2);
    }

    /**
     * {@code MakeMetric}: the stable window x the percentage, rounded to a whole second
     * ({@code Duration.Round(time.Second)}), at least one bucket.
     */
    static long panicWindowSeconds(long stableWindowSeconds, double panicWindowPercentage) {
        return Math.max(BUCKET_SECONDS, Math.round(stableWindowSeconds * panicWindowPercentage / 100));
    }

    /** The collector's second: every call records a bucket; the decider runs on its own tick. */
    @Override
    public int periodSeconds() {
        return BUCKET_SECONDS;
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
        double observed = observedTotal(metrics, readyReplicas);
        stable.add(nowSeconds, observed);
        panic.add(nowSeconds, observed);
        if (started && nowSeconds < nextTickSeconds) {
            return currentReplicas;
        }
        nextTickSeconds = nowSeconds + policy.tickSeconds();
        if (!started) {
            started = true;
            if (readyReplicas > 1) {
                // a new autoscaler starts in panic over more than one pod, keeping them until it has data
                decider.panicSince(nowSeconds, readyReplicas);
            }
        }
        double stableMean = toMicros(stable.mean(nowSeconds));
        double panicMean = toMicros(panic.mean(nowSeconds));
        if (Double.isNaN(stableMean) || Double.isNaN(panicMean)) {
            return currentReplicas; // no data: upstream returns an invalid result and nothing changes
        }
        int desired = decider.scale(nowSeconds, readyReplicas, stableMean, panicMean);
        return bounds(nowSeconds, currentReplicas, desired);
    }

    /**
     * Upstream rounds each window average to 6 decimals ({@code bucketing.go}, {@code roundToNDigits}, half
     * away from zero since knative/serving#15940, v1.19; a floor before): the running total's drift never
     * leaves a pod up for a demand of 1e-12, nor wants one more for an average one ulp above a multiple of
     * the target. Averages are not negative beyond such drift, so Java's half-up ties agree with Go's.
     */
    static double toMicros(double average) {
        double micros = average * 1e6;
        if (!(Math.abs(micros) < 0x1p52)) {
            return micros / 1e6; // NaN, or too large to have a fraction left to round
        }
        return Math.round(micros) / 1e6;
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
