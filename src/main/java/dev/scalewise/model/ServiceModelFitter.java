package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.policy.StatedCapacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a {@link ServiceModel} from one service's history and its services.yaml entry. Pure function of
 * its inputs (safe inside Spark executors). Settings from services.yaml win over estimates; numbers the
 * data cannot support come back NaN with a note rather than invented. Criteria: docs/replay.md.
 */
public final class ServiceModelFitter {
    /** Signal and occupancy curves need at least this many steps with the signal, load and replicas known. */
    static final int MIN_SIGNAL_SAMPLES = 10;
    /** A utilization line whose value at zero load is below this is misshapen there (LOW). */
    static final double MIN_UTILIZATION_INTERCEPT = -0.05;

    private ServiceModelFitter() {
    }

    /**
     * A history with tokens is modeled in weighted tokens ({@link TokenWork}) unless services.yaml states its
     * capacity in requests; a capacity stated in tokens on a history without them leaves the capacity unknown
     * (there is no token demand to replay).
     */
    public static ServiceModel fit(ServiceHistory history, ServiceSpec spec) {
        StatedCapacity stated = spec.capacity();
        boolean historyTokens = history.llm().hasTokens();
        if (stated.tokens() && !historyTokens) {
            ServiceModel m = fit(history, spec.withCapacity(StatedCapacity.NONE), TokenWork.REQUESTS);
            Fitted none = Fitted.unknown(0, "capacity is stated in tokens/s (services.yaml capacity." + stated.loadKey()
                    + ") but the history of " + history.service() + " has no prompt_tokens and generation_tokens");
            return new ServiceModel(m.service(), m.latency(), m.percentile(), none, none, m.busiestLoadPerReplica(),
                    m.gpuUtil(), m.cpuUtil(), m.memUtil(), m.concurrency(), m.queueDepth(), m.startupSeconds(),
                    m.pricePerReplicaHour(), m.currency(), m.work(), m.more(), m.llmSignals());
        }
        boolean inTokens = historyTokens && (stated.tokens() || !stated.any());
        return fit(history, spec, inTokens ? TokenWork.tokens(stated) : TokenWork.REQUESTS);
    }

    private static ServiceModel fit(ServiceHistory history, ServiceSpec spec, TokenWork work) {
        // the fitters read load from requests: in this view they are the unit of work (weighted tokens or requests)
        ServiceHistory h = work.view(history);
        Slo slo = spec.slo();
        String first = name(slo.metric(), slo.percentile());
        CapacityFitter.Result fitted = CapacityFitter.fit(h, series(h, slo.metric(), slo.percentile()), slo.thresholdMs(),
                first);
        Stated.Serving latency = Stated.serving(fitted, spec.capacity(), slo.thresholdMs(), first);
        List<TargetCurve> more = new ArrayList<>();
        Fitted capacity = latency.capacity();
        for (Slo.Target t : slo.more()) {
            String name = name(t.metric(), t.percentile());
            CapacityFitter.Result r = CapacityFitter.fit(h, series(h, t.metric(), t.percentile()), t.thresholdMs(), name);
            // load-test points for this target replace its fitted curve, as the first target's do
            Stated.Serving s = Stated.serving(r, spec.capacity().forTarget(t.metric()), t.thresholdMs(), name);
            Fitted c = inUnit(s.capacity(), work);
            more.add(new TargetCurve(t, s.curve(), c));
            if (!c.known()) {
                capacity = Fitted.unknown(c.sampleSize(), name + ": " + c.note());
            } else if (capacity.known() && c.value() < capacity.value()) {
                capacity = new Fitted(c.value(), c.sampleSize(), c.basis(), c.confidence(), name + " reaches "
                        + dev.scalewise.Numbers.plain(t.thresholdMs()) + " ms first: " + c.note());
            }
        }
        Fitted startup = spec.startupSeconds().isPresent()
                ? Fitted.stated(spec.startupSeconds().getAsDouble(), "services.yaml startupSeconds")
                : StartupEstimator.estimate(history);
        Fitted price = spec.pricePerReplicaHour().isPresent()
                ? Fitted.stated(spec.pricePerReplicaHour().getAsDouble(), "services.yaml pricePerReplicaHour")
                : priceFromBilling(h);
        Fitted saturation = Stated.saturation(spec.capacity(), capacity,
                SaturationFitter.fit(h, capacity, latency.serviceRps()));
        return new ServiceModel(h.service(), latency.curve(), slo.percentile(), inUnit(capacity, work),
                inUnit(saturation, work), inUnit(latency.busiest(), work),
                signalCurve(h, "gpu_util", h.gpuUtil()),
                signalCurve(h, "cpu_util", h.cpuUtil()),
                signalCurve(h, "mem_util", h.memUtil()),
                concurrency(h, slo.percentile(), latency.curve()),
                occupancy(h, "queue_depth", h.queueDepth()),
                startup, price, h.currency(), work, more,
                new LlmSignalCurves(signalCurve(h, "kv_cache_util", h.llm().kvCacheUtil()),
                        signalCurve(h, "gpu_mem_util", h.llm().gpuMemUtil()),
                        signalCurve(h, "sm_active", h.llm().smActive())));
    }

