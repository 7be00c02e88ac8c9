package dev.scalewise.sim;

import dev.scalewise.model.Basis;
import dev.scalewise.model.Fitted;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the platform bills a replay's replicas. Kubernetes nodes, SageMaker instances, a Lambda function's
 * provisioned environments and Cloud Run's instance-based billing charge every second of every replica paid
 * for ({@link #LIFETIME}); Cloud Run's request-based billing charges an instance only while it starts or
 * serves a request, Azure Container Apps' Consumption plan charges a replica that neither does a reduced idle
 * rate while the app runs at its minimum replicas ({@code whileServing}: billed per step by what each replica
 * does, {@link #billedReplicas}). A platform that also charges each request adds
 * {@code pricePerMillionRequestsUsd}, listed in USD: left out of a service priced in another currency.
 *
 * @param idleAtMostReplicas while serving: the idle rate applies only while at most this many replicas are paid
 *                           for (Container Apps: the minimum replicas; Cloud Run: any number)
 * @param listPrice          the platform's published price of a replica of the policy's shape, if one covers it
 */
public record Billing(boolean whileServing, int idleAtMostReplicas, double pricePerMillionRequestsUsd,
                      ListPrice listPrice) {
    public static final Billing LIFETIME = lifetime(0, ListPrice.NONE);

    public static Billing lifetime(double pricePerMillionRequestsUsd, ListPrice listPrice) {
        return new Billing(false, Integer.MAX_VALUE, pricePerMillionRequestsUsd, listPrice);
    }

    /**
     * Replicas billed at the active price in a step where {@code paid} are paid for and {@code serving} of them
     * start or have a request in flight: the rest count at the idle share when the idle rate applies.
     */
    public double billedReplicas(int paid, double serving) {
        return paid > idleAtMostReplicas ? paid : serving + listPrice.idleShare() * (paid - serving);
    }

    /**
     * The active price per replica-hour the replay bills (D36): a price stated in services.yaml, else the list
     * price when the service is priced in USD, else the service's own (fitted) price.
     */
    public double pricePerReplicaHour(Fitted servicePrice, String currency) {
        boolean useList = listPrice.known() && servicePrice.basis() != Basis.STATED && currency.equals("USD");
        return useList ? listPrice.activeUsdPerHour() : servicePrice.value();
    }

    /**
     * What a cost billed this way rests on beyond the price per replica-hour, for the outputs; empty for
     * LIFETIME. {@code priceStated}: services.yaml states the service's price per replica-hour.
     */
    public List<String> basis(boolean priceStated) {
        List<String> out = new ArrayList<>();
        if (whileServing && idleAtMostReplicas == Integer.MAX_VALUE) {
            out.add("instances billed only while they start or have a request in flight (at most one per request in"
                    + " flight, which bounds the serving time from above); the reduced rate Google charges idle minimum"
                    + " instances is left out");
        } else if (whileServing && idleAtMostReplicas == 0) {
            out.add("every running replica billed at the active rate (minReplicas 0: the idle rate needs a minimum"
                    + " above 0)");
        } else if (whileServing) {
            out.add(String.format(Locale.ROOT, "a replica billed at the idle rate while the app runs at its minimum of %d"
                    + " and the replica has no request in flight, at the active rate otherwise (one replica counted"
                    + " active per request in flight, which bounds the active time from above)", idleAtMostReplicas));
        }
        if (listPrice.known()) {
            out.add(priceStated ? statedPrice() : listed());
        } else if (!listPrice.what().isEmpty()) {
            out.add(listPrice.what());
        }
        if (pricePerMillionRequestsUsd > 0) {
            out.add(String.format(Locale.ROOT, "plus %.2f USD per million requests (list price; left out"
                    + " for a service priced in another currency)", pricePerMillionRequestsUsd));
        }
        return out;
    }

    private String listed() {
        boolean idleRate = whileServing && listPrice.idleUsdPerHour() > 0;
        return String.format(Locale.ROOT, "priced at %s: %.4f USD per replica-hour%s (monthly free grants left out; a"
                        + " service priced in another currency keeps its own price per replica-hour%s)", listPrice.what(),
                listPrice.activeUsdPerHour(), idleRate ? String.format(Locale.ROOT, " active, %.4f idle",
                        listPrice.idleUsdPerHour()) : "", idleRate ? " as the active one" : "");
    }

    private String statedPrice() {
        boolean idleRate = whileServing && listPrice.idleUsdPerHour() > 0;
        return String.format(Locale.ROOT, "priced at the price per replica-hour stated in services.yaml%s, not at %s"
                        + " (%.4f USD)", idleRate ? String.format(Locale.ROOT, " (active; idle at %.2fx it, the ratio of"
                        + " the list prices)", listPrice.idleShare()) : "", listPrice.what(),
                listPrice.activeUsdPerHour());
    }
}
