package dev.scalewise.sim;

/**
 * How the platform bills a replay's replicas. Kubernetes nodes, SageMaker instances, a Lambda function's
 * provisioned environments and Cloud Run's instance-based billing charge every second of every replica paid
 * for ({@link #LIFETIME}); Cloud Run's request-based billing charges an instance only while it starts or
 * serves a request ({@code whileServing}). A platform that also charges each request adds
 * {@code pricePerMillionRequestsUsd}, listed in USD: left out of a service priced in another currency.
 */
public record Billing(boolean whileServing, double pricePerMillionRequestsUsd) {
    public static final Billing LIFETIME = new Billing(false, 0);
}