    /** The fitters word loads as "rps/replica": in a token model they are weighted tokens/s. */
    private static Fitted inUnit(Fitted f, TokenWork work) {
        return work.tokens() ? new Fitted(f.value(), f.sampleSize(), f.basis(), f.confidence(),
                f.note().replace(" rps/replica", " tokens/s/replica")) : f;
    }

    static String pct(Slo.Percentile p) {
        return p.name().toLowerCase(Locale.ROOT);
    }

    /** "p95", or "ttft p95" / "tpot p95" for the LLM targets: how notes name a target's series. */
    static String name(Slo.Metric m, Slo.Percentile p) {
        return m == Slo.Metric.LATENCY ? pct(p) : m.key() + " " + pct(p);
    }

    /** The history's series of a target: end-to-end latency, time to first token or time per output token. */
    public static double[] series(ServiceHistory h, Slo.Metric m, Slo.Percentile p) {
        return switch (m) {
            case LATENCY -> latencySeries(h, p);
            case TTFT -> switch (p) {
                case P50 -> h.llm().ttftP50Ms();
                case P95 -> h.llm().ttftP95Ms();
                case P99 -> h.llm().ttftP99Ms();
            };
            case TPOT -> switch (p) {
                case P50 -> h.llm().tpotP50Ms();
                case P95 -> h.llm().tpotP95Ms();
                case P99 -> h.llm().tpotP99Ms();
            };
        };
    }

    /** The history's end-to-end latency series for a percentile. */
    public static double[] latencySeries(ServiceHistory h, Slo.Percentile p) {
        return switch (p) {
            case P50 -> h.p50Ms();
            case P95 -> h.p95Ms();
            case P99 -> h.p99Ms();
        };
    }

    /** Cost attributed in billing over the replica-hours observed in the same steps. */
    static Fitted priceFromBilling(ServiceHistory h) {
        double cost = 0;
        double replicaHours = 0;
        long steps = 0;
        for (int i = 0; i < h.steps(); i++) {
            double c = h.cost()[i];
            double r = h.replicas()[i];
            if (Double.isFinite(c) && Double.isFinite(r)) {
                cost += c;
                replicaHours += r * h.stepSeconds() / 3600.0;
                steps++;
            }
        }
        if (!(replicaHours > 0)) {
            return Fitted.unknown(steps, "no billing cost over observed replica-hours; "
                    + "set pricePerReplicaHour in services.yaml");
        }
        return Fitted.measured(cost / replicaHours, steps, String.format(Locale.ROOT,
                "billing %.2f %s over %.1f observed replica-hours (%d steps)", cost, h.currency(), replicaHours, steps));
    }

    /**
     * Least-squares line of a utilization (per pod, 0..1) against load per replica, clamped to [0, 1];
     * HIGH by {@link FitQuality} and a value at zero load not below {@link #MIN_UTILIZATION_INTERCEPT}.
     */
    static SignalCurve signalCurve(ServiceHistory h, String name, double[] series) {
        LeastSquares line = new LeastSquares();
        double[] x = new double[h.steps()];
        int m = 0;
        for (int i = 0; i < h.steps(); i++) {
            double r = h.replicas()[i];
            double req = h.requests()[i];
            double v = series[i];
            if (r > 0 && Double.isFinite(r + req + v)) {
                x[m++] = req / h.stepSeconds() / r;
                line.add(x[m - 1], v, 1);
            }
        }
        if (line.count() < MIN_SIGNAL_SAMPLES) {
            return SignalCurve.unknown(name, line.count(), String.format(Locale.ROOT,
                    "too little data: %d steps with %s, requests and replicas; need %d",
                    line.count(), name, MIN_SIGNAL_SAMPLES));
        }
        double slope = line.slope();
        if (Double.isNaN(slope)) {
            slope = 0;
        }
        double intercept = line.intercept();
        List<String> more = new ArrayList<>();
        if (intercept < MIN_UTILIZATION_INTERCEPT) {
            more.add(String.format(Locale.ROOT, "the line is %.2f at zero load (not a straight line there)", intercept));
        }
        FitQuality q = new FitQuality(line.count(), line.rSquared(), FitQuality.spread(x, m));
        return new SignalCurve(name, intercept, slope, 0, 1, line.count(), q.confidence(more),
                "least squares " + q.describe(more));
    }

