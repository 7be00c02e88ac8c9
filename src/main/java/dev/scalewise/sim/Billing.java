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

    /** What a cost billed this way rests on beyond the price per replica-hour, for the outputs; empty for LIFETIME. */
    public java.util.List<String> basis() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (whileServing) {
            out.add("instances billed only while they start or have a request in flight (at most one per request in"
                    + " flight, which bounds the serving time from above); the reduced rate Google charges idle minimum"
                    + " instances is left out");
        }
        if (pricePerMillionRequestsUsd > 0) {
            out.add(String.format(java.util.Locale.ROOT, "plus %.2f USD per million requests (list price; left out"
                    + " for a service priced in another currency)", pricePerMillionRequestsUsd));
        }
        return out;
    }
}
