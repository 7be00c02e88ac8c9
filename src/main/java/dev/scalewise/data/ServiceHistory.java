package dev.scalewise.data;

import java.time.Instant;

/**
 * One service's history aligned onto one analysis step: array index i covers
 * [start + i*step, start + (i+1)*step). NaN marks an unknown value (a gap the source did not
 * declare as zero traffic, or an optional dataset that is absent).
 *
 * <p>Arrays, not lists: the replay engine walks them millions of times. Callers must not mutate them.
 *
 * @param requests   requests completed in the step (count)
 * @param replicas   mean ready replicas over the step
 * @param inFlight   mean requests in flight, whole service
 * @param queueDepth mean requests waiting, whole service
 * @param p50Ms      latency percentiles, ms
 * @param gpuUtil    mean GPU utilization over the service's pods, 0..1
 * @param cpuUtil    mean CPU utilization of requests, 0..1
 * @param memUtil    mean memory utilization of requests, 0..1
 * @param cost       effective cost attributed to the service in the step (billing spread evenly
 *                   over the steps of its charge period)
 * @param currency   billing currency, "" when there is no billing
 * @param llm        tokens, TTFT/TPOT and the LLM server's and GPU's memory signals (all NaN without them)
 */
public record ServiceHistory(String service, Instant start, int stepSeconds, double[] requests,
                             double[] replicas, double[] inFlight, double[] queueDepth, double[] p50Ms,
                             double[] p95Ms, double[] p99Ms, double[] gpuUtil, double[] cpuUtil,
                             double[] memUtil, double[] cost, String currency, LlmSeries llm) {
    public ServiceHistory {
        int n = requests.length;
        if (llm.promptTokens().length != n) {
            throw new IllegalArgumentException("the LLM series of " + service + " must have " + n + " steps");
        }
        for (double[] a : new double[][] {replicas, inFlight, queueDepth, p50Ms, p95Ms, p99Ms, gpuUtil,
                cpuUtil, memUtil, cost}) {
            if (a.length != n) {
                throw new IllegalArgumentException("all series of " + service + " must have " + n + " steps");
            }
        }
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("stepSeconds must be positive: " + stepSeconds);
        }
    }

    /** A history without LLM columns (every {@link LlmSeries} series unknown). */
    public ServiceHistory(String service, Instant start, int stepSeconds, double[] requests, double[] replicas,
                          double[] inFlight, double[] queueDepth, double[] p50Ms, double[] p95Ms, double[] p99Ms,
                          double[] gpuUtil, double[] cpuUtil, double[] memUtil, double[] cost, String currency) {
        this(service, start, stepSeconds, requests, replicas, inFlight, queueDepth, p50Ms, p95Ms, p99Ms, gpuUtil, cpuUtil,
                memUtil, cost, currency, LlmSeries.unknown(requests.length));
    }

    /** The same history with these LLM series. */
    public ServiceHistory withLlm(LlmSeries series) {
        return new ServiceHistory(service, start, stepSeconds, requests, replicas, inFlight, queueDepth, p50Ms, p95Ms,
                p99Ms, gpuUtil, cpuUtil, memUtil, cost, currency, series);
    }

    public int steps() {
        return requests.length;
    }

    /** The days the history spans (steps x step). */
    public double days() {
        return (double) steps() * stepSeconds / 86_400;
    }

    public Instant timeOf(int step) {
        return start.plusSeconds((long) step * stepSeconds);
    }

    /** Steps [from, to) as a history of their own (train/holdout splits, warm-up trimming). */
    public ServiceHistory slice(int from, int to) {
        if (from < 0 || to > steps() || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + steps() + " steps");
        }
        return new ServiceHistory(service, timeOf(from), stepSeconds, cut(requests, from, to),
                cut(replicas, from, to), cut(inFlight, from, to), cut(queueDepth, from, to), cut(p50Ms, from, to),
                cut(p95Ms, from, to), cut(p99Ms, from, to), cut(gpuUtil, from, to), cut(cpuUtil, from, to),
                cut(memUtil, from, to), cut(cost, from, to), currency, llm.slice(from, to));
    }

    /** The same history with demand (requests and tokens) multiplied by {@code factor} (what-if: +20 % demand). */
    public ServiceHistory withDemandScaled(double factor) {
        double[] scaled = requests.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        return new ServiceHistory(service, start, stepSeconds, scaled, replicas, inFlight, queueDepth, p50Ms, p95Ms,
                p99Ms, gpuUtil, cpuUtil, memUtil, cost, currency, llm.withDemandScaled(factor));
    }

    private static double[] cut(double[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }
}
