package dev.scalewise.sim;

import java.util.List;

/** A replay's (or the as-run baseline's) outcome per UTC day, in time order, and over the whole span. */
public record ReplayResult(List<Outcome> days, Outcome total) {
}
