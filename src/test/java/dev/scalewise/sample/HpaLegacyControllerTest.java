package dev.scalewise.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hand-worked scenarios of the legacy HPA path; the rules are those of kubernetes
 * pkg/controller/podautoscaler (replica_calculator.go calcPlainMetricReplicas, horizontal.go
 * stabilizeRecommendation and convertDesiredReplicasWithRules).
 */
class HpaLegacyControllerTest {
    private static HpaLegacyController controller(int min, int max, double target) {
        return new HpaLegacyController(HpaLegacyController.Params.defaults(min, max, target));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # scenario                                   | current | reporting | metric sum | expected
            within tolerance: 10.5/10 = 1.05 keeps 4      | 4       | 4         | 42         | 4
            just outside tolerance: 11.1/10 -> ceil(4.44) | 4       | 4         | 44.4       | 5
            scale up: 15/10 x 4 = 6                       | 4       | 4         | 60         | 6
            scale down: 5/10 x 10 = 5                     | 10      | 10        | 50         | 5
            missing on scale-up: 60/6 = 10 -> ratio 1     | 6       | 4         | 60         | 6
            missing on scale-up: 80/5/10 = 1.6 -> 8       | 5       | 4         | 80         | 8
            missing on scale-down: (15+5x10)/10/10 -> 7   | 10      | 5         | 15         | 7
            no pod reports yet: keep                      | 3       | 0         | 0          | 3
            """)
    void proposal(String scenario, int current, int reporting, double metricSum, int expected) {
        assertEquals(expected, controller(1, 100, 10).proposal(current, reporting, metricSum), scenario);
    }

    @ParameterizedTest(name = "current {0}, desired {1}, max {2} -> {3}")
    @CsvSource({
            // legacy scale-up limit max(2 x current, 4)
            "1, 20, 100, 4",
            "3, 20, 100, 6",
            "10, 30, 100, 20",
            // maxReplicas below the limit wins
            "10, 30, 15, 15",
            // minReplicas wins over a lower desire
            "5, 1, 100, 2",
            // scale-down is not rate-limited on the legacy path
            "40, 3, 100, 3",
    })
    void bounds(int current, int desired, int max, int expected) {
        assertEquals(expected, controller(2, max, 10).bound(current, desired));
    }

    /**
     * 10 pods at exactly the target (proposal 10) at t=0, then load drops to 4 per pod (proposal 4)
     * from t=15. The 300-s window still holds the t=0 recommendation at t=300 (now - 300 = 0 is not
     * before the cutoff), so the count stays 10 until t=315 and drops to 4 then.
     */
    @Test
    void downscaleWaitsForTheStabilizationWindow() {
        HpaLegacyController hpa = controller(1, 100, 10);
        assertEquals(10, hpa.decide(0, 10, 10, 100));
        int[] decided = new int[21];
        for (int k = 1; k <= 21; k++) {
            decided[k - 1] = hpa.decide(15L * k, 10, 10, 40);
        }
        int[] expected = new int[21];
        java.util.Arrays.fill(expected, 10);
        expected[20] = 4; // t = 315
        assertArrayEquals(expected, decided);
    }

    /** Demand jumps to 8x: 2 -> 4 -> 8 -> 16 per sync (each limited to max(2x, 4)), then the proposal. */
    @Test
    void scaleUpIsRateLimitedPerSync() {
        HpaLegacyController hpa = controller(1, 100, 10);
        int current = 2;
        int[] path = new int[4];
        for (int k = 0; k < 4; k++) {
            // every pod ready and reporting; total load 2 pods x 80 = 160 rps -> 16 pods wanted
            current = hpa.decide(15L * k, current, current, 160);
            path[k] = current;
        }
        assertArrayEquals(new int[] {4, 8, 16, 16}, path);
    }
}
