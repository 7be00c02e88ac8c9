package dev.scalewise.sim;

import dev.scalewise.policy.Slo;

import java.time.Instant;
import java.util.Arrays;

/**
 * Accumulates one service x policy x period, step by step, into an {@link Outcome}. Sums merge
 * associatively (a day's tally can be merged into a longer period's); the replica percentile is kept
 * as a histogram of integer replica counts so it merges too.
 *
 * <p>Mutable on purpose: the replay loop adds to one tally per period without allocating per step.
 */
public final class OutcomeTally {
    private double requests;
    /** Token totals; NaN (and every sum of them NaN) for a service without tokens. */
    private double promptTokens = Double.NaN;
    private double generationTokens = Double.NaN;
    /** What a prompt token costs in generated tokens: splits cost per million tokens into input and output. */
    private double promptWeight = Double.NaN;
    private double cost;
    private double replicaSeconds;
    private double seconds;
    private double maxReplicas;
    private long sloMinutes;
    private long breachMinutes;
    private long scaleUps;
    private long scaleDowns;
    private long coldStartMinutes;
    private long unknownMinutes;
    private long aboveObservedMinutes;
    private long unidentifiedBreachMinutes;
    /** Breach minutes of each target metric (LATENCY, TTFT, TPOT), counted when the SLO has several targets. */
    private final long[] targetBreachMinutes = new long[Slo.Metric.values().length];
    private double idleCost;
    private double gpuUtilSum;
    private long gpuUtilSamples;
    /** replicaHistogram[r] = seconds spent paying for r replicas (r rounded). */
    private double[] replicaHistogram = new double[16];

    /**
     * Adds one step.
     *
     * @param stepSeconds  length of the step
     * @param requests     requests arriving in the step
     * @param replicas     replicas paid for during the step (may be fractional when observed)
     * @param cost         cost of those replicas in the step
     * @param idleCost     part of that cost buying capacity above demand
     */
    public void addStep(double stepSeconds, double requests, double replicas, double cost, double idleCost) {
        add(stepSeconds, requests, replicas, (int) Math.round(replicas), cost, idleCost);
    }

    /** A replayed run's arrivals and the idle part of its cost (its cost comes with its replica time). */
    public void addDemand(double requests, double idleCost) {
        this.requests += requests;
        this.idleCost += idleCost;
    }

    /** A replayed run's cost. */
    public void addCost(double cost) {
        this.cost += cost;
    }

    /**
     * {@code seconds} spent paying for {@code replicas}: a replay's run of sub-steps between two scale events.
     * Whole replicas times whole seconds are integers, exact in a double in any order below 2^53.
     */
    public void addReplicaTime(int replicas, double seconds) {
        bookReplicaTime(replicas, replicas, seconds);
    }

    private void add(double stepSeconds, double requests, double replicas, int bucket, double cost, double idleCost) {
        addDemand(requests, idleCost);
        addCost(cost);
        bookReplicaTime(replicas, bucket, stepSeconds);
    }

    /** Replica time into the sums and the histogram ({@code bucket}: the replicas rounded). */
    private void bookReplicaTime(double replicas, int bucket, double stepSeconds) {
        this.replicaSeconds += replicas * stepSeconds;
        this.seconds += stepSeconds;
        if (replicas > maxReplicas) {
            maxReplicas = replicas;
        }
        if (bucket >= replicaHistogram.length) {
            replicaHistogram = Arrays.copyOf(replicaHistogram, Math.max(bucket + 1, replicaHistogram.length * 2));
        }
        replicaHistogram[Math.max(bucket, 0)] += stepSeconds;
    }

    /** Adds {@code minutes} minutes judged against the SLO, all with the same verdict. */
    public void addSloMinutes(boolean breached, int minutes) {
        sloMinutes += minutes;
        if (breached) {
            breachMinutes += minutes;
        }
    }

    /** Adds minutes in which this target of a several-target SLO breached (on its own threshold). */
    public void addTargetBreachMinutes(Slo.Metric metric, int minutes) {
        targetBreachMinutes[metric.ordinal()] += minutes;
    }

    public void addColdStartMinutes(int minutes) {
        coldStartMinutes += minutes;
    }

    /** Adds minutes with a step whose requests are unknown. */
    public void addUnknownMinutes(int minutes) {
        unknownMinutes += minutes;
    }

    /** Adds minutes with a step above the busiest load per replica history showed. */
    public void addAboveObservedMinutes(int minutes) {
        aboveObservedMinutes += minutes;
    }

    /** Adds breach minutes whose breach rests on a capacity history cannot show. */
    public void addUnidentifiedBreachMinutes(int minutes) {
        unidentifiedBreachMinutes += minutes;
    }

