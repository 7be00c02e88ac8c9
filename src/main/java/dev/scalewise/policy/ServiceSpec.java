package dev.scalewise.policy;

import java.util.OptionalDouble;

/**
 * One service's entry of services.yaml.
 *
 * @param startupSeconds      schedule + image pull + model load; empty = estimate from data
 * @param pricePerReplicaHour override of the billing-derived price; empty = derive from billing
 * @param latencyCritical     a user-facing service that must not scale to zero (lint, recommend floors)
 * @param requestTimeoutSeconds how long a request waits in the queue before its client gives up (the
 *                            request fails and leaves the queue); empty = requests wait until served
 * @param capacity            what services.yaml states about a replica's capacity ({@link StatedCapacity#NONE})
 */
public record ServiceSpec(String name, Slo slo, OptionalDouble startupSeconds,
                          OptionalDouble pricePerReplicaHour, boolean latencyCritical,
                          OptionalDouble requestTimeoutSeconds, StatedCapacity capacity) {
    /** An entry stating nothing about capacity. */
    public ServiceSpec(String name, Slo slo, OptionalDouble startupSeconds, OptionalDouble pricePerReplicaHour,
                       boolean latencyCritical, OptionalDouble requestTimeoutSeconds) {
        this(name, slo, startupSeconds, pricePerReplicaHour, latencyCritical, requestTimeoutSeconds, StatedCapacity.NONE);
    }

    /** An entry without a request timeout. */
    public ServiceSpec(String name, Slo slo, OptionalDouble startupSeconds, OptionalDouble pricePerReplicaHour,
                       boolean latencyCritical) {
        this(name, slo, startupSeconds, pricePerReplicaHour, latencyCritical, OptionalDouble.empty());
    }

    public ServiceSpec withCapacity(StatedCapacity stated) {
        return new ServiceSpec(name, slo, startupSeconds, pricePerReplicaHour, latencyCritical, requestTimeoutSeconds,
                stated);
    }

    /** The SLO applied when services.yaml has no entry for a service (documented in docs/). */
    public static ServiceSpec defaults(String name) {
        return new ServiceSpec(name, Slo.DEFAULT, OptionalDouble.empty(), OptionalDouble.empty(), true);
    }
}
