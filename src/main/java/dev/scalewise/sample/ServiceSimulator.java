package dev.scalewise.sample;

import dev.scalewise.data.LlmSeries;
import dev.scalewise.policy.Slo;
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
 * An LLM server ({@link ServiceProfile#llm()}) runs the same loop in weighted tokens: each tick's arrivals
 * bring the tokens of {@link TokenMix}, replicas serve up to the saturation in weighted tokens/s, the
 * backlog holds requests and their tokens together (served and dropped in proportion to their work), and
 * the latency is {@link BatchingLatency}'s TTFT and TPOT, the backlog's wait added to TTFT only.
 */
final class ServiceSimulator {
    static final int TICK_SECONDS = 15;
    private static final double BASE_ERROR_RATIO = 0.0005;
    private static final double OVERLOAD_ERROR_RATIO = 0.03;
    private static final double LATENCY_NOISE_SIGMA = 0.03;
    private static final long MIB = 1L << 20;
    /** An LLM server's KV cache fills with the work in its batch, full a little before compute saturates. */
    static final double KV_FULL_AT_BUSY = 0.92;

    private final ServiceProfile profile;
    private final QueueingLatency curve; // null for an LLM server
    private final BatchingLatency batching; // null for a service in requests
    private final TokenMix tokenMix; // likewise
    private final double saturation; // work/s per ready replica: requests, or weighted tokens
    private final double capacityAtSlo; // likewise
    private final int stepSeconds;
    private final int ticksPerStep;
    private final DemandModel demandModel;
    private final SplittableRandom arrivals;
    private final SplittableRandom podStartups;
    private final SplittableRandom observation;
    private final Autoscaler hpa;
    private final TrueSignals signals;
    private final PodSet podSet = new PodSet();
    private final long startEpochSecond;
    private long nextTickSecond;
    private double queued; // the fluid backlog, work (requests, or weighted tokens)
    private double queuedRequests; // an LLM server's backlog in requests and tokens
    private double queuedPrompt;
    private double queuedGeneration;

    /**
     * @param horizonSteps steps the simulation will cover (bursts are drawn for all of it up front)
     */
    ServiceSimulator(ServiceProfile profile, long startEpochSecond, int stepSeconds, int horizonSteps,
                     Optional<Long> launchEpochSecond, long seed) {
        if (stepSeconds % TICK_SECONDS != 0) {
            throw new IllegalArgumentException("step must be a multiple of " + TICK_SECONDS + " s: " + stepSeconds);
        }
        this.profile = profile;
        LlmProfile llm = profile.llm();
        this.curve = llm == null ? profile.latency() : null;
        this.batching = llm == null ? null : llm.latency();
        this.saturation = profile.saturation();
        this.capacityAtSlo = profile.capacityAtSlo();
        this.signals = new TrueSignals(llm != null);
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
        this.tokenMix = llm == null ? null : new TokenMix(llm, TICK_SECONDS, root.split());
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
        double work0 = llm == null ? rate0 : rate0 * llm.meanWorkPerRequest();
        double rho0 = Math.min(1, work0 / initial / saturation);
        double p50Ms0 = llm == null ? curve.p50Ms(rate0 / initial)
                : batching.targetMs(new Slo.Target(Slo.Metric.LATENCY, Slo.Percentile.P50, 1), work0 / initial,
                llm.meanPrompt(), llm.meanGeneration());
        signals.set(rate0, initial, rho0, rate0, p50Ms0, 0);
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
        TokenMix.Tick tokens = tokenMix == null ? null : tokenMix.next(arrived);
        double arrivedWork = tokens == null ? arrived
                : profile.llm().promptTokenWeight() * tokens.promptTokens() + tokens.generationTokens();
        double servable = ready * saturation * TICK_SECONDS;
        double available = queued + arrivedWork;
        double served = Math.min(available, servable);
        queued = queued + arrivedWork - served;
        double dropped = Math.max(0, queued - ready * saturation * profile.timeoutSeconds());
        queued -= dropped;

        double perReplicaLoad = ready == 0 ? 0 : served / TICK_SECONDS / ready;
        double waitMs = ready == 0 ? 0 : 1000 * queued / (ready * saturation);
        if (tokens != null) {
            simulateTokens(step, rate, arrived, tokens, available, served, dropped, ready, perReplicaLoad, waitMs, acc);
            return;
        }
        double p50Ms = curve.p50Ms(perReplicaLoad) + waitMs;
        acc.addTick(step, rate, served, dropped, queued, ready, perReplicaLoad,
                p50Ms, curve.p95Ms(perReplicaLoad) + waitMs, curve.p99Ms(perReplicaLoad) + waitMs);
        signals.set(arrived / TICK_SECONDS, ready, busy(perReplicaLoad), served / TICK_SECONDS, p50Ms, queued);
    }

    /**
     * The LLM server's tick: requests and tokens leave the backlog in proportion to the work served and
     * dropped; TTFT and TPOT at the served load and the served requests' mean prompt; the requests waiting
     * are the backlog's (a continuous-batching server admits a request at its next step until its KV cache is
     * full, so only the overload waits).
     */
    private void simulateTokens(int step, double rate, double arrived, TokenMix.Tick tokens, double available,
                                double served, double dropped, int ready, double load, double waitMs,
                                Accumulator acc) {
        double servedShare = available > 0 ? served / available : 0;
        double droppedShare = available > 0 ? dropped / available : 0;
        double requestsThere = queuedRequests + arrived;
        double promptThere = queuedPrompt + tokens.promptTokens();
        double generationThere = queuedGeneration + tokens.generationTokens();
        double servedRequests = servedShare * requestsThere;
        double servedPrompt = servedShare * promptThere;
        double servedGeneration = servedShare * generationThere;
        double droppedRequests = droppedShare * requestsThere;
        queuedRequests = Math.max(0, requestsThere - servedRequests - droppedRequests);
        queuedPrompt = Math.max(0, promptThere - servedPrompt - droppedShare * promptThere);
        queuedGeneration = Math.max(0, generationThere - servedGeneration - droppedShare * generationThere);

        double meanPrompt = servedRequests > 0 ? servedPrompt / servedRequests : tokens.meanPrompt();
        double meanGeneration = servedRequests > 0 ? servedGeneration / servedRequests : tokens.meanGeneration();
        double[] ttft = new double[3];
        double[] tpot = new double[3];
        double[] e2e = new double[3];
        Slo.Percentile[] qs = Slo.Percentile.values();
        for (int q = 0; q < 3; q++) {
            ttft[q] = batching.ttftMs(qs[q], load, meanPrompt) + waitMs;
            tpot[q] = batching.tpotMs(qs[q], load);
            e2e[q] = ttft[q] + tpot[q] * Math.max(0, meanGeneration - 1);
        }
        double waiting = queuedRequests; // vLLM's num_requests_waiting: admitted requests run, the rest wait
        double kv = queuedRequests > 0 ? 1 : Math.min(1, busy(load) / KV_FULL_AT_BUSY);
        acc.addTick(step, rate, servedRequests, droppedRequests, waiting, ready, load, e2e[0], e2e[1], e2e[2]);
        acc.addTokens(step, servedRequests, servedPrompt, servedGeneration, ttft, tpot, kv);
        signals.set(arrived / TICK_SECONDS, ready, busy(load), servedRequests / TICK_SECONDS, e2e[0], waiting);
        signals.setKvCache(kv);
    }

    /** Share of a ready replica's saturation throughput in use, capped at 1. */
    private double busy(double perReplicaLoad) {
        return Math.min(1, perReplicaLoad / saturation);
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

    private static final double CUDA_CONTEXT_GIB = 0.5;

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
        final double[][] llm; // an LLM server's sums: prompt, generation, TTFT p50/p95/p99, TPOT p50/p95/p99, KV

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
            llm = tokenMix == null ? null : new double[LLM_SUMS][steps];
        }

        static final int PROMPT = 0;
        static final int GENERATION = 1;
        static final int TTFT = 2;
        static final int TPOT = 5;
        static final int KV = 8;
        static final int LLM_SUMS = 9;

        /** TTFT and TPOT weighted by the requests served in the tick, like the end-to-end percentiles. */
        void addTokens(int step, double servedRequests, double prompt, double generation, double[] ttft, double[] tpot,
                       double kv) {
            llm[PROMPT][step] += prompt;
            llm[GENERATION][step] += generation;
            for (int q = 0; q < 3; q++) {
                llm[TTFT + q][step] += servedRequests * ttft[q];
                llm[TPOT + q][step] += servedRequests * tpot[q];
            }
            llm[KV][step] += kv;
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

        private double overloadErrorRatio(double perReplicaLoad) {
            double over = (perReplicaLoad - capacityAtSlo) / (QueueingLatency.MAX_RHO * saturation - capacityAtSlo);
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
            double[][] llmOut = llm == null ? null : new double[LlmSeries.NAMES.size()][steps];
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
                gpu[i] = round(clamp01(signals.gpuUtil(load) + 0.015 * Gaussian.next(random)), 10_000);
                if (llm == null) {
                    sm[i] = round(0.8 * gpu[i], 10_000);
                    fb[i] = MIB * StrictMath.round(modelBytes * (1 + 0.25 * load) / MIB); // DCGM reports MiB
                } else {
                    sm[i] = round(clamp01(TrueSignals.smActiveBatching(load) + 0.015 * Gaussian.next(random)), 10_000);
                    fb[i] = MIB * StrictMath.round(vllmFrameBufferBytes() / MIB);
                }
                cpu[i] = round(Math.max(0, TrueSignals.cpuUtil(load) + 0.02 * Gaussian.next(random)), 10_000);
                mem[i] = round(clamp01(TrueSignals.memUtil(load) + 0.01 * Gaussian.next(random)), 10_000);
                if (llm != null) {
                    llmStep(i, llmOut, sm[i], fb[i], random); // drawn in step order: chunks continue one another
                }
            }
            double[] replicaHours = new double[podTicks.length];
            for (int h = 0; h < podTicks.length; h++) {
                replicaHours[h] = podTicks[h] * TICK_SECONDS / 3600.0;
            }
            return new ServiceSeries(profile, chunkStart, stepSeconds, demandRps, requests, errors, inFlight,
                    queue, readyMean, lat50, lat95, lat99, gpu, sm, fb, cpu, mem, replicaHours,
                    llm == null ? null : LlmSeries.of(llmOut));
        }

        /**
         * Token counts whole, TTFT and TPOT with the same kind of measurement noise as the end-to-end
         * percentiles, KV-cache use as vLLM's gauge averaged over the step, frame-buffer use as DCGM's.
         */
        private void llmStep(int i, double[][] out, double sm, long fb, SplittableRandom random) {
            out[0][i] = StrictMath.round(llm[PROMPT][i]);
            out[1][i] = StrictMath.round(llm[GENERATION][i]);
            double noise = StrictMath.exp(LATENCY_NOISE_SIGMA * Gaussian.next(random));
            for (int q = 0; q < 6; q++) { // TTFT p50, p95, p99, then TPOT's
                out[2 + q][i] = served[i] > 0 ? round(noise * llm[TTFT + q][i] / served[i], 10) : Double.NaN;
            }
            out[8][i] = sm;
            out[9][i] = round(clamp01(llm[KV][i] / ticksPerStep + 0.01 * Gaussian.next(random)), 10_000);
            out[10][i] = round(fb / (profile.llm().fbTotalGiB() * (1L << 30)), 10_000);
        }

        /** vLLM takes its share of the frame buffer at start (weights, activations, KV pool), plus the CUDA context. */
        private double vllmFrameBufferBytes() {
            return (LlmProfile.GPU_MEMORY_UTILIZATION * profile.llm().fbTotalGiB() + CUDA_CONTEXT_GIB) * (1L << 30);
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
