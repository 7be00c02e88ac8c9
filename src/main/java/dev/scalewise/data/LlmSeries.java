package dev.scalewise.data;

import java.util.Arrays;
import java.util.List;

/**
 * What an LLM server (vLLM, TGI, SGLang, TensorRT-LLM) and DCGM's memory and profiling fields add to a
 * service's history, aligned like the rest of {@link ServiceHistory}: index i is the same step. NaN marks
 * an unknown value; a history from exports without these columns has them all NaN.
 *
 * @param promptTokens     prompt tokens prefilled in the step, whole service (count)
 * @param generationTokens output tokens generated in the step, whole service (count)
 * @param ttftP50Ms        time to first token, median, ms (likewise p95, p99)
 * @param tpotP50Ms        time per output token after the first, median, ms (likewise p95, p99)
 * @param smActive         share of SM cycles with a warp active, mean over the service's GPUs, 0..1
 * @param kvCacheUtil      share of the server's KV-cache blocks in use, mean over replicas, 0..1
 * @param gpuMemUtil       frame-buffer memory used / total, mean over the service's GPUs, 0..1
 */
public record LlmSeries(double[] promptTokens, double[] generationTokens, double[] ttftP50Ms, double[] ttftP95Ms,
                        double[] ttftP99Ms, double[] tpotP50Ms, double[] tpotP95Ms, double[] tpotP99Ms,
                        double[] smActive, double[] kvCacheUtil, double[] gpuMemUtil) {
    /** Names of the series in component order (the contract's column names). */
    public static final List<String> NAMES = List.of("prompt_tokens", "generation_tokens", "ttft_p50_ms",
            "ttft_p95_ms", "ttft_p99_ms", "tpot_p50_ms", "tpot_p95_ms", "tpot_p99_ms", "sm_active", "kv_cache_util",
            "gpu_mem_util");

    public LlmSeries {
        int n = promptTokens.length;
        for (double[] a : all(promptTokens, generationTokens, ttftP50Ms, ttftP95Ms, ttftP99Ms, tpotP50Ms, tpotP95Ms,
                tpotP99Ms, smActive, kvCacheUtil, gpuMemUtil)) {
            if (a.length != n) {
                throw new IllegalArgumentException("every LLM series must have " + n + " steps, found " + a.length);
            }
        }
    }

    /** Every series unknown: a service whose exports have no LLM columns. */
    public static LlmSeries unknown(int steps) {
        double[][] s = new double[NAMES.size()][steps];
        for (double[] a : s) {
            Arrays.fill(a, Double.NaN);
        }
        return of(s);
    }

    /** From the series in {@link #NAMES} order. */
    public static LlmSeries of(double[][] s) {
        if (s.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " LLM series, found " + s.length);
        }
        return new LlmSeries(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10]);
    }

    /** The series in {@link #NAMES} order (the arrays themselves, not copies). */
    public double[][] series() {
        return all(promptTokens, generationTokens, ttftP50Ms, ttftP95Ms, ttftP99Ms, tpotP50Ms, tpotP95Ms, tpotP99Ms,
                smActive, kvCacheUtil, gpuMemUtil);
    }

    /** True when at least one step knows both its prompt and its generated tokens. */
    public boolean hasTokens() {
        for (int i = 0; i < promptTokens.length; i++) {
            if (Double.isFinite(promptTokens[i]) && Double.isFinite(generationTokens[i])) {
                return true;
            }
        }
        return false;
    }

    LlmSeries slice(int from, int to) {
        double[][] s = series();
        for (int k = 0; k < s.length; k++) {
            s[k] = Arrays.copyOfRange(s[k], from, to);
        }
        return of(s);
    }

    /** Token counts multiplied by {@code factor} (more requests of the same mix); the rest as it is. */
    LlmSeries withDemandScaled(double factor) {
        double[][] s = series();
        s[0] = scaled(promptTokens, factor);
        s[1] = scaled(generationTokens, factor);
        return of(s);
    }

    private static double[] scaled(double[] a, double factor) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    private static double[][] all(double[]... series) {
        return series;
    }
}
