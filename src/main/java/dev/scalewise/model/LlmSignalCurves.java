package dev.scalewise.model;

/**
 * The LLM server's and GPU memory's signals per replica against load, fitted like {@link SignalCurve}s of GPU
 * utilization: the KV-cache usage (what bounds a continuous batch, and what KV-cache-driven HPAs scale on),
 * frame-buffer memory used / total (flat under vLLM, which preallocates its cache) and SM activity.
 */
public record LlmSignalCurves(SignalCurve kvCacheUtil, SignalCurve gpuMemUtil, SignalCurve smActive) {
    /** None of them known. */
    public static LlmSignalCurves unknown(String why) {
        return new LlmSignalCurves(SignalCurve.unknown("kv_cache_util", 0, why),
                SignalCurve.unknown("gpu_mem_util", 0, why), SignalCurve.unknown("sm_active", 0, why));
    }
}
