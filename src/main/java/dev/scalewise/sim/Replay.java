package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.OccupancyCurve;
import dev.scalewise.model.SignalCurve;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;

/**
 * Replays one autoscaler against one service's demand (semantics in docs/replay.md, DESIGN §5).
 *
 * <p>Time advances in sub-steps of {@code gcd(autoscaler period, data step, 60 s)} seconds, so every
 * sub-step lies inside one data step, one minute and one decision period. Per sub-step: the autoscaler
 * decides (at period starts) on the means of the period that just ended; pods whose startup elapsed
 * become ready; ready replicas serve arrivals and backlog up to their saturation throughput, the rest
 * queues as a fluid backlog (less what waits longer than the service's request timeout, if it has one);
 * cost, idle cost, modeled latency and the minute's SLO verdict are tallied per UTC day. Steps whose
 * demand is unknown are replayed with the last known demand and left out of every total, and minutes
 * are judged where the observed run judges them ({@link MinuteMask}).
 *
 * <p>The loop allocates nothing after setup and reads no clock: the same inputs give the same outcome.
 */
public final class Replay {
    /** Requests; a backlog below this is rounding, not a queue. */
    static final double BACKLOG_EPSILON = 1e-9;

    /** Arrival rate per data step (unknown steps hold the last known rate) and whether the step is known. */
    private final double[] rates;
    /**
     * Units of work per request in each data step (all 1 for a model in requests; weighted tokens for an LLM
     * server, {@link dev.scalewise.model.TokenWork}): what replicas serve, queue, and are loaded with.
     */
    private final double[] workPerRequest;
    /** Prompt ([0]) and generated ([1]) tokens per request in each data step; null for a service without tokens. */
    private final double[][] tokensPerRequest;
    /** What a prompt token costs in generated ones, for cost per million tokens (1 for a model in requests). */
    private final double promptWeight;
    private final boolean[] knownDemand;
    private final int stepSeconds;
    private final SloLatency latency;
    private final double invCapacityPerReplica;
    /** The rate a ready replica drains its share of the backlog at (>= the capacity at the SLO). */
    private final double saturationPerReplica;
    private final OccupancyCurve inSystem;
    private final OccupancyCurve waiting;
    private final boolean waitingKnown;
    /** Demand per ready replica above this is beyond the busiest load with known latency. */
    private final double busiestLoad;
    /** Whether what happens beyond {@link #busiestLoad} (and in any backlog) rests on a bound or extrapolation. */
    private final boolean boundedCapacity;
    private final double startupSeconds;
    /** When a replica the controller adds serves: its startup, after the allocation delay of on-demand serving. */
    private final double replicaStartupSeconds;
    /** Demand beyond the ready replicas runs on demand (Lambda) instead of queueing. */
    private final boolean spills;
    private final OnDemand onDemand;
    /** The share of a step's requests that may start cold before the SLO percentile is a cold one. */
    private final double coldShareAllowed;
    /** Replicas are billed per step by what they do (Cloud Run's request-based billing, Container Apps' idle rate). */
    private final boolean billedWhileServing;
    private final Billing billing;
    /** What each request costs on top (Lambda, Cloud Run), listed in USD: 0 for a model priced in another currency. */
    private final double pricePerRequest;
    /** On-demand environments alive at each of the last sub-steps of the idle retention (newest at poolNext - 1). */
    private final double[] pool;
    private int poolNext;
    /** Clients give up after this long in the queue; +Infinity (no timeout) leaves every formula as is. */
    private final double timeoutSeconds;
    private final SignalCurve gpu;
    private final boolean gpuKnown;
    private final Autoscaler autoscaler;
    private final int dtSeconds;
    private final double pricePerReplicaSecond;
    private final TimelineRecorder timeline;
    private final boolean recording;
    private final Signal timelineSignal;
    private final MinuteJudge judge;
    /** The replay ends once more minutes than this have breached ({@link StopRule}). */
    private final long breachCap;
    private boolean cutShort;
    /** The most replicas held (at the start) or asked for (at any decision) so far: see {@link ReplayResult#mostAsked}. */
    private int mostAsked;
    private final DayTallies days;
    private final ReplayMetrics view;
    private final Pods pods;

