package dev.scalewise.calibrate;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.sim.Outcome;

/**
 * The fitted model replaying the replicas a service really ran, against what was observed, on the same
 * minutes (those the observed run judges: known demand and known latency).
 *
 * @param trust                  the verdict
 * @param reason                 why, in words
 * @param comparedMinutes        minutes with both an observed and a modeled SLO-percentile latency
 * @param medianAbsLogRatio      median over those minutes of |ln(modeled / observed latency)|
 * @param p90AbsLogRatio         its 90th percentile
 * @param medianLogRatio         median of ln(modeled / observed): above 0 the model runs slow, below fast
 * @param observedBreachMinutes  minutes that breached as observed
 * @param modeledBreachMinutes   minutes that breached in the model
 * @param bothBreachMinutes      minutes that breached in both
 * @param eitherBreachMinutes    minutes that breached in at least one
 * @param observedReplicaMinutes replica-minutes the service ran (the replay's input)
 * @param replayedReplicaMinutes replica-minutes the replay ran (the same up to rounding to whole replicas)
 * @param model                  the model calibrated
 * @param observed               the observed run over the whole history, as analyze and backtest's observed rows
 *                               count it (its cost per 1k requests and, with tokens, per million tokens)
 */
public record Calibration(String service, Trust trust, String reason, long comparedMinutes, double medianAbsLogRatio,
                          double p90AbsLogRatio, double medianLogRatio, long observedBreachMinutes,
                          long modeledBreachMinutes, long bothBreachMinutes, long eitherBreachMinutes,
                          double observedReplicaMinutes, double replayedReplicaMinutes, ServiceModel model,
                          Outcome observed) {

    /** Share of the minutes either run breached that both breached (NaN when none breached). */
    public double breachAgreement() {
        return eitherBreachMinutes == 0 ? Double.NaN : (double) bothBreachMinutes / eitherBreachMinutes;
    }

    /** The typical (median) relative latency error, e.g. 0.12 for 12 %. */
    public double typicalLatencyError() {
        return Math.expm1(medianAbsLogRatio);
    }

    /** The relative latency error 9 minutes in 10 stay within. */
    public double p90LatencyError() {
        return Math.expm1(p90AbsLogRatio);
    }
}
