package dev.scalewise.policy;

import dev.scalewise.Numbers;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.util.ArrayList;
import java.util.EnumMap;
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
 *     # an LLM server may add (or hold only) time to first token and time per output token; all must hold:
 *     #   slo: {ttft: {percentile: p95, thresholdMs: 2000}, tpot: {percentile: p95, thresholdMs: 100}}
 *     startupSeconds: 240
 *     pricePerReplicaHour: 4.10
 *     latencyCritical: true
 *     requestTimeoutSeconds: 60     # clients give up after waiting this long in the queue
 *     capacity:                     # what history cannot show (docs/replay.md, "Stating capacity")
 *       rpsPerReplica: 2.4          # load per replica at which the SLO percentile reaches the threshold
 *       saturationRpsPerReplica: 3.8  # the most a replica serves (what a backlog drains at)
 *       latency:                    # SLO-percentile latency at loads per replica
 *         - {rpsPerReplica: 1.0, ms: 3200}
 *       loadTests:                  # load-test outputs, relative to this file
 *         - loadtests/chat-2rps.json                              # format told from the content
 *         - {file: loadtests/chat_stats.csv, format: locust, replicas: 2}
 *   llm-code:
 *     capacity:                     # an LLM server: the same keys in weighted tokens/s (docs/tokens.md)
 *       tokensPerSecondPerReplica: 9000
 *       saturationTokensPerSecondPerReplica: 11000
 *       promptTokenWeight: 0.3      # a prompt token costs 0.3 of a generated one (default 1)
 *       latency: [{tokensPerSecondPerReplica: 4000, ms: 900}]
 *       loadTests: [loadtests/code-vllm.json]   # vLLM result JSON: (weight x input + output tokens) / duration
 *   llm-api:
 *     slo: {ttft: {percentile: p95, thresholdMs: 1500}, tpot: {percentile: p95, thresholdMs: 52}}
 *     capacity:                     # a vLLM run gives every target its point: TTFT from p95_ttft_ms, TPOT from p95_tpot_ms
 *       loadTests:
 *         - loadtests/llm-4qps.json
 *         - {file: loadtests/llm-8qps.json, targets: [ttft]}   # the targets it measures (default: all)
 * </pre>
 * Also accepted: {@code services:} as a list of entries with {@code name:}, and {@code kind: Services}.
 * Defaults: an absent slo (or slo field) takes {@link Slo#DEFAULT} (p95, 1000 ms, 0.99); startup and
 * price default to "estimate from data"; latencyCritical defaults to true (the safe side: no
 * scale-to-zero recommendations); no requestTimeoutSeconds means requests wait until served. Unknown keys are errors: a typo must not silently become a default.
 */
public final class ServicesFile {
    private static final Set<String> SERVICE_KEYS = Set.of("name", "slo", "startupSeconds", "pricePerReplicaHour",
            "latencyCritical", "requestTimeoutSeconds", "capacity");
    private static final Set<String> SLO_KEYS = Set.of("latency", "thresholdMs", "objective", "ttft", "tpot");
    private static final Set<String> TARGET_KEYS = Set.of("percentile", "thresholdMs");
    private static final Set<String> CAPACITY_KEYS = Set.of("rpsPerReplica", "saturationRpsPerReplica", "latency",
            "loadTests", "tokensPerSecondPerReplica", "saturationTokensPerSecondPerReplica", "promptTokenWeight");
    private static final List<String> TOKEN_KEYS = List.of("tokensPerSecondPerReplica",
            "saturationTokensPerSecondPerReplica", "promptTokenWeight");
    private static final List<String> REQUEST_KEYS = List.of("rpsPerReplica", "saturationRpsPerReplica");
    private static final Set<String> POINT_KEYS = Set.of("rpsPerReplica", "tokensPerSecondPerReplica", "ms");

    private ServicesFile() {
    }

    public static Map<String, ServiceSpec> load(String path) {
        return fromDocs(SafeYaml.load(path));
    }

    /** Load-test files named in the documents are read from the disk. */
    public static Map<String, ServiceSpec> fromDocs(List<YamlDoc> docs) {
        return fromDocs(docs, LoadTestFiles.DISK);
    }

    public static Map<String, ServiceSpec> fromDocs(List<YamlDoc> docs, LoadTestFiles files) {
        Map<String, ServiceSpec> out = new LinkedHashMap<>();
        for (YamlDoc doc : docs) {
            if (doc.root().isMapping()) {
                fromDoc(doc, out, files);
            }
        }
        return out;
    }

    static void fromDoc(YamlDoc doc, Map<String, ServiceSpec> out, LoadTestFiles files) {
        YNode services = doc.root().has("services") ? doc.root().get("services") : doc.root().get("spec").get("services");
        if (services.isMapping()) {
            services.entries().forEach((name, entry) -> add(out, entry, name, files));
        } else if (services.isSequence()) {
            for (YNode entry : services.items()) {
                add(out, entry, entry.get("name").requireText(), files);
            }
        } else {
            throw services.error("expected services: a mapping from service name to its settings");
        }
    }

    private static void add(Map<String, ServiceSpec> out, YNode entry, String name, LoadTestFiles files) {
        if (out.containsKey(name)) {
            throw entry.error("service '" + name + "' is defined twice");
        }
        out.put(name, service(entry, name, files));
    }

    static ServiceSpec service(YNode e, String name) {
        return service(e, name, LoadTestFiles.DISK);
    }

    static ServiceSpec service(YNode e, String name, LoadTestFiles files) {
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
        YNode capacity = e.get("capacity");
        return new ServiceSpec(name, slo, startup, price, critical, timeout,
                capacity.isMissing() ? StatedCapacity.NONE : capacity(capacity, slo, files));
    }

    /** services.yaml's capacity: numbers, inline points and load-test files, per replica, in the SLO's percentile. */
    static StatedCapacity capacity(YNode c, Slo slo, LoadTestFiles files) {
        NativeReader.onlyKeys(c, CAPACITY_KEYS);
        YNode latency = c.get("latency");
        boolean tokens = TOKEN_KEYS.stream().anyMatch(k -> c.get(k).isPresent())
                || (latency.isSequence() && latency.items().stream().anyMatch(p -> p.get("tokensPerSecondPerReplica").isPresent()));
        for (String k : tokens ? REQUEST_KEYS : List.<String>of()) {
            if (c.get(k).isPresent()) {
                throw c.get(k).error("capacity is stated in tokens (tokensPerSecondPerReplica, ...) here: state it in "
                        + "requests or in tokens, not both (found " + k + ")");
            }
        }
        String loadKey = tokens ? "tokensPerSecondPerReplica" : "rpsPerReplica";
        String saturationKey = tokens ? "saturationTokensPerSecondPerReplica" : "saturationRpsPerReplica";
        double rps = positive(c.get(loadKey));
        double saturation = positive(c.get(saturationKey));
        if (saturation < rps) {
            throw c.get(saturationKey).error(saturationKey + " " + Numbers.plain(saturation)
                    + " is below " + loadKey + " " + Numbers.plain(rps) + ": a replica serves at least its SLO load");
        }
        double weight = Double.NaN;
        YNode weightNode = c.get("promptTokenWeight");
        if (weightNode.isPresent()) {
            weight = weightNode.optDouble().orElseThrow(() -> weightNode.error("expected a number"));
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw weightNode.error("promptTokenWeight: expected what a prompt token costs in generated tokens "
                        + "(>= 0, e.g. 0.3), found " + Numbers.plain(weight));
            }
        }
        List<StatedCapacity.Point> points = new ArrayList<>();
        if (latency.isPresent()) {
            for (YNode p : sequence(latency, "latency: a list of {" + loadKey + ", ms} points")) {
                NativeReader.onlyKeys(p, POINT_KEYS);
                String other = tokens ? "rpsPerReplica" : "tokensPerSecondPerReplica";
                if (p.get(other).isPresent()) {
                    throw p.get(other).error("expected " + loadKey + " (the capacity is stated in "
                            + (tokens ? "tokens" : "requests") + "), found " + other);
                }
                points.add(new StatedCapacity.Point(requirePositive(p.get(loadKey)), requirePositive(p.get("ms")),
                        p.location().toString()));
            }
        }
        double maxLoadTest = Double.NaN;
        Map<Slo.Metric, List<StatedCapacity.Point>> more = new EnumMap<>(Slo.Metric.class);
        YNode tests = c.get("loadTests");
        if (tests.isPresent()) {
            for (YNode t : sequence(tests, "loadTests: a list of files (or {file, format, replicas, targets})")) {
                Map<Slo.Metric, StatedCapacity.Point> read = LoadTestEntry.points(t, slo, files, tokens,
                        Double.isNaN(weight) ? StatedCapacity.DEFAULT_PROMPT_TOKEN_WEIGHT : weight);
                read.forEach((metric, p) -> (metric == slo.metric() ? points
                        : more.computeIfAbsent(metric, k -> new ArrayList<>())).add(p));
                double load = read.values().iterator().next().rpsPerReplica();
                maxLoadTest = Double.isNaN(maxLoadTest) ? load : Math.max(maxLoadTest, load);
            }
        }
        points.sort(java.util.Comparator.comparingDouble(StatedCapacity.Point::rpsPerReplica));
        boolean enough = points.isEmpty() || (points.get(points.size() - 1).rpsPerReplica() > points.get(0).rpsPerReplica())
                || rps > points.get(0).rpsPerReplica();
        if (!enough) {
            throw c.error("a latency curve needs points at two different loads per replica (or one point and "
                    + loadKey + " above it), found " + points.size() + " at " + Numbers.plain(points.get(0).rpsPerReplica())
                    + (tokens ? " tokens/s" : " rps") + "/replica: run the load test at another rate too");
        }
        for (Map.Entry<Slo.Metric, List<StatedCapacity.Point>> e : more.entrySet()) {
            List<StatedCapacity.Point> ps = e.getValue();
            ps.sort(java.util.Comparator.comparingDouble(StatedCapacity.Point::rpsPerReplica));
            if (!(ps.get(ps.size() - 1).rpsPerReplica() > ps.get(0).rpsPerReplica())) {
                // a further target has no stated capacity of its own to anchor a single point
                throw tests.error("the " + e.getKey().key() + " target's latency curve needs load tests at two different "
                        + "loads per replica, found " + ps.size() + " at " + Numbers.plain(ps.get(0).rpsPerReplica())
                        + (tokens ? " tokens/s" : " rps") + "/replica: run the load test at another rate too, or leave "
                        + e.getKey().key() + " out of the files' targets: to fit it from history");
            }
        }
        return new StatedCapacity(rps, saturation, points, maxLoadTest, tokens, weight, more);
    }

    static List<YNode> sequence(YNode n, String expected) {
        if (!n.isSequence()) {
            throw n.error("expected " + expected);
        }
        return n.items();
    }

    /** A positive number, or NaN when absent. */
    private static double positive(YNode n) {
        return n.isMissing() ? Double.NaN : requirePositive(n);
    }

    static double requirePositive(YNode n) {
        double v = n.optDouble().orElseThrow(() -> n.error("expected a number"));
        if (!(v > 0) || Double.isInfinite(v)) {
            throw n.error("expected a positive number, found " + Numbers.plain(v));
        }
        return v;
    }

    static Slo slo(YNode s) {
        if (s.isMissing()) {
            return Slo.DEFAULT;
        }
        NativeReader.onlyKeys(s, SLO_KEYS);
        YNode latencyNode = s.get("latency");
        Slo.Percentile p = percentile(latencyNode, Slo.DEFAULT.percentile());
        YNode thresholdNode = s.get("thresholdMs");
        double threshold = thresholdNode.asDouble(Slo.DEFAULT.thresholdMs());
        if (threshold <= 0) {
            throw thresholdNode.error("thresholdMs must be positive, found " + Numbers.plain(threshold));
        }
        List<Slo.Target> targets = new ArrayList<>();
        if (latencyNode.isPresent() || thresholdNode.isPresent() || (s.get("ttft").isMissing() && s.get("tpot").isMissing())) {
            targets.add(new Slo.Target(Slo.Metric.LATENCY, p, threshold));
        }
        for (Slo.Metric m : List.of(Slo.Metric.TTFT, Slo.Metric.TPOT)) {
            YNode t = s.get(m.key());
            if (t.isPresent()) {
                targets.add(target(t, m));
            }
        }
        Slo.Target first = targets.get(0);
        return new Slo(first.percentile(), first.thresholdMs(), objective(s.get("objective")), first.metric(),
                targets.subList(1, targets.size()));
    }

    /** ttft: / tpot: {percentile: p95, thresholdMs: 2000}; the percentile defaults to p95, the threshold is required. */
    private static Slo.Target target(YNode t, Slo.Metric metric) {
        if (!t.isMapping()) {
            throw t.error("expected " + metric.key() + ": {percentile: p95, thresholdMs: N}");
        }
        NativeReader.onlyKeys(t, TARGET_KEYS);
        YNode thresholdNode = t.get("thresholdMs");
        if (thresholdNode.isMissing()) {
            throw t.error(metric.key() + ": expected thresholdMs (the " + metric.key() + " percentile's limit, ms)");
        }
        double threshold = requirePositive(thresholdNode);
        return new Slo.Target(metric, percentile(t.get("percentile"), Slo.Percentile.P95), threshold);
    }

    private static Slo.Percentile percentile(YNode n, Slo.Percentile absent) {
        return n.text().map(t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "p50" -> Slo.Percentile.P50;
            case "p95" -> Slo.Percentile.P95;
            case "p99" -> Slo.Percentile.P99;
            default -> throw n.error("expected p50, p95 or p99, found '" + t + "'");
        }).orElse(absent);
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