    private final double invDt;
    /** 1 / the decision period: a period's seconds-weighted sums multiply by it into means. */
    private final double invPeriod;
    /** Work waiting, in the model's unit. */
    private double backlog;
    /** Requests per second arriving in the current step. */
    private double rate;
    /** Work per second arriving in the current step (rate x work per request). */
    private double workRate;
    /** Work per request in the current step. */
    private double unitsPerRequest;
    /** The current data step's index (its tokens per request). */
    private int step;
    /** The current data step's demand is unknown: nothing is booked. */
    private boolean excluded;
    // Replica time and cost depend only on the paid replicas, arrivals and idle cost only on them and the
    // demand rate: each is booked once per run over which its inputs hold, from the second the run began.
    private long replicasSince;
    private long demandSince;
    // 1 / ready and 1 / (ready x saturation), refreshed only when the ready count changes (it rarely does).
    private int cachedReady = -1;
    private double invReady;
    private double invSaturationRps;
    // The last queue-free sub-step with ready replicas, keyed by (ready, work rate): while neither changes and
    // no queue builds (most sub-steps), the next one is the same arithmetic on the same inputs.
    private int memoReady = -1;
    private double memoRate = Double.NaN;
    private double memoLoad;
    private double memoLatencyMs;
    /** With several SLO targets, each one's latency of the step being served, and of the memoized step; else null. */
    private final double[] stepTargets;
    private final double[] memoTargets;
    private double memoConcurrency;
    private double memoQueue;
    private double memoGpuUtil;
    private boolean memoAbove;
    // Means over the decision period in progress, as seconds-weighted sums.
    private double winArrivals;
    private double winRpsPerReplica;
    private double winLoadPerReplica;
    private double winConcurrency;
    private double winQueue;
    // The timeline row in progress.
    private long rowStart;
    private double rowSignal;
    private int rowDesired;
    private int rowStarting;
    private int rowReady;
    private double rowArrivals;
    private double rowWorstMs;
    private boolean rowTraffic;
    private double rowCost;

    private Replay(ReplayInput in, Autoscaler autoscaler, ReplayOptions opts) {
        ServiceHistory demand = in.history();
        ServiceModel model = in.model();
        ServiceSpec spec = in.spec();
        this.knownDemand = in.knownDemand;
        this.rates = in.rates;
        this.workPerRequest = in.workPerRequest;
        this.tokensPerRequest = in.tokensPerRequest;
        this.promptWeight = model.work().tokens() ? model.work().promptWeight().value() : 1;
        this.stepSeconds = demand.stepSeconds();
        this.latency = new SloLatency(model, spec.slo());
        double capacityPerReplica = model.capacityPerReplica().value();
        this.invCapacityPerReplica = 1 / capacityPerReplica;
        this.saturationPerReplica = Math.max(capacityPerReplica,
                model.saturationPerReplica().known() ? model.saturationPerReplica().value() : capacityPerReplica);
        this.inSystem = model.concurrency();
        this.waiting = model.queueDepth();
        this.waitingKnown = waiting.known();
        this.busiestLoad = model.busiestLoadPerReplica().known() ? model.busiestLoadPerReplica().value()
                : Double.POSITIVE_INFINITY;
        this.boundedCapacity = model.capacityBeyondHistory();
        this.startupSeconds = model.startupSeconds().value();
        this.onDemand = autoscaler.onDemand();
        this.spills = onDemand.enabled();
        this.replicaStartupSeconds = startupSeconds + (spills ? onDemand.allocationDelaySeconds() : 0);
        this.coldShareAllowed = spec.slo().percentile().tailShare();
        this.timeoutSeconds = spec.requestTimeoutSeconds().orElse(Double.POSITIVE_INFINITY);
        this.gpu = model.gpuUtil();
        this.gpuKnown = gpu.known();
        this.autoscaler = autoscaler;
        this.dtSeconds = gcd(gcd(autoscaler.periodSeconds(), stepSeconds), 60);
        this.pool = new double[spills ? (int) Math.max(1, Math.ceil(onDemand.idleRetentionSeconds() / dtSeconds)) : 1];
        this.invDt = 1.0 / dtSeconds;
        this.invPeriod = 1.0 / autoscaler.periodSeconds();
        this.billing = autoscaler.billing();
        this.pricePerReplicaSecond = billing.pricePerReplicaHour(model.pricePerReplicaHour(), model.currency()) / 3600;
        this.billedWhileServing = billing.whileServing();
        this.pricePerRequest = model.currency().equals("USD") ? billing.pricePerMillionRequestsUsd() / 1e6 : 0;
        this.timeline = opts.timeline();
        this.recording = opts.timeline() != TimelineRecorder.NONE;
        this.timelineSignal = opts.timelineSignal();
        MinuteMask mask = in.mask;
        this.breachCap = opts.stop().breachCap(spec.slo().errorBudget(), mask.judgeableMinutes());
        MinuteJudge minuteJudge = new MinuteJudge(spec.slo().thresholdMs(), mask, opts.minuteLog());
        this.judge = latency.severalTargets() ? minuteJudge.withTargets(spec.slo()) : minuteJudge;
        this.stepTargets = latency.severalTargets() ? new double[spec.slo().targets().size()] : null;
        this.memoTargets = stepTargets == null ? null : new double[stepTargets.length];
        this.days = new DayTallies(demand.start(), (long) demand.steps() * stepSeconds);
        this.view = new ReplayMetrics(model);
        this.pods = new Pods(opts.initialReplicas().orElseGet(() -> observedInitialReplicas(demand)));
        this.mostAsked = pods.paid();
    }

