package dev.scalewise.backtest;

import dev.scalewise.calibrate.Trust;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.report.Table;
import dev.scalewise.sim.Outcome;
import dev.scalewise.testkit.GenAiTrace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 item 2, on the real GenAI trace (capacity only a lower bound): an HPA on GPU utilization at 60 %
 * runs its replicas far above the busiest load the trace shows (GPU utilization there was ~22 %), so its
 * breach count is not a fact: the row says how many minutes it ran there, the count is a range, the table's
 * verdict "not identifiable from history". Stating a load test makes it a fact again.
 */
class BeyondHistoryTest {
    static ServiceBacktest.Result backtest(ServiceSpec spec) {
        return ServiceBacktest.run(GenAiTrace.history(60), spec, List.of(GenAiTrace.gpuHpa()), Instant.MIN, Instant.MAX);
    }

    static Outcome find(ServiceBacktest.Result r, String label) {
        return r.outcomes().stream().filter(o -> o.policy().label().equals(label)).findFirst().orElseThrow().outcome();
    }

    @Test
    void aReplayBeyondTheObservedLoadIsFlaggedAndItsBreachesAreARange() {
        ServiceBacktest.Result r = backtest(GenAiTrace.spec(""));
        Outcome hpa = find(r, "hpa/genai-sd");
        Outcome observed = find(r, "observed");
        PolicyTotal total = new PolicyTotal("genai-sd", "hpa/genai-sd", "reactive", hpa.requests(), hpa.cost(), "USD",
                hpa.replicaHours(), hpa.p95Replicas(), hpa.maxReplicas(), 0.95, hpa.sloMinutes(), hpa.breachMinutes(),
                0, 0, 0, hpa.aboveObservedMinutes(), hpa.unidentifiedBreachMinutes(), "untrusted", "lower bound");
        Table t = Comparison.of(List.of(total));
        List<Object> row = t.rows().get(0);
        int breach = column(t, "breach_min");
        assertAll(
                () -> assertTrue(hpa.aboveObservedMinutes() > 100, "above observed: " + hpa.aboveObservedMinutes()),
                () -> assertTrue(hpa.unidentifiedBreachMinutes() > 100, "unidentified: " + hpa.unidentifiedBreachMinutes()),
                () -> assertEquals(0, observed.aboveObservedMinutes()),
                () -> assertEquals(0, observed.unidentifiedBreachMinutes()),
                () -> assertEquals(observed.sloMinutes(), hpa.sloMinutes(), "the same minutes"),
                () -> assertEquals(Trust.UNTRUSTED, r.calibration().orElseThrow().trust()),
                () -> assertTrue(Double.isNaN((Double) row.get(breach)), "no breach count printed as a fact"),
                () -> assertEquals(hpa.identifiedBreachMinutes() + ".." + hpa.breachMinutes(), row.get(breach + 1)),
                () -> assertEquals(Comparison.NOT_IDENTIFIABLE, row.get(row.size() - 1)));
    }

    @Test
    void aStatedLoadTestMakesTheBreachCountAFact() {
        ServiceBacktest.Result r = backtest(GenAiTrace.spec(GenAiTrace.LOAD_TESTS));
        Outcome hpa = find(r, "hpa/genai-sd");
        assertEquals(0, hpa.unidentifiedBreachMinutes(), "capacity stated: every breach minute is identified");
    }

    static int column(Table t, String name) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
