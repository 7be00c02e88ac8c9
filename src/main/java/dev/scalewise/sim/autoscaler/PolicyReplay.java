package dev.scalewise.sim.autoscaler;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Replay;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.ReplayResult;

/**
 * Replays a normalized policy on a service: builds a fresh controller for the policy and runs the
 * replay loop. The one entry point the backtest, recommend and lint-evidence code share.
 */
public final class PolicyReplay {
    private PolicyReplay() {
    }

    public static ReplayResult run(PolicySpec policy, ServiceHistory history, ServiceModel model, ServiceSpec spec) {
        return run(policy, history, model, spec, ReplayOptions.of(policy.meta().name()));
    }

    public static ReplayResult run(PolicySpec policy, ServiceHistory history, ServiceModel model, ServiceSpec spec,
                                   ReplayOptions options) {
        ReplayContext ctx = new ReplayContext(history.start(), model.startupSeconds().value());
        return Replay.run(history, model, spec, Autoscalers.create(policy, ctx), options);
    }
}
