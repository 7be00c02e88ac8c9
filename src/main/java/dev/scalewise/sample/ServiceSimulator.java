package dev.scalewise.sample;

import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.autoscaler.Autoscalers;
import dev.scalewise.sim.autoscaler.ReplayContext;

import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Runs one service through time in {@value #TICK_SECONDS}-second ticks and aggregates the ticks to
 * the output step. Per tick:
 * <ol>
 *   <li>at every sync period of the HPA, the project's replayed HPA ({@code sim.autoscaler.Hpa}), built
 *       from the very manifest the sample documents ({@link SampleManifests#observedHpa}), decides on
 *       the {@link TrueSignals} of the tick before (rps_per_replica = arrivals / ready replicas); pods
 *       it adds serve after their own start-up time, pods it removes go at once;</li>
 *   <li>arrivals ~ Poisson(demand x tick); ready replicas serve up to saturationRps each; the rest
 *       waits in a fluid backlog carried to the next tick; requests waiting longer than the profile's
 *       timeout are dropped and counted as errors;</li>
 *   <li>latency = queueing curve at the served load per ready replica + the time to drain the backlog.</li>
 * </ol>
 */
final class ServiceSimulator {
    static final int TICK_SECONDS = 15;
    private static final double BASE_ERROR_RATIO = 0.0005;
    private static final double OVERLOAD_ERROR_RATIO = 0.03;
    private static final double LATENCY_NOISE_SIGMA = 0.03;
    private static final long MIB = 1L << 20;

    private final ServiceProfile profile;
    private final QueueingLatency curve;
    private final int stepSeconds;
    private final int ticksPerStep;
    private final DemandModel demandModel;
    private final SplittableRandom arrivals;
    private final SplittableRandom podStartups;
    private final SplittableRandom observation;
    private final Autoscaler hpa;
    private final TrueSignals signals = new TrueSignals();
    private final PodSet podSet = new PodSet();
    private final long startEpochSecond;
    private long nextTickSecond;
    private double queued; // the fluid backlog, requests

    /**
     * @param horizonSteps steps the simulation will cover (bursts are drawn for all of it up front)
     */
    ServiceSimulator(ServiceProfile profile, long startEpochSecond, int stepSeconds, int horizonSteps,
                     Optional<Long> launchEpochSecond, long seed) {
        if (stepSeconds % TICK_SECONDS != 0) {
            throw new IllegalArgumentException("step must be a multiple of " + TICK_SECONDS + " s: " + stepSeconds);
        }
        this.profile = profile;
        this.curve = profile.latency();
        this.stepSeconds = stepSeconds;
        this.ticksPerStep = stepSeconds / TICK_SECONDS;
        this.startEpochSecond = startEpochSecond;
        this.nextTickSecond = startEpochSecond;
        SplittableRandom root = new SplittableRandom(serviceSeed(seed, profile.name()));
        long end = startEpochSecond + (long) horizonSteps * stepSeconds;
        this.demandModel = new DemandModel(profile, startEpochSecond, end, launchEpochSecond, root.split());
        this.arrivals = root.split();
        this.podStartups = root.split();
        this.observation = root.split();
        this.hpa = Autoscalers.create(SampleManifests.observedHpa(profile),
                new ReplayContext(Instant.ofEpochSecond(startEpochSecond), profile.startupSeconds()));
        if (hpa.periodSeconds() % TICK_SECONDS != 0) {
            throw new IllegalStateException(profile.name() + ": HPA sync period " + hpa.periodSeconds()
                    + " s is not a multiple of the " + TICK_SECONDS + "-s tick");
        }
        double rate0 = demandModel.expectedRate(startEpochSecond);
        int initial = Math.max(profile.minReplicas(),
                Math.min(profile.maxReplicas(), (int) Math.ceil(rate0 / profile.targetRpsPerReplica())));
        for (int i = 0; i < initial; i++) {
            podSet.add(startEpochSecond - 1); // warm start: the fleet was already running
        }
        double rho0 = Math.min(1, rate0 / initial / curve.saturationRps());
        signals.set(rate0, initial, rho0, rate0, curve.p50Ms(rate0 / initial), 0);
    }

    /** Per-service seed: adding or removing other services never changes this one's data. */
    static long serviceSeed(long seed, String service) {
        return seed * 0x9E3779B97F4A7C15L + service.hashCode();
    }

    /**
     * Simulates the next {@code steps} output steps (a whole number of hours when billing is wanted:
     * replica-hours are per hour of the chunk). Chunks continue one another exactly: one call for 14
     * days gives the same numbers as 14 calls for a day, so the writer needs one day in memory.
     */
    ServiceSeries advance(int steps) {
        long chunkStart = nextTickSecond;
        Accumulator acc = new Accumulator(steps, (int) (((long) steps * stepSeconds + 3599) / 3600));
        for (int k = 0; k < steps * ticksPerStep; k++, nextTickSecond += TICK_SECONDS) {
            simulateTick(nextTickSecond, k / ticksPerStep, acc);
            acc.podTicks[(int) ((nextTickSecond - chunkStart) / 3600)] += podSet.size();
        }
        return acc.finish(chunkStart);
    }

    private void simulateTick(long t, int step, Accumulator acc) {
        long sinceStart = t - startEpochSecond;
        if (sinceStart % hpa.periodSeconds() == 0) {
            int desired = hpa.decide(sinceStart, podSet.size(), podSet.readyAt(t), signals);
            resize(podSet, desired, t, podStartups);
        }
        int ready = podSet.readyAt(t);

        double rate = demandModel.rate(t);
        double arrived = Gaussian.poisson(arrivals, rate * TICK_SECONDS);
        double servable = ready * curve.saturationRps() * TICK_SECONDS;
        double served = Math.min(queued + arrived, servable);
        queued = queued + arrived - served;
        double dropped = Math.max(0, queued - ready * curve.saturationRps() * profile.timeoutSeconds());
        queued -= dropped;

        double perReplicaRps = ready == 0 ? 0 : served / TICK_SECONDS / ready;
        double waitMs = ready == 0 ? 0 : 1000 * queued / (ready * curve.saturationRps());
        double p50Ms = curve.p50Ms(perReplicaRps) + waitMs;
        acc.addTick(step, rate, served, dropped, queued, ready, perReplicaRps,
                p50Ms, curve.p95Ms(perReplicaRps) + waitMs, curve.p99Ms(perReplicaRps) + waitMs);
        signals.set(arrived / TICK_SECONDS, ready, busy(perReplicaRps), served / TICK_SECONDS, p50Ms, queued);
    }

    /** Share of a ready replica's saturation throughput in use, capped at 1. */
    private double busy(double perReplicaRps) {
        return Math.min(1, perReplicaRps / curve.saturationRps());
    }

    private void resize(PodSet podSet, int desired, long now, SplittableRandom random) {
        if (desired < podSet.size()) {
            podSet.shrinkTo(desired);
        }
        while (podSet.size() < desired) {
            double jitter = 0.9 + 0.2 * random.nextDouble();
            podSet.add(now + StrictMath.round(profile.startupSeconds() * jitter));
        }
    }

    /** Sums per output step, turned into the step's observations at the end. */
    private final class Accumulator {
        final double[] demand;
        final double[] served;
        final double[] dropped;
        final double[] backlog;
        final double[] ready;
        final double[] busy; // sum of min(1, load / saturation)
        final double[] overload; // sum of the overload error ratio x served
        final double[] p50;
        final double[] p95;
        final double[] p99;
        final long[] podTicks; // provisioned pods summed over the ticks of each hour: exact, then one division

        Accumulator(int steps, int hours) {
            demand = new double[steps];
            served = new double[steps];
            dropped = new double[steps];
            backlog = new double[steps];
            ready = new double[steps];
            busy = new double[steps];
            overload = new double[steps];
            p50 = new double[steps];
            p95 = new double[steps];
            p99 = new double[steps];
            podTicks = new long[hours];
        }

        void addTick(int step, double rate, double servedNow, double droppedNow, double backlogNow, int readyNow,
                     double perReplicaRps, double p50Ms, double p95Ms, double p99Ms) {
            demand[step] += rate;
            served[step] += servedNow;
            dropped[step] += droppedNow;
            backlog[step] += backlogNow;
            ready[step] += readyNow;
            busy[step] += busy(perReplicaRps);
            overload[step] += servedNow * overloadErrorRatio(perReplicaRps);
            // latency percentiles weighted by the requests served in the tick
            p50[step] += servedNow * p50Ms;
            p95[step] += servedNow * p95Ms;
            p99[step] += servedNow * p99Ms;
        }

        private double overloadErrorRatio(double perReplicaRps) {
            double over = (perReplicaRps - profile.capacityRpsAtSlo())
                    / (QueueingLatency.MAX_RHO * curve.saturationRps() - profile.capacityRpsAtSlo());
            return BASE_ERROR_RATIO + OVERLOAD_ERROR_RATIO * Math.max(0, Math.min(1, over));
        }

        ServiceSeries finish(long chunkStart) {
            int steps = served.length;
            SplittableRandom random = observation;
            long[] requests = new long[steps];
            long[] errors = new long[steps];
            double[] inFlight = new double[steps];
            double[] queue = new double[steps];
            double[] readyMean = new double[steps];
            double[] lat50 = new double[steps];
            double[] lat95 = new double[steps];
            double[] lat99 = new double[steps];
            double[] gpu = new double[steps];
            double[] sm = new double[steps];
            long[] fb = new long[steps];
            double[] cpu = new double[steps];
            double[] mem = new double[steps];
            double[] demandRps = new double[steps];
            double modelBytes = profile.modelGiB() * (1L << 30);
            for (int i = 0; i < steps; i++) {
                demandRps[i] = demand[i] / ticksPerStep;
                long servedCount = StrictMath.round(served[i]);
                long droppedCount = StrictMath.round(dropped[i]);
                requests[i] = servedCount + droppedCount;
                double errorRatio = served[i] > 0 ? overload[i] / served[i] : 0;
                errors[i] = Gaussian.binomial(random, servedCount, errorRatio) + droppedCount;
                readyMean[i] = ready[i] / ticksPerStep;
                queue[i] = round(backlog[i] / ticksPerStep, 100);
                double noise = StrictMath.exp(LATENCY_NOISE_SIGMA * Gaussian.next(random));
                if (served[i] > 0) {
                    lat50[i] = round(noise * p50[i] / served[i], 10);
                    lat95[i] = round(noise * p95[i] / served[i], 10);
                    lat99[i] = round(noise * p99[i] / served[i], 10);
                    inFlight[i] = round(served[i] / stepSeconds * lat50[i] / 1000, 100); // Little's law
                } else {
                    lat50[i] = lat95[i] = lat99[i] = Double.NaN;
                }
                double load = busy[i] / ticksPerStep;
                gpu[i] = round(clamp01(TrueSignals.gpuUtil(load) + 0.015 * Gaussian.next(random)), 10_000);
                sm[i] = round(0.8 * gpu[i], 10_000);
                fb[i] = MIB * StrictMath.round(modelBytes * (1 + 0.25 * load) / MIB); // DCGM reports MiB
                cpu[i] = round(Math.max(0, TrueSignals.cpuUtil(load) + 0.02 * Gaussian.next(random)), 10_000);
                mem[i] = round(clamp01(TrueSignals.memUtil(load) + 0.01 * Gaussian.next(random)), 10_000);
            }
            double[] replicaHours = new double[podTicks.length];
            for (int h = 0; h < podTicks.length; h++) {
                replicaHours[h] = podTicks[h] * TICK_SECONDS / 3600.0;
            }
            return new ServiceSeries(profile, chunkStart, stepSeconds, demandRps, requests, errors, inFlight,
                    queue, readyMean, lat50, lat95, lat99, gpu, sm, fb, cpu, mem, replicaHours);
        }

        /** Exporters give a few significant digits, and full-precision noise would not compress. */
        private static double round(double v, double perUnit) {
            return StrictMath.rint(v * perUnit) / perUnit;
        }

        private static double clamp01(double v) {
            return Math.max(0, Math.min(1, v));
        }
    }
}
