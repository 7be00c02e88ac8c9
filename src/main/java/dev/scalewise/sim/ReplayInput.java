package dev.scalewise.sim;

import dev.scalewise.UserError;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.TokenWork;
import dev.scalewise.policy.ServiceSpec;

/**
 * A period made ready for replay: what {@link Replay} derives from the history, the model and the SLO alone
 * (demand as held rates, work per request, tokens per request, the minutes the SLO judges). A search replays
 * dozens of policies over one period; they share one of these instead of deriving it each time. Immutable
 * once made (nothing writes its arrays), so replays on several threads may share it.
 */
public final class ReplayInput {
    private final ServiceHistory history;
    private final ServiceModel model;
    private final ServiceSpec spec;
    final boolean[] knownDemand;
    final double[] rates;
    final double[] workPerRequest;
    final double[][] tokensPerRequest;
    final MinuteMask mask;

    private ReplayInput(ServiceHistory history, ServiceModel model, ServiceSpec spec) {
        this.history = history;
        this.model = model;
        this.spec = spec;
        this.knownDemand = new boolean[history.steps()];
        this.rates = Replay.heldRates(history, knownDemand);
        this.workPerRequest = model.work().perRequest(history);
        this.tokensPerRequest = TokenWork.tokensPerRequest(history);
        this.mask = MinuteMask.of(history, SloLatency.observed(history, spec.slo()));
    }

    /**
     * @param history the period's demand: {@code requests} (unknown steps hold the last known rate and are
     *                booked nowhere), the SLO percentile's latency (which minutes are judged) and, for the
     *                initial replicas, {@code replicas}
     * @param model   the fitted service model; capacity, price and startup must be known
     * @param spec    the service's SLO
     */
    public static ReplayInput of(ServiceHistory history, ServiceModel model, ServiceSpec spec) {
        requireReplayable(model);
        if (model.work().tokens() && !history.llm().hasTokens()) {
            throw new UserError("service " + model.service() + ": its model is in tokens/s but the demand to replay has "
                    + "no prompt_tokens and generation_tokens");
        }
        return new ReplayInput(history, model, spec);
    }

    public ServiceHistory history() {
        return history;
    }

    public ServiceModel model() {
        return model;
    }

    public ServiceSpec spec() {
        return spec;
    }

    private static void requireReplayable(ServiceModel model) {
        if (!(model.capacityPerReplica().value() > 0)) {
            throw new UserError("service " + model.service() + ": cannot replay without a capacity per replica ("
                    + model.capacityPerReplica().note() + ")");
        }
        if (!model.pricePerReplicaHour().known()) {
            throw new UserError("service " + model.service() + ": cannot replay without a price per replica-hour ("
                    + model.pricePerReplicaHour().note() + ")");
        }
        if (!(model.startupSeconds().value() >= 0)) {
            throw new UserError("service " + model.service() + ": startup seconds must be known and not negative, found "
                    + model.startupSeconds().value());
        }
    }
}
