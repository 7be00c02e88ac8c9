package dev.scalewise.sample;

import dev.scalewise.policy.Slo;

/**
 * What makes a synthetic service an LLM server with continuous batching (vLLM-like): its token mix, its
 * throughput in weighted tokens and the shape of its time to first token (TTFT) and time per output token
 * (TPOT). One unit of work is one generated token; a prompt token costs {@code promptTokenWeight} of one
 * (docs/tokens.md), and services.yaml states that weight, as a team that ran the two-mix load test would.
 *
 * <p>Token mix: each request's prompt and output lengths are log-normal (medians and log standard
 * deviations below); on top, the mean prompt and the mean output per request each wander by a log-normal
 * factor, an AR(1) process with standard deviation {@code mixSigma} and correlation time
 * {@code mixTauSeconds} (a client that sends long documents for a while, a batch of short completions).
 *
 * <p>Latency of a replica at utilization rho = served work / saturation (capped at {@link BatchingLatency#MAX_RHO}):
 * <pre>
 * TTFT p50 = prefill of the tick's mean prompt x (1 + rho) + schedulerMs x rho / (1 - rho) + backlog wait
 * TPOT p50 = tpotBaseMs x (1 + tpotSlope x rho)        (a decode step reads the KV cache of the whole batch)
 * </pre>
 * with fixed p95/p50 and p99/p50 factors per metric.
 *
 * @param promptMedian          median prompt tokens per request
 * @param promptLogSd           log standard deviation of a request's prompt tokens
 * @param generationMedian      median output tokens per request
 * @param generationLogSd       log standard deviation of a request's output tokens
 * @param mixSigma              standard deviation of the log mix factors (prompt and output, independent)
 * @param mixTauSeconds         correlation time of the mix factors
 * @param promptTokenWeight     what prefilling a prompt token costs a replica, in generated tokens
 * @param saturationTokensPerSecond weighted tokens/s one replica serves at most (its KV cache full)
 * @param prefillTokensPerSecond prompt tokens/s one request's prefill runs at on an idle replica
 * @param schedulerMs           scale of the delay before a new request's prefill runs, as the scheduler
 *                              interleaves it with the running batch's decode steps
 * @param ttftP95Factor         TTFT p95 / p50 (ttftP99Factor likewise)
 * @param tpotBaseMs            TPOT p50 of a lone sequence
 * @param tpotSlope             TPOT's relative rise from an idle to a saturated replica
 * @param tpotP95Factor         TPOT p95 / p50 (tpotP99Factor likewise)
 * @param fbTotalGiB            the GPU's frame buffer; vLLM takes {@value #GPU_MEMORY_UTILIZATION} of it at start
 */
public record LlmProfile(double promptMedian, double promptLogSd, double generationMedian, double generationLogSd,
                         double mixSigma, double mixTauSeconds, double promptTokenWeight,
                         double saturationTokensPerSecond, double prefillTokensPerSecond, double schedulerMs,
                         double ttftP95Factor, double ttftP99Factor, double tpotBaseMs, double tpotSlope,
                         double tpotP95Factor, double tpotP99Factor, double fbTotalGiB) {
    /** vLLM's default --gpu-memory-utilization: weights, activations and the KV-cache pool are taken up front. */
    public static final double GPU_MEMORY_UTILIZATION = 0.9;

    /** Mean prompt tokens per request at the mean mix. */
    public double meanPrompt() {
        return promptMedian * StrictMath.exp(promptLogSd * promptLogSd / 2);
    }

    /** Mean output tokens per request at the mean mix. */
    public double meanGeneration() {
        return generationMedian * StrictMath.exp(generationLogSd * generationLogSd / 2);
    }

    /** Weighted tokens a request is at the mean mix. */
    public double meanWorkPerRequest() {
        return promptTokenWeight * meanPrompt() + meanGeneration();
    }

    public BatchingLatency latency() {
        return new BatchingLatency(this);
    }

    /** Weighted tokens/s per replica at which the first of the SLO's targets reaches its threshold, at the mean mix. */
    public double capacityTokensAtSlo(Slo slo) {
        return latency().rhoAtSlo(slo, meanPrompt()) * saturationTokensPerSecond;
    }
}