    /**
     * @param demand     the service's history: {@code requests} (demand; unknown steps hold the last known
     *                   rate and are booked nowhere), the SLO percentile's latency (which minutes are judged)
     *                   and, for the initial replicas, {@code replicas}
     * @param model      the fitted service model; capacity and price must be known
     * @param spec       the service's SLO
     * @param autoscaler a fresh controller (it keeps state between decisions)
     */
    public static ReplayResult run(ServiceHistory demand, ServiceModel model, ServiceSpec spec, Autoscaler autoscaler,
                                   ReplayOptions opts) {
        return run(ReplayInput.of(demand, model, spec), autoscaler, opts);
    }

    /** Over a period made ready once for the many replays over it. */
    public static ReplayResult run(ReplayInput in, Autoscaler autoscaler, ReplayOptions opts) {
        if (autoscaler.periodSeconds() <= 0) {
            throw new IllegalArgumentException("autoscaler period must be positive: " + autoscaler.periodSeconds());
        }
        Replay replay = new Replay(in, autoscaler, opts);
        replay.loop(in.history().steps());
        return replay.days.result(in.history().service(), opts.policyName(), in.model().currency(), in.spec().slo(),
                replay.cutShort, replay.mostAsked);
    }

    /**
     * Demand per step as a rate; a step with unknown requests holds the last known rate (the first known
     * one before any is known, 0 when none is), so controllers do not see a gap in the export as a drop in
     * demand. {@code known} gets which steps were known.
     */
    static double[] heldRates(ServiceHistory h, boolean[] known) {
        double[] rates = new double[h.steps()];
        double last = Double.NaN;
        for (int i = 0; i < rates.length; i++) {
            double r = h.requests()[i];
            if (!Double.isNaN(r)) {
                known[i] = true;
                last = r > 0 ? r / h.stepSeconds() : 0;
            }
            rates[i] = last;
        }
        double first = 0;
        for (double r : rates) {
            if (!Double.isNaN(r)) {
                first = r;
                break;
            }
        }
        for (int i = 0; i < rates.length && Double.isNaN(rates[i]); i++) {
            rates[i] = first;
        }
        return rates;
    }

    /** The observed ready replicas at the first step that has them (0 when none does). */
    static int observedInitialReplicas(ServiceHistory h) {
        for (double r : h.replicas()) {
            if (Double.isFinite(r)) {
                return (int) Math.max(0, Math.round(r));
            }
        }
        return 0;
    }

