package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.sim.autoscaler.Autoscalers;
import dev.scalewise.sim.autoscaler.ReplayContext;
import dev.scalewise.testkit.Histories;
import dev.scalewise.yaml.SafeYaml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Azure Container Apps' Consumption plan ("Billing in Azure Container Apps", learn.microsoft.com/azure/container-apps/
 * billing): a replica is billed per second at the active rate, at the idle rate while its revision runs at a minimum
 * above 0 and the replica processes no request; above the minimum every replica is active; plus each request.
 * Worked out by hand from the app's 0.5 vCPU and 1 GiB and Azure's list prices (UpstreamDefaults.ContainerApps:
 * $0.000024 per vCPU-second and $0.000003 per GiB-second active, $0.000003 and $0.000003 idle, $0.40 per million
 * requests): active 0.5 x 0.000024 + 0.000003 = 0.000015 USD per replica-second, idle 0.0000015 + 0.000003 =
 * 0.0000045, 0.3 of it. ReplayGoldenTest's model: capacity 10 rps, latency 100 + 90 x ms at x rps per replica, in
 * flight per replica x x latency (Little's law). The app runs 2 replicas throughout (minReplicas = maxReplicas = 2):
 * <pre>
 * minutes 0-5    0 rps                       nothing in flight: both idle, 2 x 0.3 = 0.6 replicas billed
 * minutes 5-10   5 rps, 2.5 each, 325 ms     0.8125 in flight each: 1.625 active + 0.375 x 0.3 = 1.7375
 * minutes 10-15  15 rps, 7.5 each, 775 ms    both active: 2
 * requests       300 x 5 + 900 x 5 = 6,000   x 0.40 / 1e6 = 0.0024 USD
 * </pre>
 */
class ContainerAppBillingTest {
    static final double EPS = 1e-9;
    static final ServiceHistory H = Histories.requests(0, 0, 0, 0, 0, 300, 300, 300, 300, 300, 900, 900, 900, 900, 900)
            .replicas(2).build();

    static Autoscaler app(int minReplicas, String workloadProfile) {
        String yaml = "name: api\ntype: Microsoft.App/containerApps\nproperties:\n" + workloadProfile + """
                  template:
                    containers:
                    - name: api
                      resources: {cpu: 0.5, memory: 1Gi}
                    scale:
                      minReplicas: %d
                      maxReplicas: 2
                """.formatted(minReplicas);
        PolicySpec p = PolicyReader.read(SafeYaml.parse("app.yaml", yaml.getBytes(StandardCharsets.UTF_8)).get(0)).orElseThrow();
        return Autoscalers.create(p, new ReplayContext(Instant.EPOCH, 120));
    }

    static Outcome replay(ServiceModel model, Autoscaler app) {
        return Replay.run(H, model, ReplayGoldenTest.spec(), app, ReplayOptions.of("aca")).total();
    }

    /**
     * A price fitted from billing gives way to the list price of the app's shape: 2 x 300 x 0.0000045 = 0.0027
     * + 300 x 1.7375 x 0.000015 = 0.00781875 + 2 x 300 x 0.000015 = 0.009, plus 0.0024 for the requests.
     */
    @Test
    void atTheMinimumAReplicaServingNothingBillsTheIdleRate() {
        ServiceModel fitted = ReplayGoldenTest.model(120).withPrice(Fitted.measured(7.5, 100, "billing"));
        Outcome o = replay(fitted, app(2, ""));
        assertEquals(0.0027 + 0.00781875 + 0.009 + 0.0024, o.cost(), EPS);
    }

    /**
     * A price stated in services.yaml (the model's 3.6 per hour, 0.001 per second) is the active one; idle is 0.3 of
     * it: 2 x 300 x 0.0003 = 0.18, 300 x 1.7375 x 0.001 = 0.52125, 2 x 300 x 0.001 = 0.6, plus 0.0024. Idle cost
     * (billed beyond the 0, 0.5 and 1.5 replicas the demand needs): 0.18 + 300 x 1.2375 x 0.001 + 300 x 0.5 x 0.001
     * = 0.70125.
     */
    @Test
    void aStatedPriceIsTheActiveRateAndTheIdleOneFollowsAtTheListRatio() {
        Outcome o = replay(ReplayGoldenTest.model(120), app(2, ""));
        assertAll(
                () -> assertEquals(0.18 + 0.52125 + 0.6 + 0.0024, o.cost(), EPS),
                () -> assertEquals(0.70125, o.idleCost(), EPS),
                () -> assertEquals(2 * 900 / 3600.0, o.replicaHours(), EPS));
    }

    /**
     * "When a revision is scaled above the minimum replica count, all of its running replicas are charged ... at the
     * active rate": the same 2 replicas with minReplicas 1 bill 2 x 900 x 0.001 = 1.8, plus 0.0024.
     */
    @Test
    void aboveTheMinimumEveryReplicaIsActive() {
        Billing min1 = app(1, "").billing();
        Outcome o = replay(ReplayGoldenTest.model(120), ReplayBillingTest.billed(min1, 2));
        assertEquals(1.8 + 0.0024, o.cost(), EPS);
    }

    /** Idle rates need a minimum above 0 ("Configured with a minimum replica count greater than zero"). */
    @Test
    void withMinimumZeroNoReplicaIsEverIdle() {
        Outcome o = replay(ReplayGoldenTest.model(120), ReplayBillingTest.billed(app(0, "").billing(), 2));
        assertEquals(1.8 + 0.0024, o.cost(), EPS);
    }

    /** A GPU or Dedicated workload profile is billed per replica lifetime at the service's price, no request charge. */
    @Test
    void anotherWorkloadProfileBillsTheLifetimeAtTheServicesPrice() {
        Outcome o = replay(ReplayGoldenTest.model(120), app(2, "  workloadProfileName: NC24-A100\n"));
        assertEquals(2 * 900 * 0.001, o.cost(), EPS);
    }
}
