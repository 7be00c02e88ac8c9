package dev.scalewise.sim.autoscaler;

import dev.scalewise.backtest.CostBasis;
import dev.scalewise.backtest.PolicyId;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ScheduledPolicy;
import dev.scalewise.policy.ScheduledPolicy.Window;
import dev.scalewise.policy.UpstreamDefaults;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CostBasis} (beside the replayed controllers whose fixtures it uses): every replayed cost that rests on a stated ratio, an assumption or a bound says so, once per policy. */
class CostBasisTest {

    @Test
    void requestBasedCloudRunSaysWhatItBoundsAndLeavesOut() {
        CloudRunPolicy run = CloudRunTest.run(0, 10);
        List<String> notes = CostBasis.notes(List.of(run), Map.of());
        assertEquals(1, notes.size(), notes.toString());
        String n = notes.get(0);
        assertTrue(n.startsWith("cost of " + PolicyId.of(run).label() + ": "), n);
        assertTrue(n.contains("bounds the serving time from above") && n.contains("idle minimum instances is left out"), n);
        // Google's list price, UpstreamDefaults.CloudRun
        assertTrue(n.contains(String.format(java.util.Locale.ROOT, "%.2f USD per million requests",
                UpstreamDefaults.CloudRun.PRICE_PER_MILLION_REQUESTS_USD)), n);
    }

    @Test
    void lambdaStatesItsPriceRatiosAndTheAssumedWarmTime() {
        AppAutoScalingPolicy fn = LambdaProvisionedConcurrencyTest.provisioned(1, 10);
        String n = CostBasis.notes(List.of(fn), Map.of()).get(0);
        // AWS US East list-price ratios (UpstreamDefaults.Lambda): 0.0000166667 / 0.0000041667 and 0.0000097222 / 0.0000041667
        assertTrue(n.contains("4.00x (on demand") && n.contains("2.33x (a busy provisioned"), n);
        assertTrue(n.contains("warm for 300 s (not published)"), n);
        assertTrue(n.contains("0.20 USD per million requests"), n);
    }

    /** A schedule decides how many replicas, not how they are billed: the base's basis is the schedule's too. */
    @Test
    void aScheduleOverRequestBasedCloudRunCarriesItsBasis() {
        ScheduledPolicy s = new ScheduledPolicy(Fixtures.meta("sched"), CloudRunTest.run(0, 10), ZoneOffset.UTC,
                List.of(new Window("day", "0 8 * * *", 3600, 2, Window.Mode.MIN)));
        assertEquals(1, CostBasis.notes(List.of(s), Map.of()).size());
    }

    /**
     * Request-based Cloud Run says which rates it used: Google's request-based Tier 1 list price for 1 vCPU and
     * 0.5 GiB, (0.000024 + 0.5 x 0.0000025) x 3600 = 0.0909 USD per instance-hour.
     */
    @Test
    void cloudRunSaysWhichBillingModesRatesItUsed() {
        String n = CostBasis.notes(List.of(CloudRunTest.run(0, 10)), Map.of()).get(0);
        assertTrue(n.contains("priced at Google's Tier 1 request-based list prices for 1 vCPU and 0.5 GiB:"
                + " 0.0909 USD per replica-hour"), n);
    }

    /**
     * The examples' serverless policies run on GPUs, whose price the platforms' per-vCPU and per-GiB prices leave
     * out: each says it bills at the service's price, and why; the Kubernetes ones need no note.
     */
    @Test
    void theExamplePoliciesSayTheyKeepTheServicesPrice() {
        List<String> notes = CostBasis.notes(PolicyLoader.load(List.of("policies")).policies(), Map.of());
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("workload profile NC24-A100 (not Consumption)")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("instance-based billing at the service's price per"
                + " replica-hour: Google's prices per vCPU- and GiB-second leave out the instance's GPU")), notes.toString());
    }

    /**
     * A Container App on the Consumption plan says when its replicas bill the idle rate and at which prices: 0.5
     * vCPU and 1 GiB, (0.5 x 0.000024 + 0.000003) x 3600 = 0.0540 USD per replica-hour active, (0.5 x 0.000003 +
     * 0.000003) x 3600 = 0.0162 idle; with a price stated in services.yaml, that price is the active one and the idle
     * rate follows at 0.0162 / 0.0540 = 0.30 of it.
     */
    @Test
    void aContainerAppSaysWhenItsReplicasIdleAndAtWhichPrices() {
        PolicySpec app = dev.scalewise.policy.PolicyReader.read(dev.scalewise.yaml.SafeYaml.parse("app.yaml", """
                name: api
                type: Microsoft.App/containerApps
                properties:
                  template:
                    containers:
                    - name: api
                      resources: {cpu: 0.5, memory: 1Gi}
                    scale: {minReplicas: 2}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0)).orElseThrow();
        String listed = CostBasis.notes(List.of(app), Map.of()).get(0);
        assertTrue(listed.contains("a replica billed at the idle rate while the app runs at its minimum of 2 and the"
                + " replica has no request in flight"), listed);
        assertTrue(listed.contains("priced at Azure's Consumption-plan list prices (pay-as-you-go, Central US, May 2025)"
                + " for 0.5 vCPU and 1 GiB: 0.0540 USD per replica-hour active, 0.0162 idle (monthly free grants left"
                + " out"), listed);
        assertTrue(listed.contains("plus 0.40 USD per million requests"), listed);
        ServiceSpec d = ServiceSpec.defaults("api");
        ServiceSpec priced = new ServiceSpec("api", d.slo(), OptionalDouble.empty(), OptionalDouble.of(0.2), false);
        String stated = CostBasis.notes(List.of(app), Map.of("api", priced)).get(0);
        assertTrue(stated.contains("priced at the price per replica-hour stated in services.yaml (active; idle at 0.30x"
                + " it, the ratio of the list prices), not at Azure's"), stated);
    }
}
