package dev.scalewise.sample;

import dev.scalewise.policy.Slo;

/**
 * The generator's true TTFT and TPOT of one LLM replica (see {@link LlmProfile}): continuous batching, so
 * throughput rises with the batch until the KV cache or compute saturates, TPOT rises with the batch a
 * decode step carries, and TTFT with the prefill of the prompt and the delay before the scheduler runs it
 * beside the running batch, which grows without bound as the replica nears saturation. Beyond {@link #MAX_RHO} the simulator's fluid
 * backlog, not the curve, carries the overload (its wait adds to TTFT, not to TPOT).
 */
public record BatchingLatency(LlmProfile p) {
    public static final double MAX_RHO = QueueingLatency.MAX_RHO;

    public double rho(double workPerReplica) {
        return Math.min(MAX_RHO, Math.max(0, workPerReplica / p.saturationTokensPerSecond()));
    }

    /** The delay before a request's prefill runs, behind the running batch's decode steps, ms (a share of TTFT). */
    public double schedulerWaitMs(double workPerReplica) {
        double rho = rho(workPerReplica);
        return p.schedulerMs() * rho / (1 - rho);
    }

    /** Median time to first token, ms, at this load with requests of {@code meanPrompt} tokens, no backlog. */
    public double ttftP50Ms(double workPerReplica, double meanPrompt) {
        double prefillMs = 1000 * meanPrompt / p.prefillTokensPerSecond();
        return prefillMs * (1 + rho(workPerReplica)) + schedulerWaitMs(workPerReplica);
    }

    /** Median time per output token, ms. */
    public double tpotP50Ms(double workPerReplica) {
        return p.tpotBaseMs() * (1 + p.tpotSlope() * rho(workPerReplica));
    }

    public double ttftMs(Slo.Percentile q, double workPerReplica, double meanPrompt) {
        return factor(q, p.ttftP95Factor(), p.ttftP99Factor()) * ttftP50Ms(workPerReplica, meanPrompt);
    }

    public double tpotMs(Slo.Percentile q, double workPerReplica) {
        return factor(q, p.tpotP95Factor(), p.tpotP99Factor()) * tpotP50Ms(workPerReplica);
    }

    static double factor(Slo.Percentile q, double p95, double p99) {
        return switch (q) {
            case P50 -> 1;
            case P95 -> p95;
            case P99 -> p99;
        };
    }

    /** The target's percentile at this load, ms (end-to-end: TTFT + TPOT x the output after the first token). */
    public double targetMs(Slo.Target t, double workPerReplica, double meanPrompt, double meanGeneration) {
        return switch (t.metric()) {
            case TTFT -> ttftMs(t.percentile(), workPerReplica, meanPrompt);
            case TPOT -> tpotMs(t.percentile(), workPerReplica);
            case LATENCY -> ttftMs(t.percentile(), workPerReplica, meanPrompt)
                    + tpotMs(t.percentile(), workPerReplica) * Math.max(0, meanGeneration - 1);
        };
    }

    /**
     * The utilization at which the first of the SLO's targets reaches its threshold at the mean mix (every
     * target rises with load, so bisection finds it).
     */
    public double rhoAtSlo(Slo slo, double meanPrompt) {
        double lo = 0;
        double hi = MAX_RHO;
        if (!breaches(slo, hi * p.saturationTokensPerSecond(), meanPrompt)) {
            throw new IllegalArgumentException("SLO " + slo + " holds even at utilization " + MAX_RHO);
        }
        if (breaches(slo, 0, meanPrompt)) {
            throw new IllegalArgumentException("SLO " + slo + " fails on an idle replica");
        }
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (breaches(slo, mid * p.saturationTokensPerSecond(), meanPrompt)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private boolean breaches(Slo slo, double work, double meanPrompt) {
        for (Slo.Target t : slo.targets()) {
            if (targetMs(t, work, meanPrompt, p.meanGeneration()) > t.thresholdMs()) {
                return true;
            }
        }
        return false;
    }
}
