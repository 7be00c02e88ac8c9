package dev.scalewise.backtest;

import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.Render;
import dev.scalewise.policy.PredictivePolicy;
import dev.scalewise.policy.ScheduledPolicy;
import dev.scalewise.sim.AsRun;

/**
 * How results name a policy: {@code controller/name} (e.g. {@code hpa/llm-chat}, {@code rayserve/chat/llm-chat}),
 * unique even when an HPA and a Ray deployment share a name; and which of the product's three families
 * it belongs to.
 *
 * @param source the manifest's file:line, "" for the observed baseline
 */
public record PolicyId(String label, String controller, Family family, String source) {
    public static final PolicyId OBSERVED = new PolicyId(AsRun.POLICY, AsRun.POLICY, Family.OBSERVED, "");

    public enum Family { OBSERVED, REACTIVE, SCHEDULED, PREDICTIVE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static PolicyId of(PolicySpec p) {
        String controller = Render.kind(p);
        Family family = p instanceof ScheduledPolicy ? Family.SCHEDULED
                : p instanceof PredictivePolicy ? Family.PREDICTIVE : Family.REACTIVE;
        return new PolicyId(controller + "/" + p.meta().name(), controller, family, p.meta().location().toString());
    }
}
