package dev.scalewise.policy;

import dev.scalewise.UserError;
import dev.scalewise.loadtest.LatencyMeasure;
import dev.scalewise.loadtest.LoadTestFormat;
import dev.scalewise.loadtest.LoadTestPoint;
import dev.scalewise.loadtest.LoadTestReader;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlError;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of services.yaml's {@code capacity.loadTests}: a file, or {@code {file, format, replicas, targets}}, read
 * as one latency-vs-load point per SLO target it measures (docs/replay.md, "Stating capacity"; docs/tokens.md).
 */
final class LoadTestEntry {
    private static final Set<String> KEYS = Set.of("file", "format", "replicas", "targets");

    private LoadTestEntry() {
    }

    /**
     * One load-test file: a point per SLO target it measures (every target, unless {@code targets:} names some), all
     * at the load it ran, each at its target's measure and percentile (docs/tokens.md).
     */
    static Map<Slo.Metric, StatedCapacity.Point> points(YNode t, Slo slo, LoadTestFiles files, boolean tokens,
                                                        double promptWeight) {
        YNode fileNode = t.isScalar() ? t : t.get("file");
        Optional<LoadTestFormat> format = Optional.empty();
        double replicas = 1;
        List<Slo.Target> targets = slo.targets();
        boolean named = false;
        if (t.isMapping()) {
            NativeReader.onlyKeys(t, KEYS);
            YNode f = t.get("format");
            if (f.isPresent()) {
                String id = f.requireText();
                format = Optional.of(LoadTestFormat.of(id).orElseThrow(() -> f.error("expected vllm, locust or k6, found '"
                        + id + "'")));
            }
            if (t.get("replicas").isPresent()) {
                replicas = ServicesFile.requirePositive(t.get("replicas"));
            }
            named = t.get("targets").isPresent();
            targets = named ? targets(t.get("targets"), slo) : targets;
        }
        String file = LoadTestFiles.resolve(t.source(), fileNode.requireText());
        LoadTestPoint point;
        try {
            point = LoadTestReader.read(file, files.read(file), format);
        } catch (YamlError e) {
            throw e;
        } catch (UserError e) {
            throw fileNode.error(e.getMessage());
        }
        double load;
        if (!tokens) {
            load = point.rps() / replicas;
        } else if (!point.hasTokens()) {
            throw fileNode.error(point.source() + " reports no tokens (total_input_tokens, total_output_tokens and "
                    + "duration, as vLLM's result JSON has them): a capacity in tokens needs them");
        } else {
            load = (promptWeight * point.inputTokensPerSecond() + point.outputTokensPerSecond()) / replicas;
        }
        Map<Slo.Metric, StatedCapacity.Point> out = new EnumMap<>(Slo.Metric.class);
        for (Slo.Target target : targets) {
            try {
                out.put(target.metric(), new StatedCapacity.Point(load, point.latencyMs(measure(target.metric()),
                        percent(target.percentile())), point.source()));
            } catch (UserError e) {
                List<String> others = slo.targets().stream().filter(o -> o.metric() != target.metric())
                        .map(o -> o.metric().key()).toList();
                String key = target.metric().key();
                throw fileNode.error(e.getMessage() + (named || others.isEmpty() ? "" : "; or name the targets the file "
                        + "measures, {file: " + fileNode.requireText() + ", targets: [" + String.join(", ", others)
                        + "]}, and " + (target.metric() == slo.metric() ? "state " + key + "'s points inline "
                        + "(capacity.latency) or leave them" : "leave " + key) + " to history"));
            }
        }
        return out;
    }

    /** A load-test entry's targets: the SLO's targets it measures, by key (latency, ttft, tpot). */
    private static List<Slo.Target> targets(YNode n, Slo slo) {
        List<String> keys = slo.targets().stream().map(x -> x.metric().key()).toList();
        List<Slo.Target> out = new ArrayList<>();
        for (YNode k : ServicesFile.sequence(n, "targets: a list of the SLO's targets the file measures (" + String.join(", ", keys) + ")")) {
            String key = k.requireText();
            Slo.Target target = slo.targets().stream().filter(x -> x.metric().key().equals(key)).findFirst()
                    .orElseThrow(() -> k.error("expected one of the SLO's targets (" + String.join(", ", keys)
                            + "), found '" + key + "'"));
            if (out.contains(target)) {
                throw k.error("'" + key + "' is named twice");
            }
            out.add(target);
        }
        if (out.isEmpty()) {
            throw n.error("expected at least one of the SLO's targets (" + String.join(", ", keys) + ")");
        }
        return out;
    }

    /** What a load test timed for a target: end-to-end latency, time to first token, time per output token. */
    private static LatencyMeasure measure(Slo.Metric m) {
        return switch (m) {
            case LATENCY -> LatencyMeasure.E2E;
            case TTFT -> LatencyMeasure.TTFT;
            case TPOT -> LatencyMeasure.TPOT;
        };
    }

    private static int percent(Slo.Percentile p) {
        return switch (p) {
            case P50 -> 50;
            case P95 -> 95;
            case P99 -> 99;
        };
    }
}
