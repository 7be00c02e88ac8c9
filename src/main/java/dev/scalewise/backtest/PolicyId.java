package dev.scalewise.backtest;

import dev.scalewise.policy.PolicySpec;
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
        String controller = p.kind().id();
        Family family = switch (p.kind()) {
            case HPA, KEDA, KPA, RAY_SERVE, APP_AUTO_SCALING, CLOUD_RUN -> Family.REACTIVE;
            case SCHEDULED -> Family.SCHEDULED;
            case PREDICTIVE -> Family.PREDICTIVE;
        };
        return new PolicyId(controller + "/" + p.meta().name(), controller, family, p.meta().location().toString());
    }
}
