package dev.scalewise.model;

import dev.scalewise.policy.Slo;

/**
 * A further SLO target's latency against load per replica (time to first token, time per output token, or
 * another end-to-end percentile), fitted from its own series in the history like the first target's curve.
 *
 * @param target   what it holds
 * @param curve    its percentile (ms) vs load per replica, in the model's unit
 * @param capacity the load per replica at which it reaches its threshold
 */
public record TargetCurve(Slo.Target target, LatencyCurve curve, Fitted capacity) {
}
