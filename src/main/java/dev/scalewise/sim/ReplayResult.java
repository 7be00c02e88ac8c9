package dev.scalewise.sim;

import java.util.List;

/**
 * A replay's (or the as-run baseline's) outcome per UTC day, in time order, and over the whole span.
 *
 * @param cutShort the replay ended early by its {@link StopRule}: every figure covers only the minutes up to
 *                 the one that proved it over its limit (breach minutes above the limit, everything else
 *                 short of what the whole span would show)
 */
public record ReplayResult(List<Outcome> days, Outcome total, boolean cutShort) {
}
