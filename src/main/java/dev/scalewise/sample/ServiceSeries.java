package dev.scalewise.sample;

import dev.scalewise.data.LlmSeries;
import dev.scalewise.policy.Slo;

import java.util.List;

/**
 * One simulated service, aggregated to the output step (index i covers [start + i x step, + step)).
 * Arrays, not lists, like {@link dev.scalewise.data.ServiceHistory}; callers must not mutate them.
 *
 * @param demandRps          mean arriving requests per second (the truth behind {@code requests})
 * @param requests           requests completed in the step, failed ones included
 * @param errors             requests that failed (overload errors and queue timeouts), a subset of requests
 * @param readyReplicas      mean ready (serving) replicas over the step
 * @param p50Ms              NaN when the step completed no request
 * @param replicaHoursByHour provisioned (billed) replica-hours in each UTC hour: starting pods cost money
 * @param llm                an LLM server's tokens, TTFT, TPOT, KV-cache and frame-buffer series; null for a
 *                           service simulated in requests
 */
public record ServiceSeries(ServiceProfile profile, long startEpochSecond, int stepSeconds, double[] demandRps,
                            long[] requests, long[] errors, double[] inFlight, double[] queueDepth,
                            double[] readyReplicas, double[] p50Ms, double[] p95Ms, double[] p99Ms,
                            double[] gpuUtil, double[] smActive, long[] fbUsedBytes, double[] cpuUtil,
                            double[] memUtil, double[] replicaHoursByHour, LlmSeries llm) {
    public int steps() {
        return requests.length;
    }

    /**
     * The modeled SLO latency of step i: its SLO percentile, or with several targets the worst of them on the
     * first target's scale ({@link Slo#onFirstScale}), as the replay judges a minute.
     */
    public double sloLatencyMs(int i) {
        Slo slo = profile.slo();
        List<Slo.Target> targets = slo.targets();
        double worst = targetMs(targets.get(0), i);
        for (Slo.Target t : targets.subList(1, targets.size())) {
            worst = Math.max(worst, slo.onFirstScale(t, targetMs(t, i)));
        }
        return worst;
    }

    /** Step i's modeled percentile of one SLO target, ms. */
    public double targetMs(Slo.Target t, int i) {
        return switch (t.metric()) {
            case LATENCY -> pick(t.percentile(), p50Ms, p95Ms, p99Ms, i);
            case TTFT -> pick(t.percentile(), llm.ttftP50Ms(), llm.ttftP95Ms(), llm.ttftP99Ms(), i);
            case TPOT -> pick(t.percentile(), llm.tpotP50Ms(), llm.tpotP95Ms(), llm.tpotP99Ms(), i);
        };
    }

    private static double pick(Slo.Percentile p, double[] p50, double[] p95, double[] p99, int i) {
        return switch (p) {
            case P50 -> p50[i];
            case P95 -> p95[i];
            case P99 -> p99[i];
        };
    }

    /** Steps in which this target's percentile exceeds its threshold. */
    public int breachSteps(Slo.Target t) {
        int n = 0;
        for (int i = 0; i < steps(); i++) {
            if (targetMs(t, i) > t.thresholdMs()) {
                n++;
            }
        }
        return n;
    }

    /** Steps whose SLO percentile exceeds the threshold (steps without requests never breach). */
    public int breachSteps() {
        int n = 0;
        for (int i = 0; i < steps(); i++) {
            if (sloLatencyMs(i) > profile.slo().thresholdMs()) {
                n++;
            }
        }
        return n;
    }

    public long totalRequests() {
        long sum = 0;
        for (long r : requests) {
            sum += r;
        }
        return sum;
    }

    public double totalReplicaHours() {
        double sum = 0;
        for (double h : replicaHoursByHour) {
            sum += h;
        }
        return sum;
    }

    public double maxReadyReplicas() {
        double max = 0;
        for (double r : readyReplicas) {
            max = Math.max(max, r);
        }
        return max;
    }
}
