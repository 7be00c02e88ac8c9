package dev.scalewise.policy;

import dev.scalewise.Numbers;
import dev.scalewise.policy.ScheduledPolicy.Window;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlError;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scalewise's own kinds (apiVersion scalewise.dev/v1alpha1), documented in docs/policies.md:
 * ScheduledScaling (cron windows in an IANA time zone on top of a reactive base policy) and
 * PredictiveScaling (seasonal forecast provisioned ahead by leadSeconds, the base policy as a floor).
 * Being our format, unknown keys are errors rather than silently ignored typos.
 */
final class NativeReader {
    static final String API_VERSION = "scalewise.dev/v1alpha1";
    static final String DEFAULT_TIME_ZONE = "UTC";
    static final double DEFAULT_HEADROOM = 0.10;
    static final int DEFAULT_HISTORY_DAYS = 28;
    /** Lead time when neither the policy nor services.yaml gives the service's startup. */
    static final int DEFAULT_LEAD_SECONDS = 300;
    private static final long MAX_WINDOW_SECONDS = 7L * 24 * 3600;

    private NativeReader() {
    }

    static ScheduledPolicy scheduled(ManifestReading m, PolicyReader.Context ctx) {
        YNode spec = m.spec();
        onlyKeys(spec, Set.of("scaleTargetRef", "timeZone", "basePolicy", "windows"));
        PolicySpec base = base(spec.get("basePolicy"), m, ctx);
        YNode tzNode = spec.get("timeZone");
        String tz = m.fields.text(tzNode, "timeZone", DEFAULT_TIME_ZONE);
        ZoneId zone;
        try {
            zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw tzNode.error("unknown time zone '" + tz + "'; expected an IANA name such as Europe/Berlin or UTC");
        }
        List<Window> windows = new ArrayList<>();
        List<YNode> items = spec.get("windows").items();
        for (int i = 0; i < items.size(); i++) {
            windows.add(window(items.get(i), i, base, m.fields));
        }
        if (windows.isEmpty()) {
            throw spec.get("windows").error("a ScheduledScaling needs at least one window");
        }
        return new ScheduledPolicy(m.meta(m.name(), service(m, spec, base)), base, zone, windows);
    }

    static PredictivePolicy predictive(ManifestReading m, PolicyReader.Context ctx) {
        YNode spec = m.spec();
        onlyKeys(spec, Set.of("scaleTargetRef", "basePolicy", "targetRpsPerReplica", "leadSeconds", "seasonality",
                "headroom", "historyDays"));
        Fields f = m.fields;
        PolicySpec base = base(spec.get("basePolicy"), m, ctx);
        String service = service(m, spec, base);
        YNode rpsNode = spec.get("targetRpsPerReplica");
        double rps = rpsNode.optDouble().orElseThrow(() -> rpsNode.error("required field is missing"));
        Fields.atLeast(rpsNode, rps, 1e-6, "targetRpsPerReplica");
        Optional<Double> startup = Optional.ofNullable(ctx.services().get(service))
                .flatMap(s -> s.startupSeconds().isPresent() ? Optional.of(s.startupSeconds().getAsDouble()) : Optional.empty());
        YNode leadNode = spec.get("leadSeconds");
        int lead = f.integer(leadNode, "leadSeconds", startup.map(s -> (int) Math.ceil(s)).orElse(DEFAULT_LEAD_SECONDS));
        Fields.atLeast(leadNode, lead, 0);
        if (startup.isPresent() && lead < startup.get()) {
            throw leadNode.error("leadSeconds " + lead + " is shorter than the startup of service '" + service + "' ("
                    + Numbers.plain(startup.get()) + " s in services.yaml): replicas would arrive after the demand");
        }
        YNode seasonNode = spec.get("seasonality");
        PredictivePolicy.Seasonality seasonality = f.value(seasonNode, "seasonality",
                PredictivePolicy.Seasonality.DAILY_AND_WEEKLY, n -> n.text().map(t -> switch (t) {
                    case "daily" -> PredictivePolicy.Seasonality.DAILY;
                    case "weekly" -> PredictivePolicy.Seasonality.WEEKLY;
                    case "dailyAndWeekly" -> PredictivePolicy.Seasonality.DAILY_AND_WEEKLY;
                    default -> throw n.error("expected daily, weekly or dailyAndWeekly, found '" + t + "'");
                }));
        double headroom = f.number(spec.get("headroom"), "headroom", DEFAULT_HEADROOM);
        Fields.within(spec.get("headroom"), headroom, 0, 10, "headroom (a share, 0.1 = 10 %)");
        YNode historyNode = spec.get("historyDays");
        int history = f.integer(historyNode, "historyDays", DEFAULT_HISTORY_DAYS);
        int minHistory = seasonality == PredictivePolicy.Seasonality.DAILY ? 2 : 14;
        if (history < minHistory) {
            throw historyNode.error("historyDays " + history + " is too short for " + seasonality.name().toLowerCase()
                    + " seasonality; need at least " + minHistory + " (two full cycles)");
        }
        return new PredictivePolicy(m.meta(m.name(), service), base, rps, lead, seasonality, headroom, history);
    }

