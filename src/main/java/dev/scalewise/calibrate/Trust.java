package dev.scalewise.calibrate;

import java.util.Locale;

/** The calibration verdict on a service's model (criteria: {@link Calibrator}, docs/replay.md). */
public enum Trust {
    /** Reproduces the observed minutes: act on its numbers inside the load history covers. */
    TRUSTED,
    /** Right in shape, off in detail: use its numbers as a rough guide and compare policies with each other. */
    ROUGH,
    /** Does not reproduce what was observed: its breach counts are not evidence. */
    UNTRUSTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