    private void loop(int steps) {
        int subPerStep = stepSeconds / dtSeconds;
        int subPerMinute = 60 / dtSeconds;
        int subPerPeriod = autoscaler.periodSeconds() / dtSeconds;
        long subSteps = (long) steps * subPerStep;
        int day = 0;
        long dayEnd = days.endOfDay(0);
        OutcomeTally tally = days.day(0);
        OutcomeTally minuteTally = tally;
        int step = 0;
        int inStep = 0;
        int inMinute = 0;
        int inPeriod = 0;
        setRate(0);
        excluded = steps > 0 && !knownDemand[0];
        for (long s = 0; s < subSteps; s++) {
            long t = s * dtSeconds;
            if (t >= dayEnd) {
                bookRuns(tally, t);
                tally = days.day(++day);
                dayEnd = days.endOfDay(day);
            }
            if (inMinute == 0) {
                minuteTally = tally;
            }
            if (inPeriod == 0) {
                decide(t, tally);
            }
            pods.promote(t);
            if (recording && inPeriod == 0) {
                rowStarting = pods.starting();
                rowReady = pods.ready();
            }
            serve(t, tally);
            if (++inMinute == subPerMinute) {
                judge.flush(minuteTally, 1);
                inMinute = 0;
                cutShort = judge.breachMinutes() > breachCap;
            }
            if (++inStep == subPerStep) {
                inStep = 0;
                bookDemand(tally, t + dtSeconds);
                setRate(++step);
                boolean nextExcluded = step < steps && !knownDemand[step];
                if (nextExcluded != excluded) {
                    bookReplicas(tally, t + dtSeconds); // the run so far is booked (or dropped) as it was
                    excluded = nextExcluded;
                }
            }
            if (++inPeriod == subPerPeriod) {
                inPeriod = 0;
            }
            if (cutShort) {
                subSteps = s + 1;
                break;
            }
        }
        if (inMinute > 0) {
            judge.flush(minuteTally, 1);
        }
        bookRuns(tally, subSteps * dtSeconds);
        if (recording && subSteps > 0) {
            emitRow(subSteps * dtSeconds);
        }
    }

    private void setRate(int step) {
        this.step = step;
        rate = step < rates.length ? rates[step] : 0;
        unitsPerRequest = step < rates.length ? workPerRequest[step] : 1;
        workRate = rate * unitsPerRequest;
    }

    private void decide(long t, OutcomeTally tally) {
        if (t > 0) {
            // decisions come every whole period from t = 0, so the sums cover the whole period that just ended
            view.set(winArrivals * invPeriod, winRpsPerReplica * invPeriod, winLoadPerReplica * invPeriod,
                    winConcurrency * invPeriod, winQueue * invPeriod);
            winArrivals = winRpsPerReplica = winLoadPerReplica = winConcurrency = winQueue = 0;
        } else {
            showSteadyState();
        }
        int paid = pods.paid();
        int desired = Math.max(0, autoscaler.decide(t, paid, pods.ready(), view));
        mostAsked = Math.max(mostAsked, desired);
        if (desired != paid) {
            bookRuns(tally, t);
            tally.addScaleEvent(paid, desired);
            pods.scaleTo(desired, t + replicaStartupSeconds);
        }
        if (recording) {
            startRow(t, desired);
        }
    }

    /** Ends the timeline row of the last decision (if any) and starts this decision's. */
    private void startRow(long t, int desired) {
        if (t > 0) {
            emitRow(t);
        }
        rowStart = t;
        rowSignal = view.value(timelineSignal);
        rowDesired = desired;
    }

    /** Before the first period has passed: the first step's demand served by the initial replicas. */
    private void showSteadyState() {
        int ready = pods.ready();
        if (ready == 0) {
            view.set(rate, rate, workRate, 0, 0);
            return;
        }
        if (spills) {
            double load = Math.min(workRate / ready, 1 / invCapacityPerReplica);
            view.set(rate, rate / ready, load, load * invCapacityPerReplica, 0);
            return;
        }
        double load = Math.min(workRate / ready, saturationPerReplica);
        view.set(rate, rate / ready, workRate / ready, inSystem.at(load), waitingKnown ? waiting.at(load) * ready : 0);
    }

