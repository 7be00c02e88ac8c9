package dev.scalewise.model;

/**
 * A utilization signal (GPU, CPU, memory) per replica as a clamped straight line in the load per replica: {@code clamp(intercept + slope * rpsPerReplica, min, max)}. NaN everywhere when
 * the history did not carry the signal.
 */
public record SignalCurve(String signal, double intercept, double slope, double min, double max,
                          long sampleSize, Confidence confidence, String note) {

    public static SignalCurve unknown(String signal, long sampleSize, String why) {
        return new SignalCurve(signal, Double.NaN, Double.NaN, 0, 0, sampleSize, Confidence.LOW, why);
    }

    public double at(double rpsPerReplica) {
        double v = intercept + slope * rpsPerReplica;
        return v < min ? min : Math.min(v, max);
    }

    public boolean known() {
        return !Double.isNaN(intercept);
    }
}
