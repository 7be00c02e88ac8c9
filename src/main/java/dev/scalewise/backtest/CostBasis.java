package dev.scalewise.backtest;

import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.autoscaler.Autoscalers;
import dev.scalewise.sim.autoscaler.ReplayContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the replayed cost of a policy rests on when its platform does not bill every replica for its whole
 * lifetime at the service's price (Cloud Run's billing modes and list prices, Container Apps' active and idle
 * rates, a Lambda function's on-demand execution; D33, D34, D36): one note per such policy, for the outputs to
 * print beside the figures. The controllers state the billing; this only words it.
 */
public final class CostBasis {
    private CostBasis() {
    }

    /**
     * "cost of keda/x: ..." for each policy billed otherwise than per replica lifetime at the service's price, in
     * the given order; {@code services} (services.yaml) says whose price is stated.
     */
    public static List<String> notes(Collection<? extends PolicySpec> policies, Map<String, ServiceSpec> services) {
        List<String> out = new ArrayList<>();
        for (PolicySpec p : policies) {
            Autoscaler a = Autoscalers.create(p, new ReplayContext(Instant.EPOCH, 0));
            ServiceSpec spec = services.get(p.meta().service());
            List<String> basis = new ArrayList<>(a.onDemand().basis());
            basis.addAll(a.billing().basis(spec != null && spec.pricePerReplicaHour().isPresent()));
            if (!basis.isEmpty()) {
                out.add("cost of " + PolicyId.of(p).label() + ": " + String.join("; ", basis));
            }
        }
        return out;
    }
}
