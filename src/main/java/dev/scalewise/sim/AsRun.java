package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.TokenWork;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;

/**
 * The observed ("as run") baseline: the same {@link Outcome} fields a replay produces, computed from
 * the history itself, so policies and reality compare line by line. A pure function of its inputs (safe
 * inside Spark executors).
 *
 * <ul>
 *   <li>gaps: a step whose requests are unknown (no requests row) is left out of every total (requests,
 *       cost, replicas, GPU, SLO, cold starts) and its minutes are counted as {@code unknownMinutes}, so a
 *       failed scrape neither lowers the requests behind cost per 1k nor adds cost to them; a scale event
 *       across a gap compares the replicas on both sides of it;</li>
 *   <li>replicas: the observed ready replicas; a step with unknown replicas adds requests and cost but
 *       no replica time;</li>
 *   <li>cost: billing attributed to the step; where billing is unknown, observed replicas x price;</li>
 *   <li>SLO: the observed SLO-percentile latency of minutes with requests; a step longer than a minute
 *       judges each of its minutes alike, shorter steps are folded into their minute (worst step): the
 *       minutes {@link MinuteMask} names, which every replay judges too;</li>
 *   <li>idle cost: the share of the step's cost buying replicas above demand / fitted capacity
 *       (NaN when the capacity is unknown, so the idle share is unknown rather than 0);</li>
 *   <li>cold-start minutes: requests while no replica was ready; scale events: changes of the rounded
 *       observed replicas between known steps.</li>
 * </ul>
 */
public final class AsRun {
    public static final String POLICY = "observed";

    private AsRun() {
    }

    public static ReplayResult outcomes(ServiceHistory h, ServiceModel model, ServiceSpec spec) {
        return outcomes(h, model, spec, MinuteLog.NONE);
    }

    /** As {@link #outcomes(ServiceHistory, ServiceModel, ServiceSpec)}, every judged minute also to {@code log}. */
    public static ReplayResult outcomes(ServiceHistory h, ServiceModel model, ServiceSpec spec, MinuteLog log) {
        int step = h.stepSeconds();
        Slo slo = spec.slo();
        double[] latency = SloLatency.observed(h, slo);
        double price = model.pricePerReplicaHour().value();
        double capacity = model.capacityPerReplica().value();
        double[] perRequest = model.work().perRequest(h); // capacity is in the model's unit of work
        double[][] tokens = TokenWork.tokensPerRequest(h);
        double promptWeight = model.work().tokens() ? model.work().promptWeight().value() : 1;
        DayTallies days = new DayTallies(h.start(), (long) h.steps() * step);
        MinuteJudge judge = new MinuteJudge(slo.thresholdMs(), null, log);
        double[][] targets = null;
        double[] stepTargets = null;
        if (!slo.more().isEmpty()) {
            judge.withTargets(slo);
            targets = SloLatency.observedTargets(h, slo);
            stepTargets = new double[targets.length];
        }
        int minutesPerStep = Math.max(1, step / 60);
        long currentMinute = 0;
        OutcomeTally minuteTally = days.day(0);
        long previousReplicas = -1;
        for (int i = 0; i < h.steps(); i++) {
            long t = (long) i * step;
            OutcomeTally tally = days.day(days.dayOf(t));
            if (t / 60 != currentMinute) {
                judge.flush(minuteTally, currentMinute, minutesPerStep);
                currentMinute = t / 60;
            }
            minuteTally = tally;
            if (Double.isNaN(h.requests()[i])) {
                judge.markUnknown();
                continue;
            }
            double requests = Math.max(0, h.requests()[i]);
            double replicas = h.replicas()[i];
            boolean replicasKnown = Double.isFinite(replicas);
            double cost = Double.isFinite(h.cost()[i]) ? h.cost()[i]
                    : replicasKnown ? replicas * price * step / 3600 : 0;
            tally.addStep(replicasKnown ? step : 0, requests, replicasKnown ? replicas : 0, cost,
                    idleCost(cost, replicasKnown ? replicas : 0, requests * perRequest[i] / step, capacity));
            tally.addGpuUtil(h.gpuUtil()[i]);
            if (tokens != null) {
                tally.addTokens(requests * tokens[0][i], requests * tokens[1][i], promptWeight);
            }
            if (requests > 0 && Double.isFinite(latency[i])) {
                judge.add(latency[i]);
                for (int k = 0; targets != null && k < targets.length; k++) {
                    stepTargets[k] = Double.isFinite(targets[k][i]) ? targets[k][i] : 0; // unknown: not judged
                }
                if (targets != null) {
                    judge.addTargets(stepTargets);
                }
            }
            if (requests > 0 && replicasKnown && replicas < 0.5) {
                judge.markColdStart();
            }
            if (replicasKnown) {
                long rounded = Math.round(replicas);
                if (previousReplicas >= 0) {
                    tally.addScaleEvent((int) previousReplicas, (int) rounded);
                }
                previousReplicas = rounded;
            }
        }
        judge.flush(minuteTally, currentMinute, minutesPerStep);
        return days.result(h.service(), POLICY, h.currency(), slo, false, ReplayResult.UNKNOWN);
    }

    /**
     * The part of a step's cost buying replicas above demand / capacity: NaN when capacity is unknown; a
     * capacity of 0 (the SLO cannot be met at any load) makes every replica needed while there is demand.
     */
    static double idleCost(double cost, double replicas, double rps, double capacityPerReplica) {
        if (!(replicas > 0)) {
            return 0;
        }
        if (Double.isNaN(capacityPerReplica)) {
            return Double.NaN;
        }
        double needed = rps == 0 ? 0 : rps / capacityPerReplica;
        return cost * Math.max(0, replicas - needed) / replicas;
    }
}
