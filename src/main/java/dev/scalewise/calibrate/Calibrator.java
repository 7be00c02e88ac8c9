package dev.scalewise.calibrate;

import dev.scalewise.Numbers;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.AsRun;
import dev.scalewise.sim.MinuteLog;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.Replay;
import dev.scalewise.sim.ReplayOptions;

import java.util.Arrays;
import java.util.Locale;

/**
 * Calibrates a fitted model against its own history (docs/replay.md, "Calibration"): the model replays the
 * replicas the service really ran (ready at once: the history's replicas were already serving), and each
 * minute the observed run judges is compared, modeled against observed SLO-percentile latency.
 *
 * <p>The verdict, in general terms (latency errors are ratios, so they hold at any latency scale):
 * <ul>
 *   <li><b>trusted</b>: in the typical minute the modeled latency is within {@code 25 %} of the observed, in
 *       9 minutes of 10 within a factor of 2, and the breach minutes agree: of the minutes either run
 *       breached, at least half breached in both (checked once either run has {@value #MIN_BREACH_EVIDENCE}
 *       breach minutes; fewer are too few to disagree on);</li>
 *   <li><b>rough</b>: typical minute within 50 %, 9 in 10 within a factor of 3, and at least a quarter of
 *       the breach minutes shared;</li>
 *   <li><b>untrusted</b>: anything worse, or fewer than {@value #MIN_MINUTES} minutes to compare, or no
 *       capacity to replay with.</li>
 * </ul>
 * Percentile latencies of one minute scatter by tens of percent on their own; a model within 25 % in the
 * typical minute is as close as the data let anyone tell, and one that misses most breach minutes (or invents
 * them) cannot tell policies apart by breaches, whatever its latency error.
 */
public final class Calibrator {
    static final int MIN_MINUTES = 60;
    static final int MIN_BREACH_EVIDENCE = 5;
    static final double TRUSTED_TYPICAL = Math.log(1.25);
    static final double TRUSTED_P90 = Math.log(2);
    static final double TRUSTED_AGREEMENT = 0.5;
    static final double ROUGH_TYPICAL = Math.log(1.5);
    static final double ROUGH_P90 = Math.log(3);
    static final double ROUGH_AGREEMENT = 0.25;

    private Calibrator() {
    }

    public static Calibration calibrate(ServiceHistory h, ServiceModel model, ServiceSpec spec) {
        int perStep = Math.max(1, h.stepSeconds() / 60);
        int minutes = (int) (((long) h.steps() * h.stepSeconds() + 59) / 60 + perStep);
        MinuteSeries observed = new MinuteSeries(minutes);
        Outcome asRun = AsRun.outcomes(h, model, spec, observed).total();
        double observedReplicaMinutes = asRun.replicaHours() * 60;
        if (!(model.capacityPerReplica().value() > 0)) {
            return notCalibrated(h, model, asRun, observedReplicaMinutes, "no capacity per replica to replay with ("
                    + model.capacityPerReplica().note() + ")");
        }
        MinuteSeries modeled = new MinuteSeries(minutes);
        ServiceModel asServed = model.withStartup(Fitted.stated(0, "calibration: the replicas were serving"));
        if (!asServed.pricePerReplicaHour().known()) {
            asServed = asServed.withPrice(Fitted.stated(0, "calibration: cost is not compared"));
        }
        Outcome replayed = Replay.run(h, asServed, spec, new AsRunReplicas(h), ReplayOptions.of("as-run")
                .withInitialReplicas(AsRunReplicas.initial(h)).withMinuteLog(modeled)).total();
        double[] absLog = new double[minutes];
        double[] signedLog = new double[minutes];
        int compared = 0;
        long obsBreach = 0;
        long modBreach = 0;
        long both = 0;
        for (int m = 0; m < minutes; m++) {
            if (Double.isNaN(observed.latencyMs[m]) || Double.isNaN(modeled.latencyMs[m])) {
                continue;
            }
            obsBreach += observed.breach[m] ? 1 : 0;
            modBreach += modeled.breach[m] ? 1 : 0;
            both += observed.breach[m] && modeled.breach[m] ? 1 : 0;
            if (observed.latencyMs[m] > 0 && modeled.latencyMs[m] > 0) {
                double r = Math.log(modeled.latencyMs[m] / observed.latencyMs[m]);
                signedLog[compared] = r;
                absLog[compared++] = Math.abs(r);
            }
        }
        long either = obsBreach + modBreach - both;
        double median = quantile(absLog, compared, 0.5);
        double p90 = quantile(absLog, compared, 0.9);
        double bias = quantile(signedLog, compared, 0.5);
        Verdict v = verdict(compared, median, p90, obsBreach, modBreach, both, either);
        return new Calibration(h.service(), v.trust(), v.reason() + caveat(model), compared, median, p90, bias, obsBreach,
                modBreach, both, either, observedReplicaMinutes, replayed.replicaHours() * 60, model, asRun);
    }