    /**
     * In-flight requests per replica: fitted to the in-flight data where history has them, else Little's
     * law on the median latency curve (if history has p50 latency) or on the SLO percentile's curve.
     */
    static OccupancyCurve concurrency(ServiceHistory h, Slo.Percentile percentile, LatencyCurve sloCurve) {
        OccupancyCurve observed = occupancy(h, "concurrency", h.inFlight());
        if (observed.known()) {
            return observed;
        }
        if (percentile != Slo.Percentile.P50) {
            CapacityFitter.Points median = CapacityFitter.Points.of(h, h.p50Ms());
            if (median.flatCurve().isPresent()) {
                return new OccupancyCurve("concurrency", median.flatCurve().get(), OccupancyCurve.Source.LITTLES_LAW,
                        median.m(), Confidence.LOW, "Little's law with the median (p50) latency "
                        + "curve: the history has no in-flight data (" + observed.note() + "); a low estimate when "
                        + "latency is skewed (the mean is above the median)");
            }
        }
        return new OccupancyCurve("concurrency", sloCurve, OccupancyCurve.Source.LITTLES_LAW, 0, Confidence.LOW,
                "Little's law with the " + pct(percentile) + " latency curve: the history has no in-flight or median "
                        + "latency data (" + observed.note() + "); a high estimate (the mean is below a high percentile)");
    }

    /**
     * Requests in the system (or waiting) per replica as load x a non-decreasing time per request, fitted
     * to a service-total series divided by the ready replicas. Steps where requests waited on every replica
     * are left out: their backlog depends on how long an overload lasted, not on the load (the replay's
     * fluid backlog carries it).
     */
    static OccupancyCurve occupancy(ServiceHistory h, String name, double[] series) {
        int n = h.steps();
        double[] x = new double[n];
        double[] timeMs = new double[n];
        double[] perReplica = new double[n];
        int m = 0;
        double maxX = 0;
        for (int i = 0; i < n; i++) {
            double r = h.replicas()[i];
            double req = h.requests()[i];
            double v = series[i];
            if (r > 0 && req > 0 && Double.isFinite(r + req + v) && !SaturationFitter.saturated(h, i)) {
                x[m] = req / h.stepSeconds() / r;
                perReplica[m] = v / r;
                timeMs[m] = perReplica[m] / x[m] * 1000;
                maxX = Math.max(maxX, x[m]);
                m++;
            }
        }
        if (m < MIN_SIGNAL_SAMPLES) {
            return OccupancyCurve.unknown(name, m, String.format(Locale.ROOT,
                    "too little data: %d steps with %s, requests and replicas; need %d", m, name, MIN_SIGNAL_SAMPLES));
        }
        LatencyCurve time = BinnedCurve.of(x, timeMs, m, maxX).curve(Double.POSITIVE_INFINITY);
        double[] predicted = new double[m];
        for (int i = 0; i < m; i++) {
            predicted[i] = x[i] * time.latencyMs(x[i]) * 0.001;
        }
        FitQuality q = new FitQuality(m, rSquared(perReplica, predicted, m), FitQuality.spread(x, m));
        return new OccupancyCurve(name, time, OccupancyCurve.Source.OBSERVED, m, q.confidence(List.of()),
                "load x a non-decreasing time per request, fitted to the observed " + name + " "
                        + q.describe(List.of()));
    }

    /** 1 - residual / total sum of squares of observed against predicted; 1 when the observed do not vary. */
    static double rSquared(double[] observed, double[] predicted, int m) {
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += observed[i];
        }
        mean /= m;
        double total = 0;
        double residual = 0;
        for (int i = 0; i < m; i++) {
            total += (observed[i] - mean) * (observed[i] - mean);
            residual += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
        }
        return total <= 1e-12 * Math.max(1, mean * mean * m) ? 1 : 1 - residual / total;
    }
}
