package dev.scalewise.model;

/** How far a fitted number can be trusted. */
public enum Confidence {
    /** Measured inside the observed range, or set by the user in services.yaml. */
    HIGH,
    /** Extrapolated beyond the observed range, estimated indirectly, or unknown (value NaN). */
    LOW,
    /** Not in the data and not configured: a stated default. */
    DEFAULT
}
