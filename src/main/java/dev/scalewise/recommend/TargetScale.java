package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.model.SignalCurve;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.Signal;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Translates a load per replica (rps) into the value a policy's own metric shows at that load, through
 * the fitted service model, so targets are searched as "fraction of capacity" whatever the metric is:
 * rps targets are the load itself, utilization targets the fitted signal curve at the load (in percent
 * where the target is a percent), concurrency / ongoing-request targets the fitted in-flight line (or
 * Little's law). Queue-depth targets have no such mapping: in the replay the queue is empty below capacity.
 */
final class TargetScale {
    /** Fractions of the fitted capacity per replica searched as targets (issue 6: 0.4 to 0.95). */
    static final double[] LOAD_FRACTIONS = {0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

    private final DoubleUnaryOperator metricAtLoad;
    private final double capacityRps;

    private TargetScale(DoubleUnaryOperator metricAtLoad, double capacityRps) {
        this.metricAtLoad = metricAtLoad;
        this.capacityRps = capacityRps;
    }

    /** The scale of an HPA / KEDA metric target; empty when its target cannot be derived from the model. */
    static Optional<TargetScale> of(MetricTarget target, ServiceModel model) {
        double capacity = model.capacityPerReplica().value();
        if (!(capacity > 0) || Double.isInfinite(capacity)) {
            return Optional.empty();
        }
        Signal s = target.signal();
        boolean fleetValue = target.targetType() == TargetType.VALUE;
        return switch (s) {
            case RPS_PER_REPLICA -> fleetValue ? Optional.empty() : Optional.of(new TargetScale(x -> x, capacity));
            // a total-rps metric with an AverageValue target is divided by the pods: a per-replica load target
            case RPS -> target.targetType() == TargetType.AVERAGE_VALUE
                    ? Optional.of(new TargetScale(x -> x, capacity)) : Optional.empty();
            case CONCURRENCY -> fleetValue ? Optional.empty()
                    : Optional.of(new TargetScale(model::concurrencyPerReplica, capacity));
            case GPU_UTIL -> utilization(model.gpuUtil(), target, capacity);
            case CPU_UTIL -> utilization(model.cpuUtil(), target, capacity);
            case MEM_UTIL -> utilization(model.memUtil(), target, capacity);
            case KV_CACHE_UTIL -> utilization(model.llmSignals().kvCacheUtil(), target, capacity);
            case GPU_MEM_UTIL -> utilization(model.llmSignals().gpuMemUtil(), target, capacity);
            case SM_ACTIVE -> utilization(model.llmSignals().smActive(), target, capacity);
            case QUEUE_DEPTH -> Optional.empty();
        };
    }

    /** Concurrency per replica (KPA concurrency, Ray Serve ongoing requests). */
    static Optional<TargetScale> concurrency(ServiceModel model) {
        double capacity = model.capacityPerReplica().value();
        return capacity > 0 && Double.isFinite(capacity)
                ? Optional.of(new TargetScale(model::concurrencyPerReplica, capacity)) : Optional.empty();
    }

    /** Requests per second per replica (KPA rps). */
    static Optional<TargetScale> rps(ServiceModel model) {
        double capacity = model.capacityPerReplica().value();
        return capacity > 0 && Double.isFinite(capacity) ? Optional.of(new TargetScale(x -> x, capacity)) : Optional.empty();
    }

    /**
     * The scale of a CloudWatch metric that target tracking aims at: per-instance invocations (a count per
     * period of the per-second rate), a per-instance utilization or concurrency; empty for a fleet total or a
     * backlog, which a per-instance target cannot steer.
     */
    static Optional<TargetScale> of(AppAutoScalingPolicy.CloudMetric metric, ServiceModel model) {
        double capacity = model.capacityPerReplica().value();
        if (!(capacity > 0) || Double.isInfinite(capacity)) {
            return Optional.empty();
        }
        double k = metric.scale();
        boolean perInstance = metric.form() == AppAutoScalingPolicy.Form.PER_INSTANCE;
        boolean signal = metric.form() == AppAutoScalingPolicy.Form.SIGNAL;
        return switch (metric.signal()) {
            case RPS -> perInstance ? Optional.of(new TargetScale(x -> x * k, capacity)) : Optional.empty();
            case RPS_PER_REPLICA -> signal ? Optional.of(new TargetScale(x -> x * k, capacity)) : Optional.empty();
            case CONCURRENCY -> signal ? Optional.of(new TargetScale(x -> model.concurrencyPerReplica(x) * k, capacity))
                    : metric.form() == AppAutoScalingPolicy.Form.PROVISIONED_UTILIZATION
                    ? Optional.of(provisionedUtilization(k, capacity)) : Optional.empty();
            case GPU_UTIL -> signal ? utilization(model.gpuUtil(), k, capacity) : Optional.empty();
            case CPU_UTIL -> signal ? utilization(model.cpuUtil(), k, capacity) : Optional.empty();
            case MEM_UTIL -> signal ? utilization(model.memUtil(), k, capacity) : Optional.empty();
            case KV_CACHE_UTIL -> signal ? utilization(model.llmSignals().kvCacheUtil(), k, capacity) : Optional.empty();
            case GPU_MEM_UTIL -> signal ? utilization(model.llmSignals().gpuMemUtil(), k, capacity) : Optional.empty();
            case SM_ACTIVE -> signal ? utilization(model.llmSignals().smActive(), k, capacity) : Optional.empty();
            case QUEUE_DEPTH -> Optional.empty();
        };
    }

    /**
     * A Lambda function's ProvisionedConcurrencyUtilization at a load per provisioned environment: the busy share
     * of an environment that serves one request at a time, as the replay counts it (load / capacity per replica).
     */
    private static TargetScale provisionedUtilization(double k, double capacity) {
        return new TargetScale(x -> Math.min(1, x / capacity) * k, capacity);
    }

    private static Optional<TargetScale> utilization(SignalCurve curve, MetricTarget target, double capacity) {
        return target.targetType() == TargetType.VALUE ? Optional.empty()
                : utilization(curve, target.signalScale(), capacity);
    }

    private static Optional<TargetScale> utilization(SignalCurve curve, double scale, double capacity) {
        if (!curve.known() || !(curve.slope() > 0)) {
            return Optional.empty(); // a flat curve says nothing about load: the target cannot steer it
        }
        return Optional.of(new TargetScale(x -> curve.at(x) * scale, capacity));
    }

    double capacityRps() {
        return capacityRps;
    }

    /** The metric's value at a load per replica. */
    double metricAt(double loadRps) {
        return metricAtLoad.applyAsDouble(loadRps);
    }

    /** The load per replica at which the metric shows {@code metric} (bisection: the maps are non-decreasing). */
    double loadAt(double metric) {
        double lo = 0;
        double hi = capacityRps * 4;
        if (metricAt(hi) <= metric) {
            return hi;
        }
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (metricAt(mid) < metric) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Candidate targets: the metric at each searched fraction of capacity, rounded to 3 significant digits. */
    double[] candidates(double divisor) {
        double[] out = new double[LOAD_FRACTIONS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = round3(metricAt(LOAD_FRACTIONS[i] * capacityRps) / divisor);
        }
        return out;
    }

    static double round3(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(v)));
        return Math.round(v * scale) / scale;
    }
}
