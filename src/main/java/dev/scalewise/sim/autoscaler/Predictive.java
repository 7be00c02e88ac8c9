package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.PredictivePolicy;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;

/**
 * scalewise.dev PredictiveScaling: at each decision, records the service's demand (RPS) and provisions
 * for the forecast demand {@code leadSeconds} ahead (at least the service's startup time, so the pods are
 * ready when the demand arrives): ceil(forecast x (1 + headroom) / targetRpsPerReplica). The reactive base
 * policy stays as a floor: the result is the larger of the two, within [min, max].
 */
public final class Predictive extends OverBase {
    private final PredictivePolicy policy;
    private final DemandForecaster forecaster;
    private final long leadSeconds;

    public Predictive(PredictivePolicy policy, Autoscaler base, double startupSeconds) {
        super(base);
        this.policy = policy;
        this.forecaster = new DemandForecaster(policy.seasonality(), policy.historyDays());
        this.leadSeconds = Math.max(policy.leadSeconds(), (long) Math.ceil(startupSeconds));
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
        int reactive = base.decide(nowSeconds, currentReplicas, readyReplicas, metrics);
        forecaster.observe(nowSeconds, metrics.value(Signal.RPS));
        double forecast = forecaster.forecast(nowSeconds + leadSeconds);
        int predicted = (int) Math.ceil(forecast * (1 + policy.headroom()) / policy.targetRpsPerReplica() - 1e-9);
        int result = Math.max(predicted, reactive);
        return Math.max(policy.minReplicas(), Math.min(policy.maxReplicas(), result));
    }
}
