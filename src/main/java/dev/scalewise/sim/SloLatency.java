package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.Slo;

import java.util.List;

/**
 * The latency a step is judged on, modeled or observed. With one SLO target it is that target's latency; with
 * several (an LLM service holding end-to-end latency, time to first token and time per output token) it is the
 * worst of them on the first target's scale ({@link Slo#onFirstScale}), so one threshold, the first, decides
 * for all: a minute breaches when any target does.
 */
final class SloLatency {
    private final LatencyCurve first;
    private final boolean firstQueues;
    private final LatencyCurve[] more;
    private final boolean[] moreQueues;
    private final double[] scale;

    SloLatency(ServiceModel model, Slo slo) {
        if (model.more().size() != slo.more().size()) {
            throw new IllegalArgumentException("the model of " + model.service() + " has " + model.more().size()
                    + " further SLO targets, the SLO " + slo.more().size());
        }
        this.first = model.latency();
        this.firstQueues = slo.metric().includesQueueing();
        int n = slo.more().size();
        this.more = new LatencyCurve[n];
        this.moreQueues = new boolean[n];
        this.scale = new double[n];
        for (int k = 0; k < n; k++) {
            Slo.Target t = slo.more().get(k);
            more[k] = model.more().get(k).curve();
            moreQueues[k] = t.metric().includesQueueing();
            scale[k] = slo.onFirstScale(t, 1);
        }
    }

    /** Whether the SLO has several targets, so that each one's breach minutes are counted apart. */
    boolean severalTargets() {
        return more.length > 0;
    }

    /** Each target's own latency at {@code load} (ms, on its own scale) into {@code out}, the first target first. */
    void eachTarget(double load, double queueDelayMs, double[] out) {
        out[0] = first.latencyMs(load) + (firstQueues ? queueDelayMs : 0);
        for (int k = 0; k < more.length; k++) {
            out[k + 1] = more[k].latencyMs(load) + (moreQueues[k] ? queueDelayMs : 0);
        }
    }

    /** Every target's curve at {@code load}, plus {@code queueDelayMs} for the targets waiting delays (not TPOT). */
    double at(double load, double queueDelayMs) {
        double ms = first.latencyMs(load) + (firstQueues ? queueDelayMs : 0);
        for (int k = 0; k < more.length; k++) {
            ms = Math.max(ms, (more[k].latencyMs(load) + (moreQueues[k] ? queueDelayMs : 0)) * scale[k]);
        }
        return ms;
    }

    /** Per target (the first first) and step, the history's latency of that target on its own scale; NaN where unknown. */
    static double[][] observedTargets(ServiceHistory h, Slo slo) {
        List<Slo.Target> targets = slo.targets();
        double[][] out = new double[targets.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = ServiceModelFitter.series(h, targets.get(k).metric(), targets.get(k).percentile());
        }
        return out;
    }

    /** Per step, the worst target the history knows, on the first target's scale; NaN where it knows none. */
    static double[] observed(ServiceHistory h, Slo slo) {
        List<Slo.Target> targets = slo.targets();
        double[] out = ServiceModelFitter.series(h, slo.metric(), slo.percentile()).clone();
        for (Slo.Target t : targets.subList(1, targets.size())) {
            double[] s = ServiceModelFitter.series(h, t.metric(), t.percentile());
            for (int i = 0; i < out.length; i++) {
                if (Double.isFinite(s[i])) {
                    double ms = slo.onFirstScale(t, s[i]);
                    out[i] = Double.isFinite(out[i]) ? Math.max(out[i], ms) : ms;
                }
            }
        }
        return out;
    }
}
