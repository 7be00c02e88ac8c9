package dev.scalewise.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalewise.backtest.PolicyId;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.recommend.Recommendation;
import dev.scalewise.sim.AsRun;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.ReplayResult;
import dev.scalewise.sim.autoscaler.PolicyReplay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One service's page of the HTML report as JSON (the page's script draws it): demand and replicas over
 * time (observed, each policy replayed, each recommendation replayed), modeled and observed latency
 * against the SLO threshold, breach and cold-start marks, cost per 1k per day, each policy's Pareto
 * frontier with the current and recommended settings, and the fitted latency curve over the observed
 * points. Series are reduced to min/max per time bucket ({@link Buckets}); figures that are fitted,
 * modeled or stated say so in the pane's notes. A pure function of its inputs (runs in executors).
 */
public final class ServicePane {
    /** At most this many time buckets per series: zooming to a tenth of 90 days still has a bucket per pixel. */
    static final int MAX_BUCKETS = 3000;
    /**
     * Observed points kept for the latency scatter: one per cell of this grid, linear in load and
     * logarithmic in latency (which spans orders of magnitude), so outliers stay and the bulk is not
     * folded into a few cells.
     */
    static final int GRID_X = 120;
    static final int GRID_Y = 80;
    /** Points of the fitted curve drawn. */
    static final int CURVE_POINTS = 80;
    /** Digits kept for drawing (the fleet table's figures are not rounded). */
    private static final MathContext DRAWN = new MathContext(4);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One policy of the service with, when recommend ran, its recommendation. */
    public record Entry(PolicySpec policy, Optional<Recommendation> recommendation) {
    }

    private ServicePane() {
    }

    /**
     * @param model the model the replays use: fitted on the training part when recommending (the
     *              recommendation's own), on the whole history for a backtest
     * @param holdoutStartStep first step of the held-out part, or -1 when nothing was held out
     */
    public static ObjectNode build(ServiceHistory h, ServiceSpec spec, ServiceModel model, List<Entry> entries,
                                   int holdoutStartStep) {
        long start = h.start().getEpochSecond();
        int step = h.stepSeconds();
        long span = (long) h.steps() * step;
        int bucket = bucketSeconds(span, step);
        int count = (int) Math.max(1, (span + bucket - 1) / bucket);
        Slo slo = spec.slo();

        ObjectNode pane = MAPPER.createObjectNode();
        pane.put("service", h.service());
        pane.put("start", start);
        pane.put("bucketSeconds", bucket);
        pane.put("buckets", count);
        pane.put("stepSeconds", step);
        pane.put("currency", model.currency());
        if (holdoutStartStep >= 0) {
            pane.put("holdoutStart", start + (long) holdoutStartStep * step);
        }
        ObjectNode sloNode = pane.putObject("slo");
        sloNode.put("percentile", slo.percentile().name().toLowerCase(Locale.ROOT));
        sloNode.put("thresholdMs", slo.thresholdMs());
        sloNode.put("objective", slo.objective());

        ArrayNode replicas = pane.putArray("replicas");
        ArrayNode latency = pane.putArray("latency");
        ArrayNode daily = pane.putArray("daily");
        ArrayNode frontiers = pane.putArray("frontiers");
        ArrayNode totals = pane.putArray("totals");

        // observed
        double[] observedLatency = ServiceModelFitter.series(h, slo.metric(), slo.percentile());
        Buckets demand = new Buckets(start, bucket, count);
        Buckets obsReplicas = new Buckets(start, bucket, count);
        Buckets obsLatency = new Buckets(start, bucket, count);
        Buckets obsBreach = new Buckets(start, bucket, count);
        Buckets obsCold = new Buckets(start, bucket, count);
        for (int i = 0; i < h.steps(); i++) {
            long t = start + (long) i * step;
            double req = h.requests()[i];
            demand.add(t, req / step);
            obsReplicas.add(t, h.replicas()[i]);
            obsLatency.add(t, req > 0 ? observedLatency[i] : Double.NaN);
            if (req > 0 && slo.breachedBy(observedLatency[i])) {
                obsBreach.addSeconds(t, step);
            }
            if (req > 0 && h.replicas()[i] == 0) {
                obsCold.addSeconds(t, step);
            }
        }
        pane.set("demand", series("demand", "observed", demand));
        replicas.add(series(AsRun.POLICY, "observed", obsReplicas).<ObjectNode>set("breach", values(obsBreach.max()))
                .set("cold", values(obsCold.max())));
        latency.add(series("observed " + slo.percentile().name().toLowerCase(Locale.ROOT), "observed", obsLatency));
        ReplayResult observed = AsRun.outcomes(h, model, spec);
        ArrayNode days = pane.putArray("days");
        observed.days().forEach(d -> days.add(d.periodStart().getEpochSecond()));
        daily.add(daily(AsRun.POLICY, "observed", observed));
        totals.add(total(AsRun.POLICY, "observed", observed.total()));

        for (Entry e : entries) {
            String label = PolicyId.of(e.policy()).label();
            replay(label, "current", e.policy(), h, model, spec, start, bucket, count, replicas, latency, daily, totals);
            Optional<Recommendation.Evidence> ev = e.recommendation().flatMap(Recommendation::evidence);
            if (ev.isPresent() && e.recommendation().get().status() != Recommendation.Status.CANNOT_RECOMMEND) {
                replay(label + " recommended", "recommended", ev.get().chosen(), h, model, spec, start, bucket, count,
                        replicas, latency, daily, totals);
                frontiers.add(frontier(label, e.recommendation().get(), ev.get()));
            }
        }
        pane.set("latencyFit", latencyFit(h, observedLatency, model, slo));
        pane.set("model", modelNotes(model));
        return pane;
    }

