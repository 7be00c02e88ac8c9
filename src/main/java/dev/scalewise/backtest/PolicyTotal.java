package dev.scalewise.backtest;

/**
 * One service x policy summed over the backtest's days: the sums merge day rows associatively, so the
 * same record serves a one-day nightly run and a 90-day report.
 *
 * @param peakP95Replicas           the highest daily 95th percentile of replicas (a percentile does not sum)
 * @param aboveObservedMinutes      minutes the replay ran above the busiest load per replica with known latency
 * @param unidentifiedBreachMinutes breach minutes history cannot confirm (they rest on a bounded or
 *                                  extrapolated capacity): the breach count lies in
 *                                  [breachMinutes - unidentifiedBreachMinutes, breachMinutes]
 * @param trust                     the service's calibration verdict (trusted, rough, untrusted)
 * @param capacityKind              what the capacity per replica is (measured, lower bound, ...)
 * @param promptTokens              prompt tokens over the days; NaN for a service without tokens
 * @param generationTokens          generated tokens over the days; NaN likewise
 * @param ttftBreachMinutes         minutes the TTFT target alone breached; NaN when the SLO has none
 * @param tpotBreachMinutes         minutes the TPOT target alone breached; NaN likewise
 */
public record PolicyTotal(String service, String policy, String family, double requests, double cost, String currency,
                          double replicaHours, double peakP95Replicas, double maxReplicas, double sloObjective,
                          long sloMinutes, long breachMinutes, long scaleEvents, long coldStartMinutes,
                          double idleCost, long aboveObservedMinutes, long unidentifiedBreachMinutes, String trust,
                          String capacityKind, double promptTokens, double generationTokens, double ttftBreachMinutes,
                          double tpotBreachMinutes) {
    /** A service without tokens. */
    public PolicyTotal(String service, String policy, String family, double requests, double cost, String currency,
                       double replicaHours, double peakP95Replicas, double maxReplicas, double sloObjective,
                       long sloMinutes, long breachMinutes, long scaleEvents, long coldStartMinutes,
                       double idleCost, long aboveObservedMinutes, long unidentifiedBreachMinutes, String trust,
                       String capacityKind) {
        this(service, policy, family, requests, cost, currency, replicaHours, peakP95Replicas, maxReplicas,
                sloObjective, sloMinutes, breachMinutes, scaleEvents, coldStartMinutes, idleCost, aboveObservedMinutes,
                unidentifiedBreachMinutes, trust, capacityKind, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Cost per million tokens, prompt and generated alike (blended); NaN without tokens. */
    public double costPer1MTokens() {
        double tokens = promptTokens + generationTokens;
        return tokens > 0 ? cost / tokens * 1e6 : Double.NaN;
    }

    public double costPer1k() {
        return requests > 0 ? cost / requests * 1000 : Double.NaN;
    }

    /** Breach ratio over the error budget: 1.0 spends exactly the budget. NaN without judged minutes. */
    public double budgetBurn() {
        return burn(breachMinutes);
    }

    /** The budget burn of the breach minutes history confirms: the low end of the burn's range. */
    public double identifiedBudgetBurn() {
        return burn(breachMinutes - unidentifiedBreachMinutes);
    }

    private double burn(long minutes) {
        return sloMinutes == 0 ? Double.NaN : (double) minutes / sloMinutes / (1 - sloObjective);
    }

    /** Whether the breach count is a fact (no breach rests on load history never showed). */
    public boolean breachesIdentified() {
        return unidentifiedBreachMinutes == 0;
    }

    /** Within the error budget even at the high end of the breach range. */
    public boolean meetsSlo() {
        return !(budgetBurn() > 1.0);
    }

    /** Over the error budget even at the low end of the breach range: a breach history confirms. */
    public boolean breachesSlo() {
        return identifiedBudgetBurn() > 1.0;
    }
}
