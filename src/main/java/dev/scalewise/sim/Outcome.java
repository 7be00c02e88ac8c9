package dev.scalewise.sim;

import java.time.Instant;

/**
 * What one policy (or the observed "as run" fleet) did for one service over one period (DESIGN §5).
 * Every renderer, job and lint evidence rule consumes this one record. Built by {@link OutcomeTally}.
 *
 * @param policy            policy name, or "observed" for the as-run baseline
 * @param requests          requests in the period (demand)
 * @param cost              cost of the replicas in the period, in {@code currency}
 * @param costPer1k         cost per 1,000 requests; NaN when there were no requests
 * @param replicaHours      replica-hours paid for (starting replicas included)
 * @param meanReplicas      mean replicas paid for
 * @param p95Replicas       95th percentile of replicas paid for, over steps
 * @param maxReplicas       most replicas paid for at once
 * @param sloMinutes        minutes evaluated against the SLO (minutes with known latency)
 * @param breachMinutes     minutes whose SLO percentile latency exceeded the threshold
 * @param breachRatio       breachMinutes / sloMinutes (NaN when no minute was evaluated)
 * @param budgetBurn        breachRatio / error budget: 1.0 spends exactly the budget
 * @param scaleUpEvents     times the replica count went up
 * @param scaleDownEvents   times it went down
 * @param coldStartMinutes  minutes with demand but no ready replica
 * @param idleCost          cost of capacity above demand
 * @param idleShare         idleCost / cost
 * @param meanGpuUtil       mean GPU utilization (NaN when unknown)
 * @param unknownMinutes    minutes with a step whose requests are unknown (a gap in the export); the
 *                          observed baseline and every replay leave such steps out of every other field
 *                          (a replay holds the last known demand through them)
 * @param aboveObservedMinutes minutes in which a replay's demand per ready replica exceeded the busiest
 *                          load per replica with known latency (history or a load test): what happens there
 *                          is extrapolated or bounded. 0 for the observed run
 * @param unidentifiedBreachMinutes breach minutes whose breach rests on a capacity history cannot show
 *                          (a lower bound or an extrapolation): the breach count is then only known to lie
 *                          in [breachMinutes - unidentifiedBreachMinutes, breachMinutes]. 0 for the observed run
 * @param promptTokens      prompt (input) tokens in the period; NaN when the service has no tokens (steps whose
 *                          requests are known but tokens not count the service's typical tokens per request)
 * @param generationTokens  generated (output) tokens in the period; NaN likewise
 * @param costPer1MInputTokens  cost per million prompt tokens, the cost split over tokens by the work each is
 *                          ({@code promptTokenWeight} of a generated token: docs/tokens.md); NaN without tokens
 * @param costPer1MOutputTokens cost per million generated tokens, split likewise
 * @param costPer1MTokens   cost per million tokens, prompt and generated alike (blended)
 * @param ttftBreachMinutes minutes whose time-to-first-token percentile exceeded the SLO's TTFT threshold
 *                          (judged alone, so a minute may count here and under TPOT); NaN when the SLO has no
 *                          TTFT target
 * @param tpotBreachMinutes the same for the time-per-output-token target
 */
public record Outcome(String service, String policy, Instant periodStart, Instant periodEnd, double requests,
                      double cost, String currency, double costPer1k, double replicaHours, double meanReplicas,
                      double p95Replicas, double maxReplicas, long sloMinutes, long breachMinutes,
                      double breachRatio, double budgetBurn, long scaleUpEvents, long scaleDownEvents,
                      long coldStartMinutes, double idleCost, double idleShare, double meanGpuUtil,
                      long unknownMinutes, long aboveObservedMinutes, long unidentifiedBreachMinutes,
                      double promptTokens, double generationTokens, double costPer1MInputTokens,
                      double costPer1MOutputTokens, double costPer1MTokens, double ttftBreachMinutes,
                      double tpotBreachMinutes) {

    /** An outcome of a service without tokens. */
    public Outcome(String service, String policy, Instant periodStart, Instant periodEnd, double requests,
                   double cost, String currency, double costPer1k, double replicaHours, double meanReplicas,
                   double p95Replicas, double maxReplicas, long sloMinutes, long breachMinutes,
                   double breachRatio, double budgetBurn, long scaleUpEvents, long scaleDownEvents,
                   long coldStartMinutes, double idleCost, double idleShare, double meanGpuUtil,
                   long unknownMinutes, long aboveObservedMinutes, long unidentifiedBreachMinutes) {
        this(service, policy, periodStart, periodEnd, requests, cost, currency, costPer1k, replicaHours, meanReplicas,
                p95Replicas, maxReplicas, sloMinutes, breachMinutes, breachRatio, budgetBurn, scaleUpEvents,
                scaleDownEvents, coldStartMinutes, idleCost, idleShare, meanGpuUtil, unknownMinutes,
                aboveObservedMinutes, unidentifiedBreachMinutes, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN);
    }

    /** The days the replayed period spans. */
    public double days() {
        return java.time.Duration.between(periodStart, periodEnd).getSeconds() / 86_400.0;
    }

    /** The fewest breach minutes the replay's evidence allows: those it identifies without a bound. */
    public long identifiedBreachMinutes() {
        return breachMinutes - unidentifiedBreachMinutes;
    }

    /** True when the breach ratio stays within the SLO's error budget. */
    public boolean meetsSlo() {
        return !(budgetBurn > 1.0);
    }
}
