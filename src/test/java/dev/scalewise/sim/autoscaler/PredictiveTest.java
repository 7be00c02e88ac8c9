package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.PredictivePolicy;
import dev.scalewise.policy.PredictivePolicy.Seasonality;
import dev.scalewise.policy.Signal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static dev.scalewise.sim.autoscaler.Fixtures.hpa;
import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static dev.scalewise.sim.autoscaler.Fixtures.rpsAverageValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictiveTest {
    static double daily(long t) {
        return 100 + 50 * Math.sin(2 * Math.PI * t / 86_400.0);
    }

    @Test
    void beforeADayItRepeatsTheLastCompleteBucket() {
        DemandForecaster f = new DemandForecaster(Seasonality.DAILY, 7);
        for (long t = 0; t < 600; t += 60) {
            f.observe(t, t < 300 ? 10 : 20); // bucket 0 = 10, bucket 1 (open) = 20
        }
        assertEquals(10, f.forecast(1200), 1e-9); // only closed buckets count
        f.observe(600, 30);                        // closes bucket 1
        assertEquals(20, f.forecast(1200), 1e-9);
    }

    @Test
    void followsADailyCycleAfterTwoDays() {
        DemandForecaster f = new DemandForecaster(Seasonality.DAILY, 7);
        long t = 0;
        for (; t < 2 * 86_400; t += 60) {
            f.observe(t, daily(t));
        }
        // forecasts 10 min ahead across day 3, fed as it goes; the bucket means lag the curve by half a
        // bucket (150 s): the slope is at most 50 x 2pi / 86400 per s, so <= 0.6 rps off, plus smoothing
        double worst = 0;
        for (; t < 3 * 86_400; t += 60) {
            f.observe(t, daily(t));
            double truth = daily(t + 600);
            worst = Math.max(worst, Math.abs(f.forecast(t + 600) - truth));
        }
        assertTrue(worst < 3, "worst error " + worst);
    }

    @Test
    void weeklyNaiveLooksAWeekBack() {
        DemandForecaster f = new DemandForecaster(Seasonality.WEEKLY, 14);
        long week = 7 * 86_400;
        for (long t = 0; t < week + 3_600; t += 60) {
            // bucket 20 of the first week (01:40-01:45) had 1000 rps, everything else 10
            f.observe(t, t >= 6_000 && t < 6_300 ? 1000 : 10);
        }
        assertEquals(1000, f.seasonalNaive(DemandForecaster.WEEK_BUCKETS + 20), 1e-9);
        assertEquals(10, f.seasonalNaive(DemandForecaster.WEEK_BUCKETS + 21), 1e-9);
    }

    /**
     * Day 1 and 2: 100 rps, 200 rps from 12:00 to 13:00. On day 3 at 11:50 demand is still 100, so the
     * reactive HPA (10 rps per pod) wants 10; looking 10 min ahead the forecast sees yesterday's 200 at 12:00,
     * so the predictive policy provisions more than 10 before the rise.
     */
    @Test
    void provisionsAheadOfADailyRise() {
        PredictivePolicy p = new PredictivePolicy(meta("pred"), hpa(1, 100, Optional.empty(), rpsAverageValue(10)),
                10, 600, Seasonality.DAILY, 0.2, 7);
        Predictive pred = (Predictive) Autoscalers.create(p, new ReplayContext(Instant.EPOCH, 120));
        Fixtures.Metrics m = new Fixtures.Metrics();
        int replicas = 10;
        long noonDay3 = 2 * 86_400 + 43_200;
        for (long t = 0; t < noonDay3 - 600; t += 15) {
            long tod = t % 86_400;
            double rps = tod >= 43_200 && tod < 46_800 ? 200 : 100;
            m.set(Signal.RPS, rps);
            replicas = pred.decide(t, replicas, replicas, m);
        }
        m.set(Signal.RPS, 100);
        int at1150 = pred.decide(noonDay3 - 600, replicas, replicas, m);
        assertTrue(at1150 > 10, "provisioned " + at1150);
    }
}
