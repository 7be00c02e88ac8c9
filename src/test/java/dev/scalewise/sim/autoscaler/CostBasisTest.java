package dev.scalewise.sim.autoscaler;

import dev.scalewise.backtest.CostBasis;
import dev.scalewise.backtest.PolicyId;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.ScheduledPolicy;
import dev.scalewise.policy.ScheduledPolicy.Window;
import dev.scalewise.policy.UpstreamDefaults;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CostBasis} (beside the replayed controllers whose fixtures it uses): every replayed cost that rests on a stated ratio, an assumption or a bound says so, once per policy. */
class CostBasisTest {

    @Test
    void requestBasedCloudRunSaysWhatItBoundsAndLeavesOut() {
        CloudRunPolicy run = CloudRunTest.run(0, 10);
        List<String> notes = CostBasis.notes(List.of(run));
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
        String n = CostBasis.notes(List.of(fn)).get(0);
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
        assertEquals(1, CostBasis.notes(List.of(s)).size());
    }

    /** The examples bill every replica for its lifetime (Cloud Run's is instance-based): nothing to add. */
    @Test
    void theExamplePoliciesNeedNoNote() {
        assertEquals(List.of(), CostBasis.notes(PolicyLoader.load(List.of("policies")).policies()));
    }
}
