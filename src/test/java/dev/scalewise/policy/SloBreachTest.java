package dev.scalewise.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one breach rule the replays, the observed run and the report's charts share. */
class SloBreachTest {
    @Test
    void aPercentileOnTheThresholdMeetsIt() {
        Slo slo = new Slo(Slo.Percentile.P95, 300, 0.99);
        assertFalse(slo.breachedBy(300));
        assertFalse(slo.breachedBy(300.0000006), "300 ms as Prometheus' histogram_quantile gave it back");
        assertTrue(slo.breachedBy(300.001), "a microsecond over is a breach");
    }
}
