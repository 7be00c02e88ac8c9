package dev.scalewise.policy;

import dev.scalewise.Numbers;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlPath;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Ray Serve {@code autoscaling_config}, one policy per autoscaled deployment, from a Serve config file
 * ({@code applications[].deployments[]}) or a KubeRay RayService ({@code spec.serveConfigV2}, a string
 * holding the same YAML: it is parsed with SafeYaml too, and its line:column are relative to that
 * string, which the location names as {@code file[spec.serveConfigV2]}).
 * Defaults: {@link UpstreamDefaults.RayServe}; initial_replicas is min_replicas, downscale_to_zero_delay_s is
 * unset (downscale_delay_s applies to 1 -> 0 too), and
 * {@code num_replicas: auto} means min 1, max 100, target 2 unless the config says otherwise.
 */
final class RayServeReader {
    private RayServeReader() {
    }

    /** A RayService: parse the embedded Serve config and read it. */
    static List<PolicySpec> rayService(ManifestReading m, Consumer<String> notes) {
        YNode config = m.spec().get("serveConfigV2");
        String text = config.requireText();
        String source = m.doc.source() + "[spec.serveConfigV2]";
        List<YamlDoc> docs = SafeYaml.parse(source, text.getBytes(StandardCharsets.UTF_8));
        if (docs.isEmpty()) {
            throw config.error("serveConfigV2 is empty");
        }
        return serveConfig(docs.get(0).root(), m.relative(config).then(new YamlPath.Embedded()), m, notes);
    }