    /** Bucket width: the step, or a whole number of steps keeping at most {@link #MAX_BUCKETS} buckets. */
    static int bucketSeconds(long spanSeconds, int step) {
        long steps = Math.max(1, (spanSeconds + step - 1) / step);
        long perBucket = Math.max(1, (steps + MAX_BUCKETS - 1) / MAX_BUCKETS);
        return (int) (perBucket * step);
    }

    private static void replay(String label, String kind, PolicySpec policy, ServiceHistory h, ServiceModel model,
                               ServiceSpec spec, long start, int bucket, int count, ArrayNode replicas,
                               ArrayNode latency, ArrayNode daily, ArrayNode totals) {
        PaneRecorder rec = new PaneRecorder(start, bucket, count);
        ReplayResult r;
        try {
            r = PolicyReplay.run(policy, h, model, spec, ReplayOptions.of(label).withTimeline(rec,
                    dev.scalewise.policy.Signal.RPS));
        } catch (IllegalArgumentException | dev.scalewise.UserError e) {
            // the table says why a policy cannot be replayed; the charts leave it out
            return;
        }
        rec.finish(start + (long) h.steps() * h.stepSeconds());
        replicas.add(series(label, kind, rec.replicas).<ObjectNode>set("breach", values(rec.breach.max()))
                .set("cold", values(rec.cold.max())));
        latency.add(series(label + " (modeled)", kind, rec.latency));
        daily.add(daily(label, kind, r));
        totals.add(total(label, kind, r.total()));
    }