    record Verdict(Trust trust, String reason) {
    }

    static Verdict verdict(int compared, double median, double p90, long observed, long modeled, long both, long either) {
        if (compared < MIN_MINUTES) {
            return new Verdict(Trust.UNTRUSTED, String.format(Locale.ROOT, "only %s minutes with both observed and "
                    + "modeled latency; calibration needs %s", Numbers.count(compared), Numbers.count(MIN_MINUTES)));
        }
        double agreement = either == 0 ? 1 : (double) both / either;
        boolean breachesJudged = either >= MIN_BREACH_EVIDENCE;
        String latency = String.format(Locale.ROOT, "modeled latency within %.0f%% of observed in the typical minute, "
                + "within %.0f%% in 9 of 10 (%s minutes)", Math.expm1(median) * 100, Math.expm1(p90) * 100,
                Numbers.count(compared));
        String breaches = either == 0 ? "no breach minute in either"
                : String.format(Locale.ROOT, "%s of the %s breach minutes in both (observed %s, modeled %s)",
                Numbers.count(both), Numbers.count(either), Numbers.count(observed), Numbers.count(modeled));
        if (median <= TRUSTED_TYPICAL && p90 <= TRUSTED_P90 && (!breachesJudged || agreement >= TRUSTED_AGREEMENT)) {
            return new Verdict(Trust.TRUSTED, latency + "; " + breaches);
        }
        if (median <= ROUGH_TYPICAL && p90 <= ROUGH_P90 && (!breachesJudged || agreement >= ROUGH_AGREEMENT)) {
            return new Verdict(Trust.ROUGH, latency + "; " + breaches + roughBecause(median, p90, agreement,
                    breachesJudged));
        }
        String why;
        if (breachesJudged && agreement < ROUGH_AGREEMENT) {
            why = modeled == 0 ? String.format(Locale.ROOT, "the model reproduces none of the %s observed breach "
                    + "minutes: breaches here do not follow load", Numbers.count(observed))
                    : observed == 0 ? String.format(Locale.ROOT, "the model breaches %s minutes the service met its "
                    + "SLO in", Numbers.count(modeled))
                    : String.format(Locale.ROOT, "the breach minutes disagree: %s", breaches);
        } else {
            why = latency + " (rough needs 50% and 200%)";
        }
        return new Verdict(Trust.UNTRUSTED, why + (why.startsWith("modeled") ? "; " + breaches : "; " + latency));
    }

    private static String roughBecause(double median, double p90, double agreement, boolean breachesJudged) {
        if (median > TRUSTED_TYPICAL || p90 > TRUSTED_P90) {
            return " (trusted needs 25% and 100%)";
        }
        return breachesJudged && agreement < TRUSTED_AGREEMENT ? " (trusted needs half the breach minutes shared)" : "";
    }

    /** What the verdict does not cover: load beyond what history showed. */
    static String caveat(ServiceModel m) {
        if (!m.capacityBeyondHistory()) {
            return "";
        }
        return String.format(Locale.ROOT, "; capacity is %s (%.3g rps/replica): beyond the busiest load history held "
                + "(%.3g rps/replica) the model cannot be checked", m.capacityPerReplica().basis() == dev.scalewise.model.Basis.LOWER_BOUND
                ? "only a lower bound" : "extrapolated", m.capacityPerReplica().value(), m.busiestLoadPerReplica().value());
    }

    private static Calibration notCalibrated(ServiceHistory h, ServiceModel model, Outcome asRun, double replicaMinutes,
                                             String why) {
        return new Calibration(h.service(), Trust.UNTRUSTED, why, 0, Double.NaN, Double.NaN, Double.NaN,
                asRun.breachMinutes(), 0, 0, asRun.breachMinutes(), replicaMinutes, 0, model, asRun);
    }

    /** The q-quantile of the first n values (NaN when n is 0), nearest rank. */
    static double quantile(double[] values, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        return s[Math.min(n - 1, (int) Math.ceil(q * n) - 1 < 0 ? 0 : (int) Math.ceil(q * n) - 1)];
    }

    /** Every judged minute's latency and verdict, by minute index (NaN where not judged). */
    private static final class MinuteSeries implements MinuteLog {
        final double[] latencyMs;
        final boolean[] breach;

        MinuteSeries(int minutes) {
            latencyMs = new double[minutes];
            breach = new boolean[minutes];
            Arrays.fill(latencyMs, Double.NaN);
        }

        @Override
        public void minute(long minute, int minutes, double latency, boolean breached) {
            for (int k = 0; k < minutes && minute + k < latencyMs.length; k++) {
                latencyMs[(int) minute + k] = latency;
                breach[(int) minute + k] = breached;
            }
        }
    }
}
