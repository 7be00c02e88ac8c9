package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AppAutoScalingPolicy.CloudMetric;
import dev.scalewise.policy.AppAutoScalingPolicy.Step;
import dev.scalewise.policy.AppAutoScalingPolicy.StepScaling;
import dev.scalewise.policy.AppAutoScalingPolicy.TargetTracking;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.Billing;
import dev.scalewise.sim.ListPrice;
import dev.scalewise.sim.MetricsView;
import dev.scalewise.sim.OnDemand;
import dev.scalewise.policy.UpstreamDefaults;

/**
 * AWS Application Auto Scaling, replayed as AWS documents it (docs/autoscalers.md cites each rule):
 * <ul>
 *   <li>CloudWatch sees one datapoint a minute (period 60 s): the minute that just ended;</li>
 *   <li>target tracking: its scale-out alarm is in ALARM when the last 3 datapoints are above the target,
 *       its scale-in alarm when the last 15 are below 90 % of it; the policy then asks for
 *       ceil(capacity x metric / target), rounding up so as not to add too little or remove too much;</li>
 *   <li>step scaling: the user's alarm is in ALARM when at least DatapointsToAlarm of the last
 *       EvaluationPeriods datapoints breach its threshold; the step whose interval holds
 *       (latest datapoint - threshold) gives the adjustment;</li>
 *   <li>a policy whose alarm is in ALARM is invoked at every datapoint; of all the capacities asked for,
 *       the largest wins, for scale out and for scale in alike; target tracking scales in only when every
 *       target tracking policy that may scale in is ready to;</li>
 *   <li>one scaling activity at a time: none starts while instances of the last scale-out are still
 *       starting (an endpoint being updated);</li>
 *   <li>cooldowns count from the end of an activity. Within a scale-out cooldown a policy scales out
 *       again only past what it would have asked of the capacity before that scale-out (the capacity it
 *       added counts as part of the new one); within a scale-in cooldown no scale-in, while a scale-out
 *       goes ahead at once and ends the scale-in cooldown.</li>
 * </ul>
 * A metric the provider does not publish (a per-instance metric with no instance in service) is a
 * missing datapoint: an alarm needs every datapoint it evaluates (target tracking) or counts a missing one
 * as not breaching (step scaling), so target tracking alone never scales out from zero instances.
 */
public final class AppAutoScaling implements Autoscaler {
    static final int PERIOD_SECONDS = 60;

    private final AppAutoScalingPolicy policy;
    private final double startupSeconds;
    private final OnDemand onDemand;
    private final Ring[] tracking;
    private final Ring[] minutes;    // per step policy: the minutes of the alarm period in progress
    private final Ring[] datapoints; // per step policy: the alarm's datapoints
    private long activityEnd = Long.MIN_VALUE;
    private long scaleOutEnd = Long.MIN_VALUE;
    private long scaleInEnd = Long.MIN_VALUE;
    private int capacityBeforeScaleOut;
    private boolean started;

    public AppAutoScaling(AppAutoScalingPolicy policy, double startupSeconds) {
        this.policy = policy;
        this.onDemand = policy.provisionedConcurrency() ? new OnDemand(true, UpstreamDefaults.Lambda.ALLOCATION_DELAY_SECONDS,
                UpstreamDefaults.Lambda.IDLE_RETENTION_SECONDS, UpstreamDefaults.Lambda.ON_DEMAND_DURATION_RATIO,
                UpstreamDefaults.Lambda.PROVISIONED_DURATION_RATIO) : OnDemand.NONE;
        // a provisioned concurrency update lasts until the environments are allocated and initialized
        this.startupSeconds = startupSeconds + onDemand.allocationDelaySeconds();
        this.tracking = new Ring[policy.targetTracking().size()];
        for (int i = 0; i < tracking.length; i++) {
            TargetTracking t = policy.targetTracking().get(i);
            tracking[i] = new Ring(Math.max(t.outDatapoints(), t.inDatapoints()));
        }
        this.minutes = new Ring[policy.stepScaling().size()];
        this.datapoints = new Ring[minutes.length];
        for (int i = 0; i < minutes.length; i++) {
            StepScaling s = policy.stepScaling().get(i);
            minutes[i] = new Ring(s.alarm().periodSeconds() / PERIOD_SECONDS);
            datapoints[i] = new Ring(s.alarm().evaluationPeriods());
        }
    }

    @Override
    public int periodSeconds() {
        return PERIOD_SECONDS;
    }

