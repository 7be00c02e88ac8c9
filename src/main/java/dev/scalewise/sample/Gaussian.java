package dev.scalewise.sample;

import java.util.SplittableRandom;

/**
 * Normal and Poisson-like draws from a {@link SplittableRandom}, with {@link StrictMath} so the numbers
 * (and the Parquet bytes) do not depend on the JVM's intrinsics.
 */
final class Gaussian {
    private Gaussian() {
    }

    /** Standard normal by Box-Muller (one of the pair; simplicity over speed). */
    static double next(SplittableRandom random) {
        double u1 = 1 - random.nextDouble(); // (0, 1]: log stays finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /**
     * A count with mean {@code mean}: exact Poisson (Knuth) for small means, the normal approximation
     * (mean + sqrt(mean) x N(0,1), rounded, at least 0) above 30 where it is indistinguishable.
     */
    static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, StrictMath.round(mean + StrictMath.sqrt(mean) * next(random)));
        }
        double limit = StrictMath.exp(-mean);
        long k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    /** Binomial(n, p) by its normal approximation, clamped to [0, n]. */
    static long binomial(SplittableRandom random, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        double mean = n * p;
        double sd = StrictMath.sqrt(mean * (1 - Math.min(p, 1)));
        return Math.max(0, Math.min(n, StrictMath.round(mean + sd * next(random))));
    }
}
