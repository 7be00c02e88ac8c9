package dev.scalewise.sim.autoscaler;

import java.time.Instant;

/**
 * What a controller needs to know about the replay besides its policy.
 *
 * @param start          the instant replay second 0 stands for (cron windows are wall-clock)
 * @param startupSeconds the service's startup time (predictive scaling looks at least this far ahead)
 */
public record ReplayContext(Instant start, double startupSeconds) {
}