    /** Lambda charges every request on top of provisioned concurrency and duration. */
    @Override
    public Billing billing() {
        return onDemand.enabled() ? Billing.lifetime(UpstreamDefaults.Lambda.PRICE_PER_MILLION_REQUESTS_USD, ListPrice.NONE)
                : Billing.LIFETIME;
    }

    /** A Lambda function runs what its provisioned concurrency cannot take on demand. */
    @Override
    public OnDemand onDemand() {
        return onDemand;
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
        for (int i = 0; i < tracking.length; i++) {
            tracking[i].add(minuteValue(policy.targetTracking().get(i).metric(), readyReplicas, metrics));
        }
        for (int i = 0; i < minutes.length; i++) {
            StepScaling s = policy.stepScaling().get(i);
            minutes[i].add(minuteValue(s.alarm().metric(), readyReplicas, metrics));
            if (minutes[i].size() == minutes[i].capacity()) { // a whole alarm period has passed
                datapoints[i].add(minutes[i].aggregate(s.alarm().metric().statistic()));
                minutes[i].clear();
            }
        }
        if (!started) {
            // registering a target brings its capacity within [min, max] (the replay's start)
            started = true;
            int bounded = clamp(currentReplicas);
            if (bounded != currentReplicas) {
                return activity(nowSeconds, currentReplicas, bounded);
            }
        }
        if (nowSeconds < activityEnd) {
            return currentReplicas;
        }
        int out = -1;
        int in = -1;
        // target tracking scales in only when every policy that may scale in is ready to
        boolean allReadyToScaleIn = true;
        int trackingIn = -1;
        for (int i = 0; i < tracking.length; i++) {
            TargetTracking t = policy.targetTracking().get(i);
            Ring r = tracking[i];
            double latest = r.latest();
            if (r.lastAll(t.outDatapoints(), v -> v > t.targetValue())) {
                out = Math.max(out, clamp(ceil(base(nowSeconds, t.scaleOutCooldownSeconds(), currentReplicas) * latest / t.targetValue())));
            }
            if (t.disableScaleIn()) {
                continue;
            }
            int asked = clamp(ceil(currentReplicas * latest / t.targetValue()));
            if (nowSeconds >= scaleInEnd + t.scaleInCooldownSeconds() && asked < currentReplicas
                    && r.lastAll(t.inDatapoints(), v -> v < t.inThresholdRatio() * t.targetValue())) {
                trackingIn = Math.max(trackingIn, asked);
            } else {
                allReadyToScaleIn = false;
            }
        }
        if (allReadyToScaleIn) {
            in = trackingIn;
        }
        for (int i = 0; i < datapoints.length; i++) {
            StepScaling s = policy.stepScaling().get(i);
            if (minutes[i].size() != 0 || !alarmed(s, datapoints[i])) {
                continue; // invoked at the alarm's datapoints only
            }
            double breach = datapoints[i].latest() - s.alarm().threshold();
            boolean above = s.alarm().comparison().name().startsWith("GREATER");
            for (Step step : s.steps()) {
                boolean inStep = above ? breach >= step.lowerBound() && breach < step.upperBound()
                        : breach > step.lowerBound() && breach <= step.upperBound();
                if (!inStep) {
                    continue;
                }
                boolean scalesOut = switch (s.adjustmentType()) {
                    case EXACT_CAPACITY -> step.scalingAdjustment() > currentReplicas;
                    default -> step.scalingAdjustment() > 0;
                };
                if (scalesOut) {
                    out = Math.max(out, clamp(adjusted(s, step, base(nowSeconds, s.cooldownSeconds(), currentReplicas))));
                } else if (nowSeconds >= scaleInEnd + s.cooldownSeconds()) {
                    int asked = clamp(adjusted(s, step, currentReplicas));
                    in = asked < currentReplicas ? Math.max(in, asked) : in;
                }
                break;
            }
        }
        if (out > currentReplicas) {
            return activity(nowSeconds, currentReplicas, out);
        }
        return in >= 0 ? activity(nowSeconds, currentReplicas, in) : currentReplicas;
    }

    /** The capacity a scale-out is computed from: within its cooldown, the capacity before the last one. */
    private int base(long now, int cooldownSeconds, int current) {
        return now < scaleOutEnd + cooldownSeconds ? capacityBeforeScaleOut : current;
    }

    private int activity(long now, int from, int to) {
        if (to > from) {
            // the activity lasts until its instances serve; cooldowns count from its end
            activityEnd = now + (long) Math.ceil(startupSeconds);
            scaleOutEnd = activityEnd;
            capacityBeforeScaleOut = from;
            scaleInEnd = Long.MIN_VALUE / 2;
        } else {
            activityEnd = now;
            scaleInEnd = now;
        }
        return to;
    }

