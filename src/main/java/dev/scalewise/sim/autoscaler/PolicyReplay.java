package dev.scalewise.sim.autoscaler;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Replay;
import dev.scalewise.sim.ReplayInput;
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
        return run(policy, ReplayInput.of(history, model, spec), options);
    }

    /** Over a period made ready once for the many policies replayed over it. */
    public static ReplayResult run(PolicySpec policy, ReplayInput input, ReplayOptions options) {
        ReplayContext ctx = new ReplayContext(input.history().start(), input.model().startupSeconds().value());
        return Replay.run(input, Autoscalers.create(policy, ctx), options);
    }
}