    private void serve(long t, OutcomeTally tally) {
        int ready = pods.ready();
        if (ready != cachedReady) {
            cachedReady = ready;
            invReady = ready > 0 ? 1.0 / ready : 1;
            invSaturationRps = ready > 0 ? 1 / (ready * saturationPerReplica) : 0;
        }
        if (spills) {
            serveOnDemand(tally, ready);
            return;
        }
        if (ready > 0 && backlog == 0 && ready == memoReady && workRate == memoRate) {
            // Most sub-steps: the last queue-free one again, so its results as they were. This path is kept
            // small so the loop inlines it; the full arithmetic is a call.
            if (gpuKnown && !excluded) {
                tally.addGpuUtil(memoGpuUtil);
            }
            double arrivals = rate * dtSeconds;
            account(tally, arrivals, arrivals > 0, memoLatencyMs, memoTargets, memoLoad, memoConcurrency, memoQueue, memoAbove,
                    boundedCapacity && memoAbove);
        } else {
            serveFresh(t, tally, ready);
        }
    }

    private void serveFresh(long t, OutcomeTally tally, int ready) {
        double dt = dtSeconds;
        double arrivals = rate * dt;
        double work = workRate * dt;
        double b0 = backlog;
        boolean traffic = arrivals > 0 || b0 > 0;
        double invUnits = unitsPerRequest > 0 ? 1 / unitsPerRequest : 1; // work waiting -> requests waiting
        double latencyMs;
        double busyLoad; // the load utilization follows (see below)
        double concurrency;
        double queue;
        boolean above = false;
        boolean beyond = false;
        if (ready > 0) {
            double available = b0 + work;
            double served = Math.min(available, ready * saturationPerReplica * dt);
            // Demand exactly at saturation must not leave a rounding residue that looks like a queue.
            backlog = available - served > BACKLOG_EPSILON ? available - served : 0;
            // the back of the queue waits backlog / drain rate: beyond the timeout its clients gave up
            backlog = Math.min(backlog, ready * saturationPerReplica * timeoutSeconds);
            double load = served * invDt * invReady;
            double queueMean = 0.5 * (b0 + backlog);
            latencyMs = latency.at(load, queueMean * invSaturationRps * 1000);
            if (stepTargets != null) {
                latency.eachTarget(load, queueMean * invSaturationRps * 1000, stepTargets);
            }
            // in the system: the relation to load fitted from history (or Little's law), plus the fluid backlog
            concurrency = inSystem.at(load) + queueMean * invUnits * invReady;
            queue = (waitingKnown ? waiting.at(load) * ready : 0) + queueMean * invUnits;
            above = workRate * invReady > busiestLoad;
            beyond = boundedCapacity && (above || b0 > 0 || backlog > 0);
            // Utilization follows the demand per ready replica while requests queue: the replicas are then
            // saturated, which their served load (held at the SLO capacity) would hide from a
            // utilization-driven autoscaler (a GPU HPA could never see more than its util at capacity).
            busyLoad = b0 > 0 || backlog > 0 ? Math.max(load, workRate * invReady) : load;
            double gpuUtil = gpuKnown ? Math.min(1, gpu.at(busyLoad)) : Double.NaN;
            if (gpuKnown && !excluded) {
                tally.addGpuUtil(gpuUtil);
            }
            if (b0 == 0 && backlog == 0) {
                memoReady = ready;
                memoRate = workRate;
                memoLoad = load;
                memoLatencyMs = latencyMs;
                if (stepTargets != null) {
                    System.arraycopy(stepTargets, 0, memoTargets, 0, stepTargets.length);
                }
                memoConcurrency = concurrency;
                memoQueue = queue;
                memoGpuUtil = gpuUtil;
                memoAbove = above;
            }
        } else {
            // Nothing drains: with a timeout each waiting request leaves at its age T, i.e. (ages spread
            // evenly over T) dt/T of the queue per step, which holds a steady arrival rate at rate x T.
            backlog = b0 * Math.max(0, 1 - dt / timeoutSeconds) + work;
            busyLoad = workRate;
            double queueMean = 0.5 * (b0 + backlog) * invUnits;
            concurrency = queueMean;
            queue = queueMean;
            latencyMs = 0;
            if (traffic) {
                // Waiting requests get the cold start: until the first starting pod serves (forever if none).
                latencyMs = latency.at(0, (pods.nextReadyAt() - t) * 1000);
                if (stepTargets != null) {
                    latency.eachTarget(0, (pods.nextReadyAt() - t) * 1000, stepTargets);
                }
                if (!excluded) {
                    judge.markColdStart();
                }
            }
        }
        account(tally, arrivals, traffic, latencyMs, stepTargets, busyLoad, concurrency, queue, above, beyond);
    }

