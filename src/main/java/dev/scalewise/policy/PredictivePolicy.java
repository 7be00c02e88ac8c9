package dev.scalewise.policy;

/**
 * scalewise.dev/v1alpha1 PredictiveScaling: forecast demand from daily/weekly seasonality and
 * provision ahead by `leadSeconds`; the reactive base policy stays as a floor.
 *
 * @param targetRpsPerReplica load per replica to provision for
 * @param leadSeconds         how far ahead to provision (>= the service's startup)
 * @param seasonality         which cycles the forecast models
 * @param headroom            extra share above the forecast, e.g. 0.1
 * @param historyDays         how much past demand the forecast uses
 */
public record PredictivePolicy(PolicyMeta meta, PolicySpec base, double targetRpsPerReplica, int leadSeconds,
                               Seasonality seasonality, double headroom, int historyDays)
        implements PolicySpec {
    @Override
    public PolicyKind kind() {
        return PolicyKind.PREDICTIVE;
    }

    @Override
    public int minReplicas() {
        return base.minReplicas();
    }

    @Override
    public int maxReplicas() {
        return base.maxReplicas();
    }

    public enum Seasonality { DAILY, WEEKLY, DAILY_AND_WEEKLY }
}
