/**
 * The replayed autoscaling controllers, one class per controller ({@link dev.scalewise.sim.autoscaler.Hpa},
 * {@link dev.scalewise.sim.autoscaler.Keda}, {@link dev.scalewise.sim.autoscaler.KnativeKpa},
 * {@link dev.scalewise.sim.autoscaler.RayServe}, {@link dev.scalewise.sim.autoscaler.Scheduled},
 * {@link dev.scalewise.sim.autoscaler.Predictive}) behind {@link dev.scalewise.sim.Autoscaler}, built by
 * {@link dev.scalewise.sim.autoscaler.Autoscalers#create}. Each reproduces its upstream algorithm step by
 * step (the HPA as separately tested steps: proposal, stabilization, rate limit, bounds) and applies its
 * own metrics pipeline to the instantaneous signals of {@link dev.scalewise.sim.MetricsView}: windowed
 * means in {@link dev.scalewise.sim.autoscaler.MovingMean}, windowed extremes (the HPA's stabilization
 * windows, the KPA's scale-down delay) in {@link dev.scalewise.sim.autoscaler.CadenceExtreme} block extremes
 * over the controller's cadence (a {@link dev.scalewise.sim.autoscaler.SlidingExtreme} deque off it),
 * scale events kept per direction as upstream keeps them ({@link dev.scalewise.sim.autoscaler.ScaleEvents}),
 * so a decision costs O(1) in the window's length. Total in-flight requests, where a
 * controller needs them, are CONCURRENCY x ready replicas, or QUEUE_DEPTH while no replica is ready (the
 * requests buffered by the activator / handle). Decisions allocate nothing once windows are warm.
 * Pure Java: imports only {@code dev.scalewise.policy} and {@code dev.scalewise.sim}; never Spark, jobs or cli.
 */
package dev.scalewise.sim.autoscaler;