    /**
     * A Serve config's root (with {@code applications:}), found at {@code at} in the manifest being read
     * (its root for a Serve config file, inside the string {@code spec.serveConfigV2} of a RayService).
     */
    static List<PolicySpec> serveConfig(YNode root, YamlPath at, ManifestReading m, Consumer<String> notes) {
        List<PolicySpec> out = new ArrayList<>();
        for (YNode app : root.get("applications").items()) {
            String appName = app.get("name").asText("default");
            for (YNode d : app.get("deployments").items()) {
                read(d, appName, at, m, notes).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<PolicySpec> read(YNode d, String appName, YamlPath at, ManifestReading parent,
                                             Consumer<String> notes) {
        String name = d.get("name").requireText();
        YNode cfg = d.get("autoscaling_config");
        boolean auto = d.get("num_replicas").asText("").equals("auto");
        if (!cfg.isMapping() && !auto) {
            notes.accept(d.location() + ": Ray Serve deployment '" + appName + "/" + name
                    + "' has no autoscaling_config (fixed replicas); not modeled");
            return Optional.empty();
        }
        Fields f = new Fields();
        int min = f.integer(cfg.get("min_replicas"), "minReplicas", UpstreamDefaults.RayServe.MIN_REPLICAS);
        Fields.atLeast(cfg.get("min_replicas"), min, 0);
        int max = f.integer(cfg.get("max_replicas"), "maxReplicas", auto ? UpstreamDefaults.RayServe.AUTO_MAX_REPLICAS : UpstreamDefaults.RayServe.MAX_REPLICAS);
        Fields.atLeast(cfg.get("max_replicas"), max, 1);
        Fields.checkBounds(cfg.get("max_replicas"), min, max);
        int initial = f.integer(cfg.get("initial_replicas"), "initialReplicas", min);
        Fields.within(cfg.get("initial_replicas"), initial, min, max, "initial_replicas");
        YNode targetNode = alias(cfg, "target_ongoing_requests", "target_num_ongoing_requests_per_replica");
        double target = f.number(targetNode, "targetOngoingRequests", UpstreamDefaults.RayServe.TARGET_ONGOING_REQUESTS);
        positive(targetNode, target);
        double up = f.number(cfg.get("upscale_delay_s"), "upscaleDelaySeconds", UpstreamDefaults.RayServe.UPSCALE_DELAY_SECONDS);
        Fields.atLeast(cfg.get("upscale_delay_s"), up, 0, "upscale_delay_s");
        double down = f.number(cfg.get("downscale_delay_s"), "downscaleDelaySeconds", UpstreamDefaults.RayServe.DOWNSCALE_DELAY_SECONDS);
        Fields.atLeast(cfg.get("downscale_delay_s"), down, 0, "downscale_delay_s");
        YNode toZeroNode = cfg.get("downscale_to_zero_delay_s"); // unset or null: downscale_delay_s applies to 1 -> 0
        OptionalDouble toZero = toZeroNode.optDouble()
                .map(v -> OptionalDouble.of(Fields.atLeast(toZeroNode, v, 0, "downscale_to_zero_delay_s")))
                .orElse(OptionalDouble.empty());
        double smoothing = cfg.get("smoothing_factor").asDouble(UpstreamDefaults.RayServe.SMOOTHING_FACTOR);
        YNode upNode = alias(cfg, "upscaling_factor", "upscale_smoothing_factor");
        double upFactor = f.number(upNode, "upscalingFactor", smoothing);
        positive(upNode, upFactor);
        YNode downNode = alias(cfg, "downscaling_factor", "downscale_smoothing_factor");
        double downFactor = f.number(downNode, "downscalingFactor", smoothing);
        positive(downNode, downFactor);
        double interval = f.number(cfg.get("metrics_interval_s"), "metricsIntervalSeconds", UpstreamDefaults.RayServe.METRICS_INTERVAL_SECONDS);
        positive(cfg.get("metrics_interval_s"), interval);
        double lookBack = f.number(cfg.get("look_back_period_s"), "lookBackPeriodSeconds", UpstreamDefaults.RayServe.LOOK_BACK_PERIOD_SECONDS);
        positive(cfg.get("look_back_period_s"), lookBack);
        YNode maxOngoingNode = alias(d, "max_ongoing_requests", "max_concurrent_queries");
        int maxOngoing = f.integer(maxOngoingNode, "maxOngoingRequests", UpstreamDefaults.RayServe.MAX_ONGOING_REQUESTS);
        Fields.atLeast(maxOngoingNode, maxOngoing, 1);
        // the deployment by its names, which the editor finds however the lists are ordered
        YamlPath config = at.key("applications").then(new YamlPath.Select("name", appName)).key("deployments")
                .then(new YamlPath.Select("name", name)).key("autoscaling_config");
        f.editable("targetOngoingRequests", new ManifestField(config.key("target_ongoing_requests"),
                List.of(config.key("target_num_ongoing_requests_per_replica")), false));
        f.editable("minReplicas", ManifestField.at(config.key("min_replicas")));
        f.editable("maxReplicas", ManifestField.at(config.key("max_replicas")));
        f.editable("downscaleDelaySeconds", ManifestField.at(config.key("downscale_delay_s")));
        f.editable("upscaleDelaySeconds", ManifestField.at(config.key("upscale_delay_s")));
        String service = parent.annotation(SignalMapping.SERVICE_ANNOTATION).orElse(name);
        PolicyMeta meta = new PolicyMeta(appName + "/" + name, parent.doc.kind().isEmpty() ? "ServeConfig" : parent.doc.kind(),
                parent.doc.apiVersion(), service, d.location(), f.defaulted(), f.editable());
        return Optional.of(new RayServePolicy(meta, min, max, initial, target, up, down, toZero, upFactor, downFactor,
                interval, lookBack, maxOngoing));
    }

    private static YNode alias(YNode cfg, String key, String legacy) {
        if (cfg.has(key) && cfg.has(legacy)) {
            throw cfg.get(legacy).error("set only one of " + key + " and its deprecated alias " + legacy);
        }
        return cfg.has(legacy) ? cfg.get(legacy) : cfg.get(key);
    }

    private static void positive(YNode node, double v) {
        if (v <= 0) {
            throw node.error("must be positive, found " + Numbers.plain(v));
        }
    }
}
