package dev.scalewise.model;

import java.util.Locale;

/** How a fitted number was obtained: what it is, before how far to trust it ({@link Confidence}). */
public enum Basis {
    /** Read off history inside the range it covers. */
    MEASURED,
    /** Beyond the range history covers, along a fitted shape (the note says how far). */
    EXTRAPOLATED,
    /** History shows only that the true value is at least this (e.g. latency never rose with load). */
    LOWER_BOUND,
    /** History shows only that the true value is at most this (e.g. startup lag includes the reaction). */
    UPPER_BOUND,
    /** Set by the user: services.yaml or a load-test file it names. */
    STATED,
    /** Neither in the data nor stated: a documented default. */
    DEFAULT,
    /** Cannot be told (the value is NaN; the note says why). */
    UNKNOWN;

    /** Lower case with spaces, as outputs print it: "lower bound". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Results that rest on this value depend on something history does not show. */
    public boolean beyondHistory() {
        return this == EXTRAPOLATED || this == LOWER_BOUND;
    }
}
