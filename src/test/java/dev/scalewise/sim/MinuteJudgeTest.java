package dev.scalewise.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A percentile on the threshold meets it, also when a monitoring system's float arithmetic moved it. */
class MinuteJudgeTest {
    @Test
    void aPercentileOnTheThresholdMeetsIt() {
        MinuteJudge judge = new MinuteJudge(300, null, MinuteLog.NONE);
        assertFalse(judge.breaches(300));
        assertFalse(judge.breaches(300.0000006), "300 ms as Prometheus' histogram_quantile gave it back");
        assertTrue(judge.breaches(300.001), "a microsecond over is a breach");
        assertTrue(new MinuteJudge(8000, null, MinuteLog.NONE).breaches(8000.01));
    }
}