    public void addScaleEvent(int fromReplicas, int toReplicas) {
        if (toReplicas > fromReplicas) {
            scaleUps++;
        } else if (toReplicas < fromReplicas) {
            scaleDowns++;
        }
    }

    /**
     * Adds tokens served; {@code promptWeight} is what a prompt token costs in generated ones (the model's
     * {@code TokenWork} weight, or 1 for a model in requests: tokens alike).
     */
    public void addTokens(double prompt, double generated, double promptWeight) {
        promptTokens = Double.isNaN(promptTokens) ? prompt : promptTokens + prompt;
        generationTokens = Double.isNaN(generationTokens) ? generated : generationTokens + generated;
        this.promptWeight = promptWeight;
    }

    public void addGpuUtil(double util) {
        if (!Double.isNaN(util)) {
            gpuUtilSum += util;
            gpuUtilSamples++;
        }
    }

    /** Adds another tally of the same service and policy (e.g. the next day). */
    public void merge(OutcomeTally o) {
        requests += o.requests;
        if (!Double.isNaN(o.promptTokens)) {
            addTokens(o.promptTokens, o.generationTokens, o.promptWeight);
        }
        cost += o.cost;
        replicaSeconds += o.replicaSeconds;
        seconds += o.seconds;
        maxReplicas = Math.max(maxReplicas, o.maxReplicas);
        sloMinutes += o.sloMinutes;
        breachMinutes += o.breachMinutes;
        scaleUps += o.scaleUps;
        scaleDowns += o.scaleDowns;
        coldStartMinutes += o.coldStartMinutes;
        unknownMinutes += o.unknownMinutes;
        aboveObservedMinutes += o.aboveObservedMinutes;
        unidentifiedBreachMinutes += o.unidentifiedBreachMinutes;
        for (int k = 0; k < targetBreachMinutes.length; k++) {
            targetBreachMinutes[k] += o.targetBreachMinutes[k];
        }
        idleCost += o.idleCost;
        gpuUtilSum += o.gpuUtilSum;
        gpuUtilSamples += o.gpuUtilSamples;
        if (o.replicaHistogram.length > replicaHistogram.length) {
            replicaHistogram = Arrays.copyOf(replicaHistogram, o.replicaHistogram.length);
        }
        for (int i = 0; i < o.replicaHistogram.length; i++) {
            replicaHistogram[i] += o.replicaHistogram[i];
        }
    }

    public Outcome toOutcome(String service, String policy, Instant start, Instant end, String currency, Slo slo) {
        double breachRatio = sloMinutes == 0 ? Double.NaN : (double) breachMinutes / sloMinutes;
        return new Outcome(service, policy, start, end, requests, cost, currency,
                requests > 0 ? cost / requests * 1000 : Double.NaN,
                replicaSeconds / 3600, seconds > 0 ? replicaSeconds / seconds : 0, replicaPercentile(0.95),
                maxReplicas, sloMinutes, breachMinutes, breachRatio, breachRatio / slo.errorBudget(), scaleUps,
                scaleDowns, coldStartMinutes, idleCost, cost == 0 ? 0 : idleCost / cost, // unknown (NaN) cost stays NaN
                gpuUtilSamples == 0 ? Double.NaN : gpuUtilSum / gpuUtilSamples, unknownMinutes, aboveObservedMinutes,
                unidentifiedBreachMinutes, promptTokens, generationTokens, perMillion(promptWeight),
                perMillion(1), promptTokens + generationTokens > 0
                        ? cost / (promptTokens + generationTokens) * 1e6 : Double.NaN,
                targetBreaches(slo, Slo.Metric.TTFT), targetBreaches(slo, Slo.Metric.TPOT));
    }

    /**
     * The breach minutes of the SLO's target on {@code metric}: every breach minute when it is the only
     * target, its own count among several; NaN when the SLO has no such target.
     */
    private double targetBreaches(Slo slo, Slo.Metric metric) {
        if (slo.targets().stream().noneMatch(t -> t.metric() == metric)) {
            return Double.NaN;
        }
        return slo.more().isEmpty() ? breachMinutes : targetBreachMinutes[metric.ordinal()];
    }

    /** Cost per million tokens of this weight: the cost split over tokens by the work each is. */
    private double perMillion(double weight) {
        double work = promptWeight * promptTokens + generationTokens;
        return work > 0 ? cost * weight / work * 1e6 : Double.NaN;
    }

    /** The smallest replica count r such that at least share q of the time had at most r replicas. */
    double replicaPercentile(double q) {
        if (seconds == 0) {
            return 0;
        }
        double acc = 0;
        for (int r = 0; r < replicaHistogram.length; r++) {
            acc += replicaHistogram[r];
            if (acc >= q * seconds - 1e-9) {
                return r;
            }
        }
        return replicaHistogram.length - 1;
    }
}
