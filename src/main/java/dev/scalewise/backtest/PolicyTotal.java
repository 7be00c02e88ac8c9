package dev.scalewise.backtest;

/**
 * One service x policy summed over the backtest's days: the sums merge day rows associatively, so the
 * same record serves a one-day nightly run and a 90-day report.
 *
 * @param peakP95Replicas the highest daily 95th percentile of replicas (a percentile does not sum)
 */
public record PolicyTotal(String service, String policy, String family, double requests, double cost, String currency,
                          double replicaHours, double peakP95Replicas, double maxReplicas, double sloObjective,
                          long sloMinutes, long breachMinutes, long scaleEvents, long coldStartMinutes,
                          double idleCost) {
    public double costPer1k() {
        return requests > 0 ? cost / requests * 1000 : Double.NaN;
    }

    /** Breach ratio over the error budget: 1.0 spends exactly the budget. NaN without judged minutes. */
    public double budgetBurn() {
        return sloMinutes == 0 ? Double.NaN : (double) breachMinutes / sloMinutes / (1 - sloObjective);
    }

    public boolean meetsSlo() {
        return !(budgetBurn() > 1.0);
    }
}
