package dev.scalewise.lint;

import dev.scalewise.UserError;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.AsRun;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.ReplayResult;
import dev.scalewise.sim.TimelineRow;
import dev.scalewise.sim.autoscaler.PolicyReplay;

import java.util.List;
import java.util.Optional;

/**
 * Builds the evidence of one configured policy from its service's history: the policy is replayed over
 * the whole history exactly as `backtest` does (so the numbers a finding quotes are the backtest's for
 * the same days), and the last {@code days} whole days are reported, with the observed run over the same
 * days, the replicas the busiest minute needed, and the longest time the replayed policy stayed below
 * what demand needed. Pure Java: whoever reads the exports (Spark, a test) hands the history in.
 */
public final class ReplayedEvidence {
    private static final int DAY_SECONDS = 86_400;

    private ReplayedEvidence() {
    }

    /** Empty when the service cannot be modeled (unknown capacity or price): there is nothing to quote. */
    public static Optional<PolicyEvidence> of(Manifest manifest, PolicySpec policy, ServiceSpec spec,
                                              ServiceHistory history, int days) {
        int stepsPerDay = DAY_SECONDS / history.stepSeconds();
        int reported = Math.max(1, Math.min(days, history.steps() / stepsPerDay));
        ServiceModel model;
        ReplayResult replay;
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        try {
            model = ServiceModelFitter.fit(history, spec);
            replay = PolicyReplay.run(policy, history, model, spec,
                    ReplayOptions.of(policy.meta().name()).withTimeline(timeline, dev.scalewise.policy.Signal.RPS));
        } catch (UserError | IllegalArgumentException e) {
            return Optional.empty();
        }
        List<Outcome> all = replay.days();
        List<Outcome> daily = all.subList(Math.max(0, all.size() - reported), all.size());
        ServiceHistory reportedPart = history.slice(Math.max(0, history.steps() - reported * stepsPerDay), history.steps());
        Outcome observed = AsRun.outcomes(reportedPart, model, spec).total();
        double capacity = model.capacityPerReplica().value();
        long reportFromSecond = (long) (history.steps() - reportedPart.steps()) * history.stepSeconds();
        return Optional.of(new PolicyEvidence(manifest, policy, spec, daily, Optional.of(observed),
                peakReplicasNeeded(reportedPart, capacity), longestShortfallSeconds(timeline.rows(), capacity,
                        reportFromSecond), Optional.of(model)));
    }

    /** ceil(demand / capacity per replica) at the busiest step. */
    static int peakReplicasNeeded(ServiceHistory h, double capacityRps) {
        double peak = 0;
        for (double r : h.requests()) {
            if (Double.isFinite(r)) {
                peak = Math.max(peak, r / h.stepSeconds());
            }
        }
        return (int) Math.ceil(peak / capacityRps - 1e-9);
    }

    /** The longest run of timeline rows (after {@code fromSecond}) whose ready replicas were below the need. */
    static double longestShortfallSeconds(List<TimelineRow> rows, double capacityRps, long fromSecond) {
        double longest = 0;
        long runStart = -1;
        long previous = -1;
        for (TimelineRow r : rows) {
            if (r.secondsSinceStart() < fromSecond) {
                continue;
            }
            int needed = (int) Math.ceil(r.demandRps() / capacityRps - 1e-9);
            boolean short_ = r.readyReplicas() < needed;
            if (short_ && runStart < 0) {
                runStart = r.secondsSinceStart();
            } else if (!short_ && runStart >= 0) {
                longest = Math.max(longest, r.secondsSinceStart() - runStart);
                runStart = -1;
            }
            previous = r.secondsSinceStart();
        }
        if (runStart >= 0) {
            longest = Math.max(longest, previous - runStart);
        }
        return longest;
    }
}