    private static boolean alarmed(StepScaling s, Ring r) {
        return r.countBreaching(s.alarm().evaluationPeriods(), v -> s.alarm().comparison().breaches(v, s.alarm().threshold()))
                >= s.alarm().datapointsToAlarm();
    }

    /** StepAdjustment applied to a capacity, with AWS's rounding of a percent change and MinAdjustmentMagnitude. */
    static int adjusted(StepScaling s, Step step, int capacity) {
        int a = step.scalingAdjustment();
        return switch (s.adjustmentType()) {
            case CHANGE_IN_CAPACITY -> capacity + a;
            case EXACT_CAPACITY -> a;
            case PERCENT_CHANGE_IN_CAPACITY -> {
                double change = capacity * a / 100.0;
                // above 1 rounds down, (0, 1) to 1, (-1, 0) to -1, below -1 up (toward zero)
                int rounded = change >= 1 ? (int) Math.floor(change) : change > 0 ? 1
                        : change <= -1 ? (int) Math.ceil(change) : change < 0 ? -1 : 0;
                if (s.minAdjustmentMagnitude() > 0 && rounded != 0 && Math.abs(rounded) < s.minAdjustmentMagnitude()) {
                    rounded = Integer.signum(rounded) * s.minAdjustmentMagnitude();
                }
                yield capacity + rounded;
            }
        };
    }

    /** One minute's CloudWatch value of a metric; NaN when the provider publishes none. */
    static double minuteValue(CloudMetric m, int ready, MetricsView metrics) {
        double v = metrics.value(m.signal());
        return switch (m.form()) {
            case SIGNAL -> m.signal().perReplica() && ready == 0 ? Double.NaN : v * m.scale();
            case PER_INSTANCE -> ready == 0 ? Double.NaN : v * m.scale() / ready;
            case NO_CAPACITY_FLAG -> ready == 0 && (v > 0 || metrics.value(Signal.RPS) > 0) ? 1 : 0;
            case NO_CAPACITY_COUNT -> ready == 0 && v > 0 ? v * m.scale() : 0;
            // the replay reports a provisioned function's busy share of its ready environments as CONCURRENCY
            case PROVISIONED_UTILIZATION -> ready == 0 ? Double.NaN : Math.min(1, v) * m.scale();
        };
    }

    private int clamp(int replicas) {
        return Math.max(policy.minReplicas(), Math.min(policy.maxReplicas(), replicas));
    }

    /** ceil that does not turn 3.0000000000000004 (floating point of 3 x 70 / 70) into 4. */
    private static int ceil(double v) {
        return Double.isNaN(v) ? 0 : (int) Math.ceil(v - 1e-9);
    }

    /** The last values of a series, newest last; NaN is a missing datapoint. */
    static final class Ring {
        private final double[] values;
        private int size;
        private int next;

        Ring(int capacity) {
            values = new double[Math.max(1, capacity)];
        }

        int capacity() {
            return values.length;
        }

        int size() {
            return size;
        }

        void add(double v) {
            values[next] = v;
            next = (next + 1) % values.length;
            size = Math.min(size + 1, values.length);
        }

        void clear() {
            size = 0;
            next = 0;
        }

        double latest() {
            return size == 0 ? Double.NaN : values[(next - 1 + values.length) % values.length];
        }

        /** True when the last n values are all present and match. */
        boolean lastAll(int n, java.util.function.DoublePredicate p) {
            if (size < n) {
                return false;
            }
            for (int i = 1; i <= n; i++) {
                double v = values[(next - i + values.length) % values.length];
                if (Double.isNaN(v) || !p.test(v)) {
                    return false;
                }
            }
            return true;
        }

        /** How many of the last n values are present and match. */
        int countBreaching(int n, java.util.function.DoublePredicate p) {
            int c = 0;
            for (int i = 1; i <= Math.min(n, size); i++) {
                double v = values[(next - i + values.length) % values.length];
                c += !Double.isNaN(v) && p.test(v) ? 1 : 0;
            }
            return c;
        }

        /** The values held, aggregated by a CloudWatch statistic (NaN minutes left out; all NaN gives NaN). */
        double aggregate(AppAutoScalingPolicy.Statistic statistic) {
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            int n = 0;
            for (int i = 0; i < size; i++) {
                double v = values[i];
                if (!Double.isNaN(v)) {
                    sum += v;
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                    n++;
                }
            }
            if (n == 0) {
                return Double.NaN;
            }
            return switch (statistic) {
                case AVERAGE -> sum / n;
                case SUM -> sum;
                case MAXIMUM -> max;
                case MINIMUM -> min;
            };
        }
    }
}
