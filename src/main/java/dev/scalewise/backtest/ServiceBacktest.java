package dev.scalewise.backtest;

import dev.scalewise.UserError;
import dev.scalewise.calibrate.Calibration;
import dev.scalewise.calibrate.Calibrator;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.AsRun;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayResult;
import dev.scalewise.sim.autoscaler.PolicyReplay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Backtests every policy that applies to one service over its history.
 *
 * <p>The whole history is replayed (so each day starts from the state the previous day left), but only
 * days starting in [reportFrom, reportTo) are returned: a nightly run passes a day of warm-up before the
 * day it reports.
 */
public final class ServiceBacktest {
    private ServiceBacktest() {
    }

    /**
     * Every kept day of the observed baseline and of each policy, what could not be replayed, and how far
     * the service's model is to be trusted (empty when no model could be fitted).
     */
    public record Result(String service, List<PolicyOutcome> outcomes, List<Problem> problems,
                         Optional<Calibration> calibration) {
        public Result {
            outcomes = List.copyOf(outcomes);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Replays one policy on a service: {@link PolicyReplay#run} itself, or a wrapper around it (the Spark job
     * times the replay kernel this way; the core reads no clock).
     */
    @FunctionalInterface
    public interface PolicyReplayer {
        ReplayResult replay(PolicySpec policy, ServiceHistory history, ServiceModel model, ServiceSpec spec);
    }

    /** @param policies the policies whose service is this one */
    public static Result run(ServiceHistory history, ServiceSpec spec, List<PolicySpec> policies, Instant reportFrom,
                             Instant reportTo) {
        return run(history, spec, policies, reportFrom, reportTo, PolicyReplay::run);
    }

    /** As {@link #run(ServiceHistory, ServiceSpec, List, Instant, Instant)}, each policy replayed by {@code replayer}. */
    public static Result run(ServiceHistory history, ServiceSpec spec, List<PolicySpec> policies, Instant reportFrom,
                             Instant reportTo, PolicyReplayer replayer) {
        String service = history.service();
        ServiceModel model;
        try {
            model = ServiceModelFitter.fit(history, spec);
        } catch (UserError | IllegalArgumentException e) {
            return new Result(service, List.of(), List.of(new Problem(service, "", e.getMessage())), Optional.empty());
        }
        List<PolicyOutcome> outcomes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        keep(PolicyId.OBSERVED, AsRun.outcomes(history, model, spec), reportFrom, reportTo, outcomes);
        for (PolicySpec policy : policies) {
            PolicyId id = PolicyId.of(policy);
            try {
                keep(id, replayer.replay(policy, history, model, spec), reportFrom, reportTo, outcomes);
            } catch (UserError | IllegalArgumentException e) {
                problems.add(new Problem(service, id.label(), e.getMessage()));
            }
        }
        return new Result(service, outcomes, problems, Optional.of(Calibrator.calibrate(history, model, spec)));
    }

    private static void keep(PolicyId id, ReplayResult result, Instant from, Instant to, List<PolicyOutcome> out) {
        for (Outcome day : result.days()) {
            if (!day.periodStart().isBefore(from) && day.periodStart().isBefore(to)) {
                out.add(new PolicyOutcome(id, day));
            }
        }
    }
}
