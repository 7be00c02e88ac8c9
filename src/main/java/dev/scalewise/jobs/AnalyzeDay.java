package dev.scalewise.jobs;

import dev.scalewise.sim.Outcome;

import java.time.LocalDate;

/**
 * One row of `analyze`: the observed ("as run") outcome of one service on one UTC day, plus what the
 * shared {@link Outcome} does not carry.
 *
 * @param costKnown             false when no billing row was attributed to the service (cost is then
 *                              reported as unknown, not as zero)
 * @param idleShare             idle replica-hours / replica-hours, where a step's idle replicas are
 *                              those above demand / capacity (NaN when capacity is unknown)
 * @param capacityRpsPerReplica the capacity used for idleShare: see {@link ObservedDays}
 * @param capacityBasis         "slo_met_minutes", "all_minutes" (no latency data) or "none"
 * @param unknownMinutes        minutes of the day without requests data (excluded from all totals)
 */
public record AnalyzeDay(LocalDate date, Outcome outcome, boolean costKnown, double idleShare,
                         double capacityRpsPerReplica, String capacityBasis, long unknownMinutes) {
}