    /**
     * A sub-step of a function with provisioned concurrency: the ready (provisioned) environments take what
     * they can, each one request at a time, up to the capacity per replica (the rate at which an environment
     * holds the SLO; for a function, 1 / its duration), so utilization is load / capacity; the rest runs at
     * once in on-demand environments, so nothing queues. On-demand environments beyond the warm ones start cold: the requests
     * that find no warm environment wait the init (the startup), and those arriving meanwhile get environments
     * of their own. The step's SLO-percentile latency is the cold one when more than 1 - percentile of its
     * requests started cold. Execution is billed per busy environment-second ({@link OnDemand}).
     */
    private void serveOnDemand(OutcomeTally tally, int ready) {
        double dt = dtSeconds;
        double arrivals = rate * dt;
        double perEnvironment = 1 / invCapacityPerReplica;
        double provisionedWork = Math.min(workRate, ready * perEnvironment);
        double spilled = workRate - provisionedWork; // work per second run on demand
        double busyOnDemand = spilled / perEnvironment; // environments, one request each
        double warm = 0;
        for (double p : pool) {
            warm = Math.max(warm, p);
        }
        double fresh = Math.max(0, busyOnDemand - warm);
        double requestsPerEnvironment = unitsPerRequest > 0 ? perEnvironment / unitsPerRequest : perEnvironment;
        double cold = Math.min(spilled / Math.max(unitsPerRequest, BACKLOG_EPSILON) * dt,
                fresh * (1 + startupSeconds * requestsPerEnvironment));
        pool[poolNext] = fresh > 0 ? warm + cold : busyOnDemand;
        poolNext = (poolNext + 1) % pool.length;
        double load = spilled > 0 ? perEnvironment : provisionedWork * invReady;
        double warmMs = latency.at(load, 0);
        boolean coldLatency = arrivals > 0 && cold / arrivals > coldShareAllowed;
        double latencyMs = coldLatency ? warmMs + startupSeconds * 1000 : warmMs;
        if (stepTargets != null) { // a cold start delays the first token, not the ones after it
            latency.eachTarget(load, coldLatency ? startupSeconds * 1000 : 0, stepTargets);
        }
        boolean above = load > busiestLoad;
        double execution = (provisionedWork / perEnvironment * dt * onDemand.provisionedBusyPriceRatio()
                + (busyOnDemand * dt + cold * startupSeconds) * onDemand.onDemandPriceRatio()) * pricePerReplicaSecond;
        if (!excluded) {
            if (cold > 0) {
                judge.markColdStart();
            }
            tally.addCost(execution);
        }
        if (recording) {
            rowCost += execution;
        }
        if (gpuKnown && !excluded) {
            tally.addGpuUtil(Math.min(1, gpu.at(load)));
        }
        double inFlight = ready > 0 ? provisionedWork * invReady / perEnvironment : busyOnDemand;
        account(tally, arrivals, arrivals > 0, latencyMs, stepTargets, ready > 0 ? provisionedWork * invReady : load, inFlight, 0,
                above, boundedCapacity && above);
    }

