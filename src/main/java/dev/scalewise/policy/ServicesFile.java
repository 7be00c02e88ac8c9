package dev.scalewise.policy;

import dev.scalewise.Numbers;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * services.yaml: per service its SLO, startup time, price override and whether it is latency-critical.
 * <pre>
 * services:
 *   llm-chat:
 *     slo: {latency: p95, thresholdMs: 2500, objective: 99.5}   # objective: 0.995 or 99.5 (%)
 *     startupSeconds: 240
 *     pricePerReplicaHour: 4.10
 *     latencyCritical: true
 *     requestTimeoutSeconds: 60     # clients give up after waiting this long in the queue
 * </pre>
 * Also accepted: {@code services:} as a list of entries with {@code name:}, and {@code kind: Services}.
 * Defaults: an absent slo (or slo field) takes {@link Slo#DEFAULT} (p95, 1000 ms, 0.99); startup and
 * price default to "estimate from data"; latencyCritical defaults to true (the safe side: no
 * scale-to-zero recommendations); no requestTimeoutSeconds means requests wait until served. Unknown keys are errors: a typo must not silently become a default.
 */
public final class ServicesFile {
    private static final Set<String> SERVICE_KEYS =
            Set.of("name", "slo", "startupSeconds", "pricePerReplicaHour", "latencyCritical", "requestTimeoutSeconds");
    private static final Set<String> SLO_KEYS = Set.of("latency", "thresholdMs", "objective");

    private ServicesFile() {
    }

    public static Map<String, ServiceSpec> load(String path) {
        return fromDocs(SafeYaml.load(path));
    }

    public static Map<String, ServiceSpec> fromDocs(List<YamlDoc> docs) {
        Map<String, ServiceSpec> out = new LinkedHashMap<>();
        for (YamlDoc doc : docs) {
            if (doc.root().isMapping()) {
                fromDoc(doc, out);
            }
        }
        return out;
    }

    static void fromDoc(YamlDoc doc, Map<String, ServiceSpec> out) {
        YNode services = doc.root().has("services") ? doc.root().get("services") : doc.root().get("spec").get("services");
        if (services.isMapping()) {
            services.entries().forEach((name, entry) -> add(out, entry, name));
        } else if (services.isSequence()) {
            for (YNode entry : services.items()) {
                add(out, entry, entry.get("name").requireText());
            }
        } else {
            throw services.error("expected services: a mapping from service name to its settings");
        }
    }

    private static void add(Map<String, ServiceSpec> out, YNode entry, String name) {
        if (out.containsKey(name)) {
            throw entry.error("service '" + name + "' is defined twice");
        }
        out.put(name, service(entry, name));
    }

    static ServiceSpec service(YNode e, String name) {
        NativeReader.onlyKeys(e, SERVICE_KEYS);
        Slo slo = slo(e.get("slo"));
        OptionalDouble startup = nonNegative(e.get("startupSeconds"));
        OptionalDouble price = nonNegative(e.get("pricePerReplicaHour"));
        boolean critical = e.get("latencyCritical").optBool().orElse(true);
        YNode timeoutNode = e.get("requestTimeoutSeconds");
        OptionalDouble timeout = nonNegative(timeoutNode);
        if (timeout.isPresent() && timeout.getAsDouble() == 0) {
            throw timeoutNode.error("requestTimeoutSeconds must be positive (leave it out for no timeout), found 0");
        }
        return new ServiceSpec(name, slo, startup, price, critical, timeout);
    }

    static Slo slo(YNode s) {
        if (s.isMissing()) {
            return Slo.DEFAULT;
        }
        NativeReader.onlyKeys(s, SLO_KEYS);
        YNode latencyNode = s.get("latency");
        Slo.Percentile p = latencyNode.text().map(t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "p50" -> Slo.Percentile.P50;
            case "p95" -> Slo.Percentile.P95;
            case "p99" -> Slo.Percentile.P99;
            default -> throw latencyNode.error("expected p50, p95 or p99, found '" + t + "'");
        }).orElse(Slo.DEFAULT.percentile());
        YNode thresholdNode = s.get("thresholdMs");
        double threshold = thresholdNode.asDouble(Slo.DEFAULT.thresholdMs());
        if (threshold <= 0) {
            throw thresholdNode.error("thresholdMs must be positive, found " + Numbers.plain(threshold));
        }
        return new Slo(p, threshold, objective(s.get("objective")));
    }

    /** 0 < x < 1 as a share, or 1 < x < 100 as a percent (99.5 = 0.995). 1 and 100 leave no error budget. */
    static double objective(YNode n) {
        double v = n.asDouble(Slo.DEFAULT.objective());
        if (v > 1 && v < 100) {
            return v / 100;
        }
        if (v > 0 && v < 1) {
            return v;
        }
        throw n.error("objective must be a share between 0 and 1 (0.995) or a percent below 100 (99.5), found "
                + Numbers.plain(v) + (v == 1 || v == 100 ? ": 100 % leaves no error budget" : ""));
    }

    private static OptionalDouble nonNegative(YNode n) {
        if (n.optDouble().isEmpty()) {
            return OptionalDouble.empty();
        }
        double v = n.optDouble().get();
        if (v < 0) {
            throw n.error("must not be negative, found " + Numbers.plain(v));
        }
        return OptionalDouble.of(v);
    }

}
