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
 *   <li>delays ({@code _apply_delay_logic}): the same direction must be wanted for upscale_delay_s
 *       (downscale_delay_s; downscale_to_zero_delay_s, when set, for 1 -> 0) of wall-clock time before the
 *       target moves; a downscale to zero goes through 1 first.</li>
 * </ol>
 * The controller runs this every {@code CONTROL_LOOP_INTERVAL_S} = 0.1 s, measuring the delays from the
 * first tick that wanted the change (as Ray does since ray-project/ray#62144; before, it counted
 * {@code int(delay / 0.1)} ticks). The replay hands over signals and takes the target once a second: the
 * ticks between two seconds run on the last second's signals (which hold until the next), so a change
 * made between two seconds, such as the second step of 2 -> 1 -> 0, shows at the next one.
 * Metrics: replicas push their ongoing requests every {@code metrics_interval_s}; the controller averages
 * the last {@code look_back_period_s}.
 */
public final class RayServe implements Autoscaler {
    /** How often the replay hands over signals and takes the target. */
    static final int PERIOD_SECONDS = 1;
    /** The control loop's ticks per second ({@code CONTROL_LOOP_INTERVAL_S} = 0.1). */
    static final int TICKS_PER_SECOND = 10;
    /** {@code _DELAY_ELAPSED_EPS_S}: elapsed time that falls short by this much counts as the delay. */
    static final double DELAY_EPSILON_SECONDS = 1e-6;
    private static final long NO_TICK = Long.MIN_VALUE;
    private static final int NONE = 0;
    private static final int UP = 1;
    private static final int DOWN = -1;

    private final RayServePolicy policy;
    private final MovingMean ongoing;
    private final long upscaleTicks;
    private final long downscaleTicks;
    private final long downscaleToZeroTicks;
    private long nextPushSeconds = Long.MIN_VALUE;
    private double reportedOngoing = Double.NaN;
    // the last call's tick and signals, which the ticks up to the next call run on
    private long lastTick = NO_TICK;
    private int lastRunning;
    private double lastRequests;
    private int direction = NONE;
    private long directionSinceTick;

    public RayServe(RayServePolicy policy) {
        this.policy = policy;
        long lookBackSeconds = Math.max(1, Math.round(policy.lookBackPeriodSeconds()));
        this.ongoing = new MovingMean(lookBackSeconds, (int) lookBackSeconds / PERIOD_SECONDS + 2);
        this.upscaleTicks = ticksFor(policy.upscaleDelaySeconds());
        this.downscaleTicks = ticksFor(policy.downscaleDelaySeconds());
        this.downscaleToZeroTicks = ticksFor(policy.downscaleToZeroDelaySeconds().orElse(policy.downscaleDelaySeconds()));
    }

    /** The ticks after the first one that wanted a change at which Ray finds {@code delaySeconds} elapsed. */
    static long ticksFor(double delaySeconds) {
        long n = Math.max(0, (long) Math.ceil((delaySeconds - DELAY_EPSILON_SECONDS) * TICKS_PER_SECOND));
        while (n > 0 && elapsedSeconds(n - 1) >= delaySeconds) {
            n--;
        }
        while (elapsedSeconds(n) < delaySeconds) {
            n++;
        }
        return n;
    }

    private static double elapsedSeconds(long ticks) {
        return (double) ticks / TICKS_PER_SECOND + DELAY_EPSILON_SECONDS;
    }

    @Override
    public int periodSeconds() {
        return PERIOD_SECONDS;
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

    /**
     * The control loop up to {@code now}: the ticks since the last call on that call's signals, then this
     * second's tick on these (the policy proper; tested directly).
     */
    int decide(long now, int targetReplicas, int runningReplicas, double totalRequests) {
        long tick = now * TICKS_PER_SECOND;
        int target = targetReplicas;
        if (lastTick != NO_TICK && tick - 1 > lastTick) {
            target = run(lastTick + 1, tick - 1, target, lastRunning, lastRequests);
        }
        target = run(tick, tick, target, runningReplicas, totalRequests);
        lastTick = tick;
        lastRunning = runningReplicas;
        lastRequests = totalRequests;
        return bounded(target);
    }

    /**
     * The ticks {@code from..to} on one set of signals. Their desire is the same at every tick, so instead of
     * stepping through each, the loop goes to the next tick where something can happen: the one after a
     * change, or the one where a pending delay runs out.
     */
    private int run(long from, long to, int target, int running, double requests) {
        if (running == 0) {
            return coldStart(target, requests); // the same at every tick; the delays do not run
        }
        int desired = bounded(applyScalingFactors(requests / policy.targetOngoingRequests(), running));
        long k = from;
        while (true) {
            int before = target;
            target = applyDelay(k, desired, target);
            long next;
            if (target != before) {
                next = k + 1;
            } else if (direction == NONE) {
                return target;
            } else {
                next = Math.max(k + 1, directionSinceTick + delayTicks(target));
            }
            if (next > to) {
                return target;
            }
            k = next;
        }
    }

    /** No running replica: requests waiting start replicas at once; with none, nothing changes. */
    private int coldStart(int target, double requests) {
        if (requests > 0) {
            return Math.max((int) Math.ceil(policy.upscalingFactor()), target);
        }
        if (target == 0) {
            direction = NONE; // the desire equals the target: a pending delay starts over
        }
        return target;
    }

    private int bounded(int replicas) {
        return Math.max(policy.minReplicas(), Math.min(policy.maxReplicas(), replicas));
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

    /** {@code _apply_delay_logic} at one tick. */
    private int applyDelay(long tick, int desired, int target) {
        if (desired > target) {
            if (direction != UP) {
                direction = UP;
                directionSinceTick = tick;
            }
            if (tick - directionSinceTick >= upscaleTicks) {
                direction = NONE;
                return desired;
            }
            return target;
        }
        if (desired < target) {
            if (direction != DOWN) {
                direction = DOWN;
                directionSinceTick = tick;
            }
            if (tick - directionSinceTick >= delayTicks(target)) {
                direction = NONE;
                return target == 1 ? desired : Math.max(1, desired); // zero only from one replica
            }
            return target;
        }
        direction = NONE;
        return target;
    }

    /** The pending direction's delay: downscale_to_zero_delay_s for the 1 -> 0 step. */
    private long delayTicks(int target) {
        if (direction == UP) {
            return upscaleTicks;
        }
        return target == 1 ? downscaleToZeroTicks : downscaleTicks;
    }
}