    private static Window window(YNode w, int index, PolicySpec base, Fields fields) {
        onlyKeys(w, Set.of("name", "cron", "duration", "replicas", "mode"));
        String name = fields.text(w.get("name"), "windows[" + index + "].name", "window-" + index);
        YNode cronNode = w.get("cron");
        String cron = cronNode.requireText();
        try {
            Cron.parse(cron);
        } catch (IllegalArgumentException e) {
            throw cronNode.error(e.getMessage());
        }
        YNode durationNode = w.get("duration");
        double seconds = Durations.optSeconds(durationNode).orElseThrow(() -> durationNode.error("required field is missing"));
        Fields.within(durationNode, seconds, 60, MAX_WINDOW_SECONDS, "duration (seconds)");
        YNode replicasNode = w.get("replicas");
        int replicas = Fields.atLeast(replicasNode, replicasNode.requireInt(), 0);
        if (replicas > base.maxReplicas()) {
            throw replicasNode.error("replicas " + replicas + " exceeds the base policy's maxReplicas " + base.maxReplicas());
        }
        YNode modeNode = w.get("mode");
        Window.Mode mode = fields.value(modeNode, "windows[" + index + "].mode", Window.Mode.MIN,
                n -> n.text().map(t -> switch (t) {
                    case "Min" -> Window.Mode.MIN;
                    case "Set" -> Window.Mode.SET;
                    default -> throw n.error("expected Min (raise the floor) or Set (pin the replicas), found '" + t + "'");
                }));
        return new Window(name, cron, (int) Math.round(seconds), replicas, mode);
    }

    /** {@code basePolicy: {name: <metadata.name of a policy in the same set>}} or {@code {inline: <manifest>}}. */
    private static PolicySpec base(YNode b, ManifestReading m, PolicyReader.Context ctx) {
        onlyKeys(b, Set.of("name", "inline"));
        if (b.has("name") == b.has("inline")) {
            throw b.error("basePolicy needs exactly one of name (a policy in the same set) or inline (a manifest)");
        }
        PolicySpec base;
        if (b.has("name")) {
            String name = b.get("name").requireText();
            base = ctx.byName().apply(name).orElseThrow(() -> b.get("name").error("no policy named '" + name
                    + "' in the files given; load it together with this one, or inline it"));
        } else {
            List<PolicySpec> read = PolicyReader.readAll(new YamlDoc(m.doc.source(), m.doc.index(), b.get("inline")), ctx);
            if (read.size() != 1) {
                throw b.get("inline").error("inline basePolicy must be one autoscaler manifest, found " + read.size()
                        + " policies");
            }
            base = read.get(0);
        }
        if (!base.kind().reactive()) {
            throw b.error("basePolicy must be a reactive autoscaler (HPA, KEDA, Knative, KServe, Ray Serve), found "
                    + base.meta().sourceKind());
        }
        return base;
    }

    private static String service(ManifestReading m, YNode spec, PolicySpec base) {
        return m.annotation(SignalMapping.SERVICE_ANNOTATION)
                .or(() -> spec.get("scaleTargetRef").get("name").text())
                .orElse(base.meta().service());
    }

    static void onlyKeys(YNode node, Set<String> known) {
        for (var e : node.entries().entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new YamlError(node.keyLocation(e.getKey()), e.getValue().path(),
                        "unknown field '" + e.getKey() + "'; expected one of " + new TreeSet<>(known));
            }
        }
    }
}
