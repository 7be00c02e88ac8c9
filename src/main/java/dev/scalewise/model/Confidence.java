package dev.scalewise.model;

/**
 * How far a fitted number can be trusted, by the explicit criteria of docs/replay.md ("Confidence"):
 * enough points, enough spread of load, a fit that explains the data, and a value inside the range the
 * data cover. {@link Basis} says what the number is; this says how good it is.
 */
public enum Confidence {
    /** Measured and meeting every criterion, or stated by the user. */
    HIGH,
    /** A bound, an extrapolation, an indirect estimate, a measurement failing a criterion, or unknown. */
    LOW,
    /** Not in the data and not stated: a documented default. */
    DEFAULT
}
