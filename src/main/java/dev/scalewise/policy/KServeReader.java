package dev.scalewise.policy;

import dev.scalewise.policy.KedaPolicy.Trigger;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * KServe InferenceService (serving.kserve.io/v1beta1), mapped onto the controller it really creates.
 * Class: annotation {@code serving.kserve.io/autoscalerClass} (hpa|kpa|keda|external|none); else the
 * deployment mode ({@code serving.kserve.io/deploymentMode}: RawDeployment/Standard → hpa, Serverless →
 * kpa); else KServe's default mode, Serverless (inferenceservice-config {@code deploy.defaultDeploymentMode}),
 * hence kpa — except that scaleMetric cpu/memory, which the KPA cannot scale on, gives HPA semantics.
 * Defaults: {@link UpstreamDefaults.KServe} (scaleMetric cpu for the HPA); the raw reconcilers lift maxReplicas below minReplicas to
 * minReplicas and (HPA only) a minReplicas of 0 to 1. Serverless InferenceServices pass their
 * {@code autoscaling.knative.dev/*} annotations on to Knative, so those are read as for a Knative Service.
 */
final class KServeReader {
    static final String CLASS_ANNOTATION = "serving.kserve.io/autoscalerClass";
    static final String MODE_ANNOTATION = "serving.kserve.io/deploymentMode";

    private KServeReader() {
    }

    static Optional<PolicySpec> read(ManifestReading m, Consumer<String> notes) {
        YNode predictor = m.spec().get("predictor");
        String name = m.name();
        String klass = autoscalerClass(m, predictor);
        return switch (klass) {
            case "hpa" -> Optional.of(hpa(m, predictor, name));
            case "kpa" -> Optional.of(kpa(m, predictor, name));
            case "keda" -> Optional.of(keda(m, predictor, name));
            case "external", "none" -> {
                notes.accept(m.root.location() + ": InferenceService '" + name + "' has autoscalerClass " + klass
                        + " (scaled by something else, or not at all); not modeled");
                yield Optional.empty();
            }
            default -> throw m.annotations().get(CLASS_ANNOTATION).error("unknown autoscalerClass '" + klass
                    + "'; expected hpa, kpa, keda, external or none");
        };
    }

    private static String autoscalerClass(ManifestReading m, YNode predictor) {
        Optional<String> explicit = m.annotation(CLASS_ANNOTATION);
        if (explicit.isPresent()) {
            return explicit.get().toLowerCase(Locale.ROOT);
        }
        String mode = m.annotation(MODE_ANNOTATION).orElse("Serverless");
        if (mode.equals("RawDeployment") || mode.equals("Standard")) {
            return "hpa";
        }
        String metric = predictor.get("scaleMetric").asText("").toLowerCase(Locale.ROOT);
        return metric.equals("cpu") || metric.equals("memory") ? "hpa" : "kpa";
    }

    private static KpaPolicy kpa(ManifestReading m, YNode predictor, String name) {
        m.editable("target", predictor.get("scaleTarget"));
        editableReplicas(m, predictor);
        KnativeReader.Overrides ov = new KnativeReader.Overrides(predictor.get("minReplicas"),
                predictor.get("maxReplicas"), predictor.get("scaleTarget"), predictor.get("scaleMetric"),
                predictor.get("containerConcurrency"), UpstreamDefaults.KServe.MIN_REPLICAS);
        return KnativeReader.kpa(m, m.annotations(), ov, name);
    }

    private static HpaPolicy hpa(ManifestReading m, YNode predictor, String name) {
        Fields f = m.fields;
        editableReplicas(m, predictor);
        m.editableBehavior(predictor.get("autoScaling").get("behavior"));
        int[] bounds = bounds(m, predictor, true);
        List<MetricTarget> metrics = new ArrayList<>();
        for (YNode metric : predictor.get("autoScaling").get("metrics").items()) {
            YNode type = metric.get("type");
            if (!type.asText("").equals("Resource")) {
                throw type.error("class hpa reads Resource metrics only; use autoscalerClass keda for External metrics");
            }
            metrics.add(resource(m, metric));
        }
        if (metrics.isEmpty()) {
            YNode scaleMetric = predictor.get("scaleMetric");
            String metric = f.text(scaleMetric, "metrics", "cpu").toLowerCase(Locale.ROOT);
            if (!metric.equals("cpu") && !metric.equals("memory")) {
                throw scaleMetric.error("class hpa scales on cpu or memory, found '" + metric
                        + "'; concurrency and rps need class kpa (serverless mode)");
            }
            YNode typeNode = predictor.get("scaleMetricType");
            TargetType type = typeNode.isPresent() ? MetricReader.targetType(typeNode) : TargetType.UTILIZATION;
            YNode targetNode = predictor.get("scaleTarget");
            double target = f.value(targetNode, "metrics", UpstreamDefaults.KServe.CPU_UTILIZATION, YNode::optQuantity);
            metrics.add(MetricReader.build(MetricSource.RESOURCE, scaleMetric, metric, type, target, targetNode,
                    m.signalOverride()));
        }
        Optional<Behavior> behavior = BehaviorReader.read(predictor.get("autoScaling").get("behavior"), f, "behavior");
        f.mark("tolerance");
        f.mark("syncPeriodSeconds");
        return new HpaPolicy(m.meta(name, m.service(name)), bounds[0], bounds[1], metrics, behavior,
                UpstreamDefaults.Hpa.TOLERANCE, UpstreamDefaults.Hpa.SYNC_PERIOD_SECONDS);
    }

    private static KedaPolicy keda(ManifestReading m, YNode predictor, String name) {
        Fields f = m.fields;
        editableReplicas(m, predictor);
        int[] bounds = bounds(m, predictor, false);
        List<Trigger> triggers = new ArrayList<>();
        List<YNode> items = predictor.get("autoScaling").get("metrics").items();
        for (int i = 0; i < items.size(); i++) {
            YNode metric = items.get(i);
            String type = metric.get("type").requireText();
            if (type.equals("Resource")) {
                MetricTarget t = resource(m, metric);
                f.mark("triggers[" + i + "].activationThreshold");
                triggers.add(new Trigger(t.metricName(), t, 0, ""));
            } else if (type.equals("External")) {
                triggers.add(external(m, metric.get("external"), i));
            } else {
                throw metric.get("type").error("class keda reads Resource and External metrics, found '" + type + "'");
            }
        }
        if (triggers.isEmpty()) {
            throw predictor.get("autoScaling").get("metrics").error("class keda needs autoScaling.metrics");
        }
        for (String k : List.of("pollingIntervalSeconds", "cooldownPeriodSeconds", "initialCooldownPeriodSeconds")) {
            f.mark(k);
        }
        Optional<Behavior> behavior = BehaviorReader.read(predictor.get("autoScaling").get("behavior"), f, "behavior");
        return new KedaPolicy(m.meta(name, m.service(name)), bounds[0], bounds[1], UpstreamDefaults.Keda.POLLING_INTERVAL_SECONDS,
                UpstreamDefaults.Keda.COOLDOWN_PERIOD_SECONDS, UpstreamDefaults.Keda.INITIAL_COOLDOWN_PERIOD_SECONDS, OptionalInt.empty(),
                Optional.empty(), triggers, behavior);
    }

    /** {@code {type: Resource, resource: {name, target: {type, averageUtilization|averageValue}}}}, as in the HPA. */
    private static MetricTarget resource(ManifestReading m, YNode metric) {
        YNode r = metric.get("resource");
        YNode target = r.get("target");
        TargetType type = MetricReader.targetType(target.get("type"));
        YNode value = type == TargetType.UTILIZATION ? target.get("averageUtilization")
                : type == TargetType.AVERAGE_VALUE ? target.get("averageValue") : target.get("value");
        return MetricReader.build(MetricSource.RESOURCE, r.get("name"), r.get("name").requireText(), type, value,
                m.signalOverride());
    }

    /** {@code external: {metric: {backend: prometheus, serverAddress, query}, target: {type, value|averageValue}}}. */
    private static Trigger external(ManifestReading m, YNode ext, int index) {
        YNode metric = ext.get("metric");
        String backend = m.fields.text(metric.get("backend"), "triggers[" + index + "].type", "prometheus");
        YNode queryNode = metric.get("query");
        String query = queryNode.requireText();
        YNode target = ext.get("target");
        TargetType type = MetricReader.targetType(target.get("type"));
        YNode value = type == TargetType.VALUE ? target.get("value") : target.get("averageValue");
        MetricTarget t = MetricReader.build(MetricSource.EXTERNAL, queryNode, query, type, value, m.signalOverride());
        String metricName = "s" + index + "-" + backend;
        m.fields.mark("triggers[" + index + "].activationThreshold");
        return new Trigger(backend, new MetricTarget(t.source(), metricName, t.signal(), t.targetType(), t.target()), 0, query);
    }

    /** Whatever the class, the replicas are the predictor's fields. */
    private static void editableReplicas(ManifestReading m, YNode predictor) {
        m.editable("minReplicas", predictor.get("minReplicas"));
        m.editable("maxReplicas", predictor.get("maxReplicas"));
    }

    private static int[] bounds(ManifestReading m, YNode predictor, boolean liftZero) {
        YNode minNode = predictor.get("minReplicas");
        int min = m.fields.integer(minNode, "minReplicas", UpstreamDefaults.KServe.MIN_REPLICAS);
        Fields.atLeast(minNode, min, 0);
        if (liftZero) {
            min = Math.max(min, 1);
        }
        YNode maxNode = predictor.get("maxReplicas");
        int max = m.fields.integer(maxNode, "maxReplicas", min);
        Fields.atLeast(maxNode, max, 0);
        if (maxNode.isPresent() && max > 0) {
            Fields.checkBounds(maxNode, min, max);
        }
        return new int[]{min, Math.max(min, max)};
    }
}
