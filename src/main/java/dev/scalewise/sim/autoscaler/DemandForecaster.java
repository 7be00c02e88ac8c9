package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.PredictivePolicy.Seasonality;

import java.util.Arrays;

/**
 * Forecasts service demand (RPS) from what it has been shown so far, never from the future: demand is
 * averaged into 5-minute buckets; a bucket enters the models only once it is over.
 * <ul>
 *   <li>seasonal naive: the bucket one day (and/or one week) before the target time;</li>
 *   <li>Holt-Winters, additive, daily season (288 buckets), initialised from the first full day
 *       (level = its mean, trend 0, season = deviations), smoothing alpha 0.3, beta 0.01, gamma 0.2;</li>
 *   <li>the forecast is the mean of the two when both exist, either one alone otherwise, and the last
 *       complete bucket (persistence) before the first day is complete.</li>
 * </ul>
 */
public final class DemandForecaster {
    public static final int BUCKET_SECONDS = 300;
    static final int DAY_BUCKETS = 86_400 / BUCKET_SECONDS;
    static final int WEEK_BUCKETS = 7 * DAY_BUCKETS;
    static final double ALPHA = 0.3;
    static final double BETA = 0.01;
    static final double GAMMA = 0.2;
    private static final long NONE = Long.MIN_VALUE;

    private final Seasonality seasonality;
    private final double[] history; // closed buckets by absolute index modulo length
    private final double[] season = new double[DAY_BUCKETS];
    private long lastClosed = NONE; // absolute index of the newest closed bucket
    private long firstClosed = NONE;
    private long openBucket = NONE;
    private double openSum;
    private int openCount;
    private double level;
    private double trend;
    private boolean holtWintersReady;

    public DemandForecaster(Seasonality seasonality, int historyDays) {
        this.seasonality = seasonality;
        int days = Math.max(historyDays, seasonality == Seasonality.DAILY ? 2 : 8);
        this.history = new double[days * DAY_BUCKETS];
        Arrays.fill(history, Double.NaN);
    }

    /** Records the demand seen at replay second {@code now}; NaN (unknown) is skipped. */
    public void observe(long now, double rps) {
        long bucket = Math.floorDiv(now, BUCKET_SECONDS);
        if (openBucket == NONE) {
            openBucket = bucket;
        }
        while (bucket > openBucket) {
            close(openBucket, openCount > 0 ? openSum / openCount : Double.NaN);
            openBucket++;
            openSum = 0;
            openCount = 0;
        }
        if (!Double.isNaN(rps) && bucket == openBucket) {
            openSum += rps;
            openCount++;
        }
    }

    /** Forecast demand at replay second {@code at} (> the last observation); 0 with no history at all. */
    public double forecast(long at) {
        if (lastClosed == NONE) {
            return openCount > 0 ? openSum / openCount : 0;
        }
        long target = Math.max(Math.floorDiv(at, BUCKET_SECONDS), lastClosed + 1);
        double naive = seasonalNaive(target);
        double hw = holtWintersReady ? level + (target - lastClosed) * trend + season[(int) (target % DAY_BUCKETS)]
                : Double.NaN;
        double f;
        if (!Double.isNaN(naive) && !Double.isNaN(hw)) {
            f = (naive + hw) / 2;
        } else if (!Double.isNaN(naive)) {
            f = naive;
        } else if (!Double.isNaN(hw)) {
            f = hw;
        } else {
            f = bucket(lastClosed);
        }
        return Double.isNaN(f) ? 0 : Math.max(0, f);
    }

    double seasonalNaive(long target) {
        double daily = bucket(target - DAY_BUCKETS);
        double weekly = bucket(target - WEEK_BUCKETS);
        return switch (seasonality) {
            case DAILY -> daily;
            case WEEKLY -> Double.isNaN(weekly) ? daily : weekly;
            case DAILY_AND_WEEKLY -> Double.isNaN(weekly) ? daily : Double.isNaN(daily) ? weekly : (daily + weekly) / 2;
        };
    }

    private double bucket(long index) {
        if (lastClosed == NONE || index > lastClosed || index < firstClosed || lastClosed - index >= history.length) {
            return Double.NaN;
        }
        return history[(int) Math.floorMod(index, (long) history.length)];
    }

    private void close(long index, double mean) {
        double value = Double.isNaN(mean) && lastClosed != NONE ? bucket(lastClosed) : mean; // carry over gaps
        history[(int) Math.floorMod(index, (long) history.length)] = value;
        if (firstClosed == NONE) {
            firstClosed = index;
        }
        lastClosed = index;
        if (Double.isNaN(value)) {
            return;
        }
        int s = (int) Math.floorMod(index, (long) DAY_BUCKETS);
        if (holtWintersReady) {
            double previousLevel = level;
            level = ALPHA * (value - season[s]) + (1 - ALPHA) * (level + trend);
            trend = BETA * (level - previousLevel) + (1 - BETA) * trend;
            season[s] = GAMMA * (value - level) + (1 - GAMMA) * season[s];
        } else if (index - firstClosed == DAY_BUCKETS - 1) {
            initialiseFromFirstDay();
        }
    }

    private void initialiseFromFirstDay() {
        double sum = 0;
        int n = 0;
        for (long i = firstClosed; i <= lastClosed; i++) {
            double v = bucket(i);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return;
        }
        level = sum / n;
        trend = 0;
        for (long i = firstClosed; i <= lastClosed; i++) {
            double v = bucket(i);
            season[(int) Math.floorMod(i, (long) DAY_BUCKETS)] = Double.isNaN(v) ? 0 : v - level;
        }
        holtWintersReady = true;
    }
}
