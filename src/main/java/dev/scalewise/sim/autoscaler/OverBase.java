package dev.scalewise.sim.autoscaler;

import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.Billing;
import dev.scalewise.sim.OnDemand;

/**
 * A controller that decides over a base policy's controller (schedules, forecasts): the base's platform
 * serves and bills the replicas whoever decides how many, and the decisions come at the base's period. In one
 * place, so that no wrapper replays a Cloud Run or Lambda base with Kubernetes' billing and queueing.
 */
abstract class OverBase implements Autoscaler {
    protected final Autoscaler base;

    OverBase(Autoscaler base) {
        this.base = base;
    }

    @Override
    public final int periodSeconds() {
        return base.periodSeconds();
    }

    @Override
    public final OnDemand onDemand() {
        return base.onDemand();
    }

    @Override
    public final Billing billing() {
        return base.billing();
    }
}
