package dev.scalewise.charts;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketsTest {
    @Test
    void keepsTheMinimumAndMaximumOfEachBucketSoASpikeSurvives() {
        Buckets b = new Buckets(1000, 60, 3);
        double[] values = {5, 5, 90, 5, 4, 6, 7, Double.NaN, 8};
        for (int i = 0; i < values.length; i++) {
            b.add(1000 + i * 20L, values[i]);
        }
        assertArrayEquals(new double[] {5, 4, 7}, b.min());
        assertArrayEquals(new double[] {90, 6, 8}, b.max());
    }

    @Test
    void ignoresTimesOutsideItsRangeAndMarksEmptyBucketsUnknown() {
        Buckets b = new Buckets(0, 10, 2);
        b.add(-1, 7);
        b.add(20, 7);
        b.add(5, 3);
        assertEquals(3, b.max()[0]);
        assertTrue(Double.isNaN(b.max()[1]));
    }

    @Test
    void spreadsSecondsOverTheBucketsTheyCover() {
        Buckets b = new Buckets(100, 60, 4);
        b.addSeconds(130, 100); // 30 s in bucket 0, 60 s in bucket 1, 10 s in bucket 2
        b.addSeconds(290, 500); // 50 s in bucket 3, the rest past the end
        assertArrayEquals(new double[] {30, 60, 10, 50}, b.max());
    }

    @Test
    void reducedAgainPerPixelItEqualsTheExtremesOfTheRawSeries() {
        // what the page does: min of mins and max of maxes over adjacent buckets = min/max of the raw steps
        Random r = new Random(7);
        double[] raw = new double[10_000];
        Buckets b = new Buckets(0, 60, 500);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = r.nextGaussian() * 10 + (i == 4321 ? 500 : 0);
            b.add(i * 3L, raw[i]);
        }
        double rawMax = Double.NEGATIVE_INFINITY;
        double rawMin = Double.POSITIVE_INFINITY;
        for (double v : raw) {
            rawMax = Math.max(rawMax, v);
            rawMin = Math.min(rawMin, v);
        }
        assertEquals(rawMax, java.util.Arrays.stream(b.max()).max().orElseThrow());
        assertEquals(rawMin, java.util.Arrays.stream(b.min()).min().orElseThrow());
        assertEquals(raw[4321], b.max()[4321 * 3 / 60]);
    }
}
