package dev.scalewise.sample;

import java.util.SplittableRandom;

/**
 * The prompt and output tokens of each tick's arrivals (see {@link LlmProfile}): per request log-normal
 * lengths, summed over the tick's arrivals with the normal approximation of their sum, around a mean per
 * request that wanders with two AR(1) log factors (prompt and output apart, so their ratio moves too).
 * Call {@link #next} once per tick, in time order.
 */
final class TokenMix {
    private final LlmProfile p;
    private final SplittableRandom random;
    private final double phi;
    private final double promptCv;
    private final double generationCv;
    private double logPrompt;
    private double logGeneration;

    /** The tick's arrivals in tokens, and the mean request they came from (zero arrivals keep the means). */
    record Tick(double promptTokens, double generationTokens, double meanPrompt, double meanGeneration) {
    }

    TokenMix(LlmProfile p, int tickSeconds, SplittableRandom random) {
        this.p = p;
        this.random = random;
        this.phi = StrictMath.exp(-tickSeconds / p.mixTauSeconds());
        this.promptCv = StrictMath.sqrt(StrictMath.expm1(p.promptLogSd() * p.promptLogSd()));
        this.generationCv = StrictMath.sqrt(StrictMath.expm1(p.generationLogSd() * p.generationLogSd()));
        this.logPrompt = p.mixSigma() * Gaussian.next(random);
        this.logGeneration = p.mixSigma() * Gaussian.next(random);
    }

    Tick next(double arrivals) {
        double innovation = p.mixSigma() * StrictMath.sqrt(1 - phi * phi);
        logPrompt = phi * logPrompt + innovation * Gaussian.next(random);
        logGeneration = phi * logGeneration + innovation * Gaussian.next(random);
        double bias = p.mixSigma() * p.mixSigma() / 2; // the factors have mean 1
        double meanPrompt = p.meanPrompt() * StrictMath.exp(logPrompt - bias);
        double meanGeneration = p.meanGeneration() * StrictMath.exp(logGeneration - bias);
        return new Tick(sum(arrivals, meanPrompt, promptCv), sum(arrivals, meanGeneration, generationCv),
                meanPrompt, meanGeneration);
    }

    /** The tokens of n requests of this mean: n x mean + sqrt(n) x sd x N(0,1), never below 0. */
    private double sum(double n, double mean, double cv) {
        if (n <= 0) {
            return 0;
        }
        return Math.max(0, n * mean + StrictMath.sqrt(n) * mean * cv * Gaussian.next(random));
    }
}