    /**
     * Books a served sub-step: the minute's verdict (unless the step's demand is unknown), the decision
     * period's means, the timeline row, and what the platform bills per step (each request; under request-based
     * billing the replicas starting or serving: each ready one with a request in flight, at most the requests in
     * flight, an upper bound; the others at the platform's idle rate, {@link Billing#billedReplicas}).
     * {@code above}: demand per ready replica beyond the busiest known load; {@code beyond}: the latency rests on
     * a capacity history cannot show.
     */
    private void account(OutcomeTally tally, double arrivals, boolean traffic, double latencyMs, double[] targetsMs,
                         double busyLoad, double concurrency, double queue, boolean above, boolean beyond) {
        double dt = dtSeconds;
        double billedCost = 0;
        if (billedWhileServing) {
            double billed = billing.billedReplicas(pods.paid(), pods.starting() + cachedReady * Math.min(1, concurrency));
            billedCost = billed * dt * pricePerReplicaSecond;
            if (!excluded) {
                tally.addCost(billedCost);
                tally.addDemand(0, Math.max(0, billed - workRate * invCapacityPerReplica) * dt * pricePerReplicaSecond);
            }
        }
        if (pricePerRequest > 0 && !excluded) {
            tally.addCost(arrivals * pricePerRequest);
        }
        if (!excluded) {
            if (traffic) {
                if (beyond) {
                    judge.addBeyondHistory(latencyMs);
                } else {
                    judge.add(latencyMs);
                }
                if (targetsMs != null) {
                    judge.addTargets(targetsMs);
                }
            }
            if (above) {
                judge.markAboveObserved();
            }
        }
        winArrivals += arrivals;
        winRpsPerReplica += rate * invReady * dt;
        winLoadPerReplica += busyLoad * dt;
        winConcurrency += concurrency * dt;
        winQueue += queue * dt;
        if (recording) {
            rowArrivals += arrivals;
            rowCost += (billedWhileServing ? billedCost : pods.paid() * dt * pricePerReplicaSecond) + arrivals * pricePerRequest;
            if (traffic) {
                rowTraffic = true;
                rowWorstMs = Math.max(rowWorstMs, latencyMs);
            }
        }
    }

    /** Ends both runs at {@code t}: the paid replicas change, the day ends, or the replay does. */
    private void bookRuns(OutcomeTally tally, long t) {
        bookReplicas(tally, t);
        bookDemand(tally, t);
    }

    /**
     * Books the replica time and cost of the paid replicas from the second they last changed up to {@code t}
     * (nothing while the demand is unknown: the observed run books nothing there either).
     */
    private void bookReplicas(OutcomeTally tally, long t) {
        if (t > replicasSince && excluded) {
            replicasSince = t;
        } else if (t > replicasSince) {
            int paid = pods.paid();
            double seconds = t - replicasSince;
            tally.addReplicaTime(paid, seconds);
            if (!billedWhileServing) {
                tally.addCost(paid * seconds * pricePerReplicaSecond);
            }
            replicasSince = t;
        }
    }

    /**
     * Books the arrivals and the idle cost (the part of the cost buying capacity above demand) from the second
     * the paid replicas or the demand rate last changed up to {@code t}.
     */
    private void bookDemand(OutcomeTally tally, long t) {
        if (t > demandSince && excluded) {
            demandSince = t;
        } else if (t > demandSince) {
            double seconds = t - demandSince;
            int paid = pods.paid();
            double needed = workRate * invCapacityPerReplica;
            // under request-based billing the idle part is booked per step, with the billed replicas
            tally.addDemand(rate * seconds, paid > needed && !billedWhileServing
                    ? (paid - needed) * seconds * pricePerReplicaSecond : 0);
            if (tokensPerRequest != null && step < rates.length) {
                tally.addTokens(rate * seconds * tokensPerRequest[0][step], rate * seconds * tokensPerRequest[1][step],
                        promptWeight);
            }
            demandSince = t;
        }
    }

    private void emitRow(long rowEnd) {
        timeline.row(rowStart, rowArrivals / (rowEnd - rowStart), rowSignal, rowDesired, rowStarting, rowReady, backlog,
                rowWorstMs, rowTraffic && judge.breaches(rowWorstMs), rowCost);
        rowArrivals = rowWorstMs = rowCost = 0;
        rowTraffic = false;
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
