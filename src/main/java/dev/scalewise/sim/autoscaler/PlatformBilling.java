package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.ContainerAppPlan;
import dev.scalewise.policy.ReplicaShape;
import dev.scalewise.policy.UpstreamDefaults.CloudRun;
import dev.scalewise.policy.UpstreamDefaults.ContainerApps;
import dev.scalewise.sim.Billing;
import dev.scalewise.sim.ListPrice;

/**
 * How the serverless platforms bill a policy's replicas, from the shape its file gives them (D34, D36): the
 * billing mode, the list price of that shape under it, the request charge. docs/autoscalers.md cites each price.
 */
final class PlatformBilling {
    private PlatformBilling() {
    }

    /**
     * Cloud Run: request-based billing (the default) charges an instance while it starts or serves, at Google's
     * request-based rates, plus each request; instance-based billing its lifetime at the lower instance-based rates.
     */
    static Billing cloudRun(CloudRunPolicy policy) {
        boolean instanceBased = policy.cpuAlwaysAllocated();
        ReplicaShape shape = policy.shape();
        ListPrice price;
        if (shape.gpu()) {
            price = ListPrice.unknown((instanceBased ? "instance-based" : "request-based") + " billing at the service's"
                    + " price per replica-hour: Google's prices per vCPU- and GiB-second leave out the instance's GPU");
        } else if (instanceBased) {
            price = ListPrice.of(shape, CloudRun.INSTANCE_BASED_USD_PER_VCPU_SECOND, CloudRun.INSTANCE_BASED_USD_PER_GIB_SECOND,
                    CloudRun.INSTANCE_BASED_USD_PER_VCPU_SECOND, CloudRun.INSTANCE_BASED_USD_PER_GIB_SECOND,
                    "Google's Tier 1 instance-based list prices");
        } else {
            price = ListPrice.of(shape, CloudRun.REQUEST_BASED_USD_PER_VCPU_SECOND, CloudRun.REQUEST_BASED_USD_PER_GIB_SECOND,
                    0, 0, "Google's Tier 1 request-based list prices");
        }
        return instanceBased ? Billing.lifetime(0, price)
                : new Billing(true, Integer.MAX_VALUE, CloudRun.PRICE_PER_MILLION_REQUESTS_USD, price);
    }

    /**
     * Container Apps on the Consumption profile: each replica by the second at the active rate, at the idle rate
     * while the app runs at a minimum above 0 and the replica serves nothing, plus each request. Any other
     * profile (a serverless GPU one, always billed active, or a Dedicated one, billed per instance of the
     * profile) is billed per replica lifetime at the service's price.
     */
    static Billing containerApp(ContainerAppPlan plan, int minReplicas) {
        if (!plan.consumption()) {
            return Billing.lifetime(0, ListPrice.unknown("workload profile " + plan.workloadProfile() + " (not "
                    + ContainerAppPlan.CONSUMPTION + "): each replica billed for its lifetime at the service's price per"
                    + " replica-hour (Azure's idle rate and Consumption prices apply to the Consumption profile)"));
        }
        ListPrice price = ListPrice.of(plan.shape(), ContainerApps.ACTIVE_USD_PER_VCPU_SECOND, ContainerApps.USD_PER_GIB_SECOND,
                ContainerApps.IDLE_USD_PER_VCPU_SECOND, ContainerApps.USD_PER_GIB_SECOND, ContainerApps.PRICES);
        return new Billing(true, minReplicas, ContainerApps.PRICE_PER_MILLION_REQUESTS_USD, price);
    }
}
