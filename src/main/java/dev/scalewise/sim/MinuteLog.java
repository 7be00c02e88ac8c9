package dev.scalewise.sim;

/**
 * Receives the SLO verdict of every judged minute of a replay or of the observed run (calibration compares
 * the two minute by minute). Primitives only, so logging allocates nothing unless the receiver does.
 */
@FunctionalInterface
public interface MinuteLog {
    MinuteLog NONE = (minute, minutes, latencyMs, breach) -> { };

    /**
     * @param minute    index of the minute since the history's start (minute m = [60 m, 60 m + 60) s)
     * @param minutes   how many consecutive minutes from {@code minute} share this verdict (a step longer
     *                  than a minute judges each of its minutes alike)
     * @param latencyMs the minute's SLO-percentile latency: the worst of its steps with traffic
     * @param breach    whether it exceeded the threshold
     */
    void minute(long minute, int minutes, double latencyMs, boolean breach);
}
