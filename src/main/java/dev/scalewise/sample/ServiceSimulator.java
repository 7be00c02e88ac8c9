package dev.scalewise.sample;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Runs one service through time in {@value #TICK_SECONDS}-second ticks (the HPA sync period) and
 * aggregates the ticks to the output step. Per tick:
 * <ol>
 *   <li>the HPA syncs on rps_per_replica = completions of the last 60 s / 60 s, summed over the ready
 *       pods (a Prometheus {@code rate(...[1m])}); pods it adds serve after their start-up time,
 *       pods it removes go at once;</li>
 *   <li>arrivals ~ Poisson(demand x tick); ready replicas serve up to saturationRps each; the rest
 *       waits in a fluid backlog carried to the next tick; requests waiting longer than the profile's
 *       timeout are dropped and counted as errors;</li>
 *   <li>latency = queueing curve at the served load per ready replica + the time to drain the backlog.</li>
 * </ol>
 */
final class ServiceSimulator {
    static final int TICK_SECONDS = 15;
    private static final int METRIC_WINDOW_TICKS = 4; // rate over 1 minute
    private static final double BASE_ERROR_RATIO = 0.0005;
    private static final double OVERLOAD_ERROR_RATIO = 0.03;
    private static final double LATENCY_NOISE_SIGMA = 0.03;
    private static final long MIB = 1L << 20;

    private final ServiceProfile profile;
    private final LatencyCurve curve;
    private final long startEpochSecond;
    private final int stepSeconds;
    private final int steps;
    private final Optional<Long> launchEpochSecond;
    private final SplittableRandom root;

    ServiceSimulator(ServiceProfile profile, long startEpochSecond, int stepSeconds, int steps,
                     Optional<Long> launchEpochSecond, long seed) {
        if (stepSeconds % TICK_SECONDS != 0) {
            throw new IllegalArgumentException("step must be a multiple of " + TICK_SECONDS + " s: " + stepSeconds);
        }
        this.profile = profile;
        this.curve = profile.latencyCurve();
        this.startEpochSecond = startEpochSecond;
        this.stepSeconds = stepSeconds;
        this.steps = steps;
        this.launchEpochSecond = launchEpochSecond;
        this.root = new SplittableRandom(serviceSeed(seed, profile.name()));
    }

    /** Per-service seed: adding or removing other services never changes this one's data. */
    static long serviceSeed(long seed, String service) {
        return seed * 0x9E3779B97F4A7C15L + service.hashCode();
    }

    ServiceSeries run() {
        long end = startEpochSecond + (long) steps * stepSeconds;
        DemandModel demand = new DemandModel(profile, startEpochSecond, end, launchEpochSecond, root.split());
        SplittableRandom arrivals = root.split();
        SplittableRandom pods = root.split();
        SplittableRandom observation = root.split();
        HpaLegacyController hpa = new HpaLegacyController(HpaLegacyController.Params.defaults(
                profile.minReplicas(), profile.maxReplicas(), profile.targetRpsPerReplica()));

        Accumulator acc = new Accumulator(steps, (int) ((end - startEpochSecond + 3599) / 3600));
        PodSet podSet = new PodSet();
        double rate0 = demand.expectedRate(startEpochSecond);
        int initial = hpa.bound(profile.maxReplicas(), (int) Math.ceil(rate0 / profile.targetRpsPerReplica()));
        for (int i = 0; i < initial; i++) {
            podSet.add(startEpochSecond - 1); // warm start: the fleet was already running
        }
        double[] window = new double[METRIC_WINDOW_TICKS];
        java.util.Arrays.fill(window, rate0 * TICK_SECONDS);
        double backlog = 0;
        int ticksPerStep = stepSeconds / TICK_SECONDS;
        long tick = 0;
        for (long t = startEpochSecond; t < end; t += TICK_SECONDS, tick++) {
            int ready = podSet.readyAt(t);
            double windowCompletions = 0;
            for (double w : window) {
                windowCompletions += w;
            }
            int desired = hpa.decide(t - startEpochSecond, podSet.size(), ready,
                    windowCompletions / (METRIC_WINDOW_TICKS * TICK_SECONDS));
            resize(podSet, desired, t, pods);
            ready = podSet.readyAt(t);

            double rate = demand.rate(t);
            double arrived = Gaussian.poisson(arrivals, rate * TICK_SECONDS);
            double servable = ready * curve.saturationRps() * TICK_SECONDS;
            double served = Math.min(backlog + arrived, servable);
            backlog = backlog + arrived - served;
            double dropped = Math.max(0, backlog - ready * curve.saturationRps() * profile.timeoutSeconds());
            backlog -= dropped;
            window[(int) (tick % METRIC_WINDOW_TICKS)] = served;

            double perReplicaRps = ready == 0 ? 0 : served / TICK_SECONDS / ready;
            double waitMs = ready == 0 ? 0 : 1000 * backlog / (ready * curve.saturationRps());
            int step = (int) (tick / ticksPerStep);
            acc.addTick(step, rate, served, dropped, backlog, ready, perReplicaRps,
                    curve.p50Ms(perReplicaRps) + waitMs, curve.p95Ms(perReplicaRps) + waitMs,
                    curve.p99Ms(perReplicaRps) + waitMs);
            acc.replicaHours[(int) ((t - startEpochSecond) / 3600)] += podSet.size() * TICK_SECONDS / 3600.0;
        }
        return acc.finish(observation, ticksPerStep);
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
        final double[] replicaHours;

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
            replicaHours = new double[hours];
        }

        void addTick(int step, double rate, double servedNow, double droppedNow, double backlogNow, int readyNow,
                     double perReplicaRps, double p50Ms, double p95Ms, double p99Ms) {
            demand[step] += rate;
            served[step] += servedNow;
            dropped[step] += droppedNow;
            backlog[step] += backlogNow;
            ready[step] += readyNow;
            double rho = perReplicaRps / curve.saturationRps();
            busy[step] += Math.min(1, rho);
            overload[step] += servedNow * overloadErrorRatio(perReplicaRps);
            // latency percentiles weighted by the requests served in the tick
            p50[step] += servedNow * p50Ms;
            p95[step] += servedNow * p95Ms;
            p99[step] += servedNow * p99Ms;
        }

        private double overloadErrorRatio(double perReplicaRps) {
            double over = (perReplicaRps - profile.capacityRpsAtSlo())
                    / (LatencyCurve.MAX_RHO * curve.saturationRps() - profile.capacityRpsAtSlo());
            return BASE_ERROR_RATIO + OVERLOAD_ERROR_RATIO * Math.max(0, Math.min(1, over));
        }

        ServiceSeries finish(SplittableRandom random, int ticksPerStep) {
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
                gpu[i] = round(clamp01(0.05 + 0.9 * load + 0.015 * Gaussian.next(random)), 10_000);
                sm[i] = round(0.8 * gpu[i], 10_000);
                fb[i] = MIB * StrictMath.round(modelBytes * (1 + 0.25 * load) / MIB); // DCGM reports MiB
                cpu[i] = round(Math.max(0, 0.08 + 0.5 * load + 0.02 * Gaussian.next(random)), 10_000);
                mem[i] = round(clamp01(0.55 + 0.2 * load + 0.01 * Gaussian.next(random)), 10_000);
            }
            return new ServiceSeries(profile, startEpochSecond, stepSeconds, demandRps, requests, errors, inFlight,
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