    private static ObjectNode series(String name, String kind, Buckets b) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("name", name);
        s.put("kind", kind);
        s.set("min", values(b.min()));
        s.set("max", values(b.max()));
        return s;
    }

    private static ObjectNode daily(String name, String kind, ReplayResult r) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("name", name);
        d.put("kind", kind);
        ArrayNode v = d.putArray("costPer1k");
        r.days().forEach(o -> number(v, o.costPer1k()));
        return d;
    }

    /** Totals over the whole history (replayed with the pane's model): the charts' legend figures. */
    private static ObjectNode total(String name, String kind, Outcome o) {
        ObjectNode t = MAPPER.createObjectNode();
        t.put("name", name);
        t.put("kind", kind);
        t.put("costPer1k", o.costPer1k());
        t.put("cost", o.cost());
        t.put("breachMinutes", o.breachMinutes());
        t.put("coldStartMinutes", o.coldStartMinutes());
        t.put("budgetBurn", o.budgetBurn());
        return t;
    }

    private static ObjectNode frontier(String label, Recommendation rec, Recommendation.Evidence ev) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("policy", label);
        f.put("status", rec.status().name().toLowerCase(Locale.ROOT));
        f.put("binding", rec.explanation());
        f.put("reason", rec.reason());
        ArrayNode points = f.putArray("points");
        for (Recommendation.FrontierPoint p : ev.frontier()) {
            ObjectNode n = points.addObject();
            n.put("costPer1k", p.costPer1k());
            n.put("breachMinutes", p.breachMinutes());
            n.put("budgetBurn", p.budgetBurn());
            n.put("days", p.days());
            n.put("meets", p.meetsObjective());
            StringBuilder knobs = new StringBuilder();
            p.knobs().forEach((k, v) -> knobs.append(knobs.length() == 0 ? "" : ", ").append(k).append(' ')
                    .append(dev.scalewise.Numbers.plain(v)));
            n.put("knobs", knobs.toString());
        }
        f.put("trainDays", ev.train().recommended().days());
        f.set("current", point(ev.train().current()));
        f.set("recommended", point(ev.train().recommended()));
        return f;
    }

    private static ObjectNode point(Outcome o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("costPer1k", o.costPer1k());
        n.put("breachMinutes", o.breachMinutes());
        n.put("budgetBurn", o.budgetBurn());
        return n;
    }

    /**
     * Observed (load per replica, latency) points, one per occupied cell of a grid so outliers stay,
     * and the fitted curve from 0 to past the larger of the busiest load seen and the fitted capacity.
     */
    private static ObjectNode latencyFit(ServiceHistory h, double[] lat, ServiceModel model, Slo slo) {
        ObjectNode fit = MAPPER.createObjectNode();
        int n = h.steps();
        double maxX = 0;
        double maxY = 0;
        double minY = Double.POSITIVE_INFINITY;
        long samples = 0;
        for (int i = 0; i < n; i++) {
            double x = loadPerReplica(h, i);
            if (x > 0 && lat[i] > 0 && Double.isFinite(x + lat[i])) {
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, lat[i]);
                minY = Math.min(minY, lat[i]);
                samples++;
            }
        }
        double logSpan = Math.max(1e-9, Math.log(maxY / minY));
        fit.put("samples", samples);
        fit.put("thresholdMs", slo.thresholdMs());
        ArrayNode points = fit.putArray("points");
        if (samples > 0) {
            boolean[] seen = new boolean[GRID_X * GRID_Y];
            for (int i = 0; i < n; i++) {
                double x = loadPerReplica(h, i);
                if (!(x > 0 && lat[i] > 0 && Double.isFinite(x + lat[i]))) {
                    continue;
                }
                int cx = (int) Math.min(GRID_X - 1, x / maxX * GRID_X);
                int cy = (int) Math.min(GRID_Y - 1, Math.log(lat[i] / minY) / logSpan * GRID_Y);
                if (!seen[cx * GRID_Y + cy]) {
                    seen[cx * GRID_Y + cy] = true;
                    ArrayNode p = points.addArray();
                    number(p, x);
                    number(p, lat[i]);
                }
            }
        }
        Fitted capacity = model.capacityPerReplica();
        double right = Math.max(maxX, capacity.known() && Double.isFinite(capacity.value()) ? capacity.value() : 0) * 1.15;
        ArrayNode curve = fit.putArray("curve");
        LatencyCurve c = model.latency();
        for (int i = 0; i <= CURVE_POINTS && right > 0; i++) {
            double x = right * i / CURVE_POINTS;
            double y = c.latencyMs(x);
            if (Double.isFinite(y) && y <= 3 * Math.max(slo.thresholdMs(), maxY)) {
                ArrayNode p = curve.addArray();
                number(p, x);
                number(p, y);
            }
        }
        fit.put("busiestObserved", maxX);
        fit.set("capacity", fitted(capacity));
        return fit;
    }

    private static double loadPerReplica(ServiceHistory h, int i) {
        double r = h.replicas()[i];
        double req = h.requests()[i];
        return r > 0 && req > 0 ? req / h.stepSeconds() / r : Double.NaN;
    }

    /** The model's figures with what each is (measured, lower bound, extrapolated, stated, default) and how it was obtained. */
    private static ArrayNode modelNotes(ServiceModel m) {
        ArrayNode a = MAPPER.createArrayNode();
        a.add(fitted(m.capacityPerReplica()).put("name", "capacity per replica (rps at the SLO)"));
        a.add(fitted(m.saturationPerReplica()).put("name", "saturation per replica (rps a backlog drains at)"));
        if (Double.isFinite(m.busiestLoadPerReplica().value())) {
            a.add(fitted(m.busiestLoadPerReplica()).put("name", "busiest load per replica with known latency (rps)"));
        }
        a.add(fitted(m.startupSeconds()).put("name", "startup seconds"));
        a.add(fitted(m.pricePerReplicaHour()).put("name", "price per replica-hour (" + m.currency() + ")"));
        return a;
    }

    private static ObjectNode fitted(Fitted f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("value", f.value());
        n.put("samples", f.sampleSize());
        n.put("basis", f.basis().label());
        n.put("confidence", f.confidence().name().toLowerCase(Locale.ROOT));
        n.put("note", f.note());
        return n;
    }

    private static ArrayNode values(double[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double x : v) {
            number(a, x);
        }
        return a;
    }

    /** Finite values at {@link #DRAWN} digits (a chart shows no more), others as null. */
    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(drawn(v));
        } else {
            a.addNull();
        }
    }

    private static BigDecimal drawn(double v) {
        BigDecimal b = new BigDecimal(v).round(DRAWN).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
