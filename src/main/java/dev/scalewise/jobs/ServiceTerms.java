package dev.scalewise.jobs;

import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.policy.StatedCapacity;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A service's services.yaml entry in a form Spark can ship to executors ({@link ServiceSpec} is not
 * Serializable and carries Optionals): absent startup, price or timeout travel as NaN.
 */
record ServiceTerms(Slo slo, double startupSeconds,
                    double pricePerReplicaHour, boolean latencyCritical, double requestTimeoutSeconds,
                    StatedCapacity capacity)
        implements Serializable {
    static ServiceTerms of(ServiceSpec s) {
        return new ServiceTerms(s.slo(), s.startupSeconds().orElse(Double.NaN), s.pricePerReplicaHour().orElse(Double.NaN),
                s.latencyCritical(), s.requestTimeoutSeconds().orElse(Double.NaN), s.capacity());
    }

    static HashMap<String, ServiceTerms> of(Map<String, ServiceSpec> services) {
        HashMap<String, ServiceTerms> m = new HashMap<>();
        services.forEach((name, spec) -> m.put(name, of(spec)));
        return m;
    }

    /** The entry of {@code service}, or {@link ServiceSpec#defaults} when services.yaml has none. */
    static ServiceSpec specOf(Map<String, ServiceTerms> terms, String service) {
        ServiceTerms t = terms.get(service);
        return t == null ? ServiceSpec.defaults(service) : t.spec(service);
    }

    ServiceSpec spec(String service) {
        return new ServiceSpec(service, slo, optional(startupSeconds),
                optional(pricePerReplicaHour), latencyCritical, optional(requestTimeoutSeconds), capacity);
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
