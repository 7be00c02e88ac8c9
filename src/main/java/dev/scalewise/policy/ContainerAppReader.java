package dev.scalewise.policy;

import dev.scalewise.policy.KedaPolicy.Trigger;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import dev.scalewise.policy.UpstreamDefaults.ContainerApps;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Azure Container Apps, as {@code az containerapp show --output yaml} writes an app (and as
 * {@code az containerapp create/update --yaml} reads it): {@code properties.template.scale}. Container Apps
 * runs KEDA with behavior Microsoft fixes (docs/autoscalers.md), so an app is read as the
 * {@link KedaPolicy} it amounts to and keeps its type as its kind: an HTTP rule is a trigger on the
 * requests per second of the last 15 s per replica ({@code concurrentRequests}), a custom rule a KEDA
 * scaler of the same type and metadata. Defaults in {@link UpstreamDefaults.ContainerApps}.
 */
final class ContainerAppReader {
    private ContainerAppReader() {
    }

    static boolean reads(YamlDoc doc) {
        return doc.root().get("type").text().filter(t -> t.equalsIgnoreCase(ManifestFormat.CONTAINER_APP.kind())).isPresent();
    }

    static KedaPolicy read(ManifestReading m) {
        YNode scale = m.root.get("properties").get("template").get("scale");
        Fields f = m.fields;
        YNode minNode = scale.get("minReplicas");
        YNode maxNode = scale.get("maxReplicas");
        int min = (int) Fields.within(minNode, f.integer(minNode, "minReplicas", ContainerApps.MIN_REPLICAS), 0,
                ContainerApps.REPLICA_LIMIT, "minReplicas");
        int max = (int) Fields.within(maxNode, f.integer(maxNode, "maxReplicas", ContainerApps.MAX_REPLICAS), 1,
                ContainerApps.REPLICA_LIMIT, "maxReplicas");
        Fields.checkBounds(maxNode, min, max);
        int polling = f.integer(scale.get("pollingInterval"), "pollingIntervalSeconds", ContainerApps.POLLING_INTERVAL_SECONDS);
        Fields.atLeast(scale.get("pollingInterval"), polling, 1);
        int cooldown = f.integer(scale.get("cooldownPeriod"), "cooldownPeriodSeconds", ContainerApps.COOLDOWN_PERIOD_SECONDS);
        Fields.atLeast(scale.get("cooldownPeriod"), cooldown, 0);
        List<Trigger> triggers = new ArrayList<>();
        List<YNode> rules = scale.get("rules").items();
        boolean http = false;
        for (int i = 0; i < rules.size(); i++) {
            YNode rule = rules.get(i);
            String path = "triggers[" + i + "]";
            if (rule.get("http").isMapping()) {
                http = true;
                YNode value = rule.get("http").get("metadata").get("concurrentRequests");
                triggers.add(httpTrigger(i, f.number(value, path + ".metric.target", ContainerApps.CONCURRENT_REQUESTS), value));
                if (i == 0) {
                    m.editableText("triggers[0].metric.target", value);
                }
            } else if (rule.get("custom").isMapping()) {
                triggers.add(KedaReader.trigger(rule.get("custom"), i, m, path));
                if (i == 0) {
                    KedaReader.editableThreshold(m, rule.get("custom"));
                }
            } else if (rule.get("tcp").isMapping() || rule.get("azureQueue").isMapping()) {
                throw rule.beyondModel((rule.get("tcp").isMapping() ? "a TCP rule" : "an Azure Queue rule")
                        + " is not replayed; modeled: http and custom rules");
            } else {
                throw rule.error("a scale rule needs http or custom");
            }
        }
        if (triggers.isEmpty()) {
            // "If you don't create a scale rule, the default scale rule is applied": HTTP, 10 concurrent requests
            f.mark("triggers[0]");
            http = true;
            triggers.add(httpTrigger(0, ContainerApps.CONCURRENT_REQUESTS, scale.get("rules")));
        }
        if (http) {
            // an HTTP rule's concurrency is computed every 15 s whatever the polling interval (custom rules only)
            polling = Math.min(polling, ContainerApps.HTTP_INTERVAL_SECONDS);
        }
        for (String fixed : List.of("behavior.scaleUp.stabilizationWindowSeconds", "behavior.scaleDown.stabilizationWindowSeconds",
                "initialCooldownPeriodSeconds")) {
            f.mark(fixed); // set by Container Apps, not by the app
        }
        Behavior behavior = new Behavior(
                new ScalingRules(ContainerApps.SCALE_UP_WINDOW_SECONDS, SelectPolicy.MAX, UpstreamDefaults.Hpa.SCALE_UP_POLICIES,
                        UpstreamDefaults.Hpa.TOLERANCE),
                new ScalingRules(ContainerApps.SCALE_DOWN_WINDOW_SECONDS, SelectPolicy.MAX, UpstreamDefaults.Hpa.SCALE_DOWN_POLICIES,
                        UpstreamDefaults.Hpa.TOLERANCE));
        m.editable("minReplicas", minNode);
        m.editable("maxReplicas", maxNode);
        m.editable("cooldownPeriodSeconds", scale.get("cooldownPeriod"));
        ContainerAppPlan plan = plan(m);
        String name = m.root.get("name").requireText();
        String service = m.root.get("tags").get(SignalMapping.SERVICE_ANNOTATION).text().orElse(name);
        PolicyMeta meta = new PolicyMeta(name, ManifestFormat.CONTAINER_APP.kind(), "", service, m.root.location(), f.defaulted(),
                f.editable());
        return new KedaPolicy(meta, min, max, polling, cooldown, 0, OptionalInt.empty(), Optional.empty(), triggers,
                Optional.of(behavior), Optional.of(plan));
    }

    /** The workload profile and what each replica is allocated: what Azure bills (D36). */
    private static ContainerAppPlan plan(ManifestReading m) {
        YNode properties = m.root.get("properties");
        String profile = m.fields.text(properties.get("workloadProfileName"), "containerApp.workloadProfile",
                ContainerAppPlan.CONSUMPTION);
        List<YNode> resources = properties.get("template").get("containers").items().stream()
                .map(c -> c.get("resources")).toList();
        return new ContainerAppPlan(profile, ReplicaShapeReader.read(resources, ContainerApps.VCPU_PER_CONTAINER,
                ContainerApps.MEMORY_GIB_PER_CONTAINER, m.fields, "containerApp.shape"));
    }

    /** The requests per second of the last 15 s, per replica: Container Apps' "concurrent requests". */
    private static Trigger httpTrigger(int index, double concurrentRequests, YNode at) {
        if (!(concurrentRequests >= 1)) {
            throw at.error("concurrentRequests must be at least 1, found " + concurrentRequests);
        }
        return new Trigger("http", new MetricTarget(MetricSource.EXTERNAL, "s" + index + "-http", Signal.RPS,
                TargetType.AVERAGE_VALUE, concurrentRequests), 0, "");
    }
}
