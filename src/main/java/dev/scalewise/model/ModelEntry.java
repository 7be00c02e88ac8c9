package dev.scalewise.model;

import dev.scalewise.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One number of a {@link ServiceModel} as outputs show it (replay, calibrate, the HTML report): what it
 * is, its value, what kind of number it is and how far to trust it.
 *
 * @param parameter  what the number is, with its unit ("capacity per replica (rps at the SLO)")
 * @param value      the value as text ("0.0590", "0.0364 + 3.17 x rps", "unknown")
 * @param basis      measured, lower bound, extrapolated, stated, default, observed, Little's law, unknown
 * @param confidence high, low or default
 * @param samples    observations it rests on
 * @param note       how it was obtained
 */
public record ModelEntry(String parameter, String value, String basis, String confidence, long samples, String note) {

    /** Every number of the model, in a fixed order. */
    public static List<ModelEntry> of(ServiceModel m) {
        List<ModelEntry> out = new ArrayList<>();
        String rps = m.work().rateUnit();
        if (m.work().tokens()) {
            out.add(fitted("prompt token weight (generated tokens per prompt token)", m.work().promptWeight()));
        }
        out.add(fitted("capacity per replica (" + rps + " at the SLO)", m.capacityPerReplica()));
        out.add(fitted("saturation per replica (" + rps + " a backlog drains at)", m.saturationPerReplica()));
        out.add(fitted("busiest load per replica with known latency (" + rps + ")", m.busiestLoadPerReplica()));
        out.add(fitted("startup seconds", m.startupSeconds()));
        out.add(fitted("price per replica-hour (" + m.currency() + ")", m.pricePerReplicaHour()));
        List<SignalCurve> signals = new ArrayList<>(List.of(m.gpuUtil(), m.cpuUtil(), m.memUtil()));
        LlmSignalCurves llm = m.llmSignals();
        List.of(llm.kvCacheUtil(), llm.gpuMemUtil(), llm.smActive()).stream().filter(SignalCurve::known)
                .forEach(signals::add); // shown only where the history has them (LLM servers)
        for (SignalCurve c : signals) {
            out.add(new ModelEntry(c.signal() + " per replica", c.known()
                    ? Numbers.readable(c.intercept()) + " + " + Numbers.readable(c.slope()) + " x " + rps : "unknown",
                    c.known() ? "measured" : "unknown", lower(c.confidence()), c.sampleSize(), c.note()));
        }
        for (OccupancyCurve c : List.of(m.concurrency(), m.queueDepth())) {
            out.add(new ModelEntry(c.signal() + " per replica", c.known()
                    ? rps + " x " + Numbers.readable(c.timeMs().latencyMs(0)) + " ms (at 0 " + rps + ") .. "
                    + Numbers.readable(c.timeMs().latencyMs(m.busiestLoadPerReplica().value())) + " ms (at the busiest load)"
                    : "unknown", c.source().label(), lower(c.confidence()), c.sampleSize(), c.note()));
        }
        return out;
    }

    private static ModelEntry fitted(String name, Fitted f) {
        return new ModelEntry(name, f.known() ? Numbers.readable(f.value()) : "unknown",
                f.basis().label(), lower(f.confidence()), f.sampleSize(), f.note());
    }

    private static String lower(Confidence c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
