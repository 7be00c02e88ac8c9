/**
 * The replay engine: {@link dev.scalewise.sim.Replay} drives one {@link dev.scalewise.sim.Autoscaler}
 * over a service's demand with pods that start late, a fluid request backlog and the fitted
 * {@link dev.scalewise.model.ServiceModel}, and tallies cost and SLO breaches per day into
 * {@link dev.scalewise.sim.Outcome}s; {@link dev.scalewise.sim.AsRun} tallies the observed baseline the
 * same way. Controllers live in {@code sim.autoscaler}. Pure Java and deterministic (no wall clock, no
 * unseeded randomness); never imports Spark, {@code jobs} or {@code cli}. Semantics: docs/replay.md.
 */
package dev.scalewise.sim;
