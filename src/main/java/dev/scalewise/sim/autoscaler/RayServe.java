package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.RayServePolicy;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;

/**
 * Ray Serve's default autoscaling policy, replayed (ray {@code python/ray/serve/autoscaling_policy.py},
 * {@code replica_queue_length_autoscaling_policy} wrapped by {@code _apply_autoscaling_config}):
 * <ol>
 *   <li>cold start: no running replica and requests waiting -> max(ceil(upscaling_factor), target),
 *       immediately;</li>
 *   <li>desired = running x total ongoing / (target_ongoing_requests x running);</li>
 *   <li>scaling factors: ceil(running + factor x (desired - running)), at least one step down when a
 *       downscale would otherwise stall;</li>
 *   <li>bounds [min, max];</li>
 *   <li>delays: the same direction must be wanted for upscale_delay_s (downscale_delay_s) before the
 *       target moves; a downscale to zero goes through 1 first.</li>
 * </ol>
 * Metrics: replicas push their ongoing requests every {@code metrics_interval_s}; the controller averages
 * the last {@code look_back_period_s}. The control loop runs every 0.1 s upstream; once a second here,
 * which changes no decision by more than that second since the delays are wall-clock.
 */
public final class RayServe implements Autoscaler {
    static final int CONTROL_LOOP_SECONDS = 1;
    private static final int NONE = 0;
    private static final int UP = 1;
    private static final int DOWN = -1;

    private final RayServePolicy policy;
    private final MovingMean ongoing;
    private long nextPushSeconds = Long.MIN_VALUE;
    private double reportedOngoing = Double.NaN;
    private int direction = NONE;
    private long directionSince;

    public RayServe(RayServePolicy policy) {
        this.policy = policy;
        long lookBackSeconds = Math.max(1, Math.round(policy.lookBackPeriodSeconds()));
        this.ongoing = new MovingMean(lookBackSeconds, (int) lookBackSeconds / CONTROL_LOOP_SECONDS + 2);
    }

    @Override
    public int periodSeconds() {
        return CONTROL_LOOP_SECONDS;
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
        double total = readyReplicas > 0
                ? metrics.value(Signal.CONCURRENCY) * readyReplicas
                : metrics.value(Signal.QUEUE_DEPTH); // requests queued at the handles
        ongoing.add(nowSeconds, total);
        if (nowSeconds >= nextPushSeconds) {
            nextPushSeconds = nowSeconds + Math.max(1, Math.round(policy.metricsIntervalSeconds()));
            reportedOngoing = ongoing.mean(nowSeconds);
        }
        double requests = Double.isNaN(reportedOngoing) ? 0 : reportedOngoing;
        return decide(nowSeconds, currentReplicas, readyReplicas, requests);
    }

    /** One control-loop step on the averaged total ongoing requests (the policy proper; tested directly). */
    int decide(long now, int targetReplicas, int runningReplicas, double totalRequests) {
        int decision;
        if (runningReplicas == 0) {
            // cold-start fast path: bypasses the delays
            decision = totalRequests > 0
                    ? Math.max((int) Math.ceil(policy.upscalingFactor()), targetReplicas)
                    : targetReplicas;
        } else {
            double desired = totalRequests / policy.targetOngoingRequests();
            int scaled = applyScalingFactors(desired, runningReplicas);
            int bounded = Math.max(policy.minReplicas(), Math.min(policy.maxReplicas(), scaled));
            decision = applyDelay(now, bounded, targetReplicas);
        }
        return Math.max(policy.minReplicas(), Math.min(policy.maxReplicas(), decision));
    }

    /** {@code _apply_scaling_factors}. */
    int applyScalingFactors(double desired, int running) {
        double delta = desired - running;
        double factor = delta > 0 ? policy.upscalingFactor() : policy.downscalingFactor();
        int scaled = (int) Math.ceil(running + factor * delta - 1e-9);
        if (Math.ceil(desired - 1e-9) < running && scaled == running) {
            scaled--; // a small factor must not stall a downscale
        }
        return scaled;
    }

    /** {@code _apply_delay_logic}, on wall-clock time. */
    int applyDelay(long now, int desired, int target) {
        if (desired > target) {
            if (direction != UP) {
                direction = UP;
                directionSince = now;
            }
            if (now - directionSince >= policy.upscaleDelaySeconds()) {
                direction = NONE;
                return desired;
            }
            return target;
        }
        if (desired < target) {
            if (direction != DOWN) {
                direction = DOWN;
                directionSince = now;
            }
            // zero only from one replica; anything else stops at 1 first
            int next = target == 1 ? desired : Math.max(1, desired);
            if (now - directionSince >= policy.downscaleDelaySeconds()) {
                direction = NONE;
                return next;
            }
            return target;
        }
        direction = NONE;
        return target;
    }
}
