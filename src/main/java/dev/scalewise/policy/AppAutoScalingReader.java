package dev.scalewise.policy;

import dev.scalewise.policy.AppAutoScalingPolicy.AdjustmentType;
import dev.scalewise.policy.AppAutoScalingPolicy.Alarm;
import dev.scalewise.policy.AppAutoScalingPolicy.CloudMetric;
import dev.scalewise.policy.AppAutoScalingPolicy.Comparison;
import dev.scalewise.policy.AppAutoScalingPolicy.Form;
import dev.scalewise.policy.AppAutoScalingPolicy.Statistic;
import dev.scalewise.policy.AppAutoScalingPolicy.Step;
import dev.scalewise.policy.AppAutoScalingPolicy.StepScaling;
import dev.scalewise.policy.AppAutoScalingPolicy.TargetTracking;
import dev.scalewise.policy.AwsConfig.Props;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * AWS Application Auto Scaling scalable targets and their target tracking and step scaling policies,
 * from any {@link AwsConfig} format, as {@link AppAutoScalingPolicy} (one per target). Defaults and
 * limits from the Application Auto Scaling API reference; docs/autoscalers.md cites each.
 */
final class AppAutoScalingReader {
    /**
     * ScaleOutCooldown, ScaleInCooldown and a step policy's Cooldown default to 300 s for SageMaker endpoint
     * variants, ECS services and custom resources (API reference, TargetTrackingScalingPolicyConfiguration
     * and StepScalingPolicyConfiguration); the namespaces read here all take that default.
     */
    static final int DEFAULT_COOLDOWN_SECONDS = 300;
    /** The alarms AWS creates for target tracking: scale out after 3 one-minute datapoints above the target. */
    static final int OUT_DATAPOINTS = 3;
    /** ... scale in after 15 below 90 % of it. */
    static final int IN_DATAPOINTS = 15;
    static final double IN_THRESHOLD_RATIO = 0.9;
    private static final Set<String> REPLICA_NAMESPACES = Set.of("sagemaker", "ecs", "custom-resource",
            UpstreamDefaults.Lambda.NAMESPACE);

    private AppAutoScalingReader() {
    }

    static boolean reads(YamlDoc doc) {
        return AwsConfig.formatOf(doc).isPresent();
    }

    static List<PolicySpec> read(YamlDoc doc, Consumer<String> notes) {
        AwsConfig.Format format = AwsConfig.formatOf(doc).orElseThrow();
        AwsConfig config = AwsConfig.read(doc, format);
        List<PolicySpec> out = new ArrayList<>();
        Set<AwsConfig.Policy> used = new HashSet<>();
        for (AwsConfig.Target t : config.targets) {
            Props p = t.props();
            String namespace = text(p, "ServiceNamespace");
            String dimension = text(p, "ScalableDimension");
            Optional<String> resourceId = p.text(p.get("ResourceId"));
            List<AwsConfig.Policy> policies = config.policies.stream().filter(x -> targets(x, t, namespace, resourceId,
                    dimension)).toList();
            used.addAll(policies);
            if (namespace.equals(UpstreamDefaults.Lambda.NAMESPACE) && !dimension.equals(UpstreamDefaults.Lambda.DIMENSION)) {
                throw p.get("ScalableDimension").error("a Lambda scalable target's dimension is "
                        + UpstreamDefaults.Lambda.DIMENSION + ", found " + dimension);
            }
            if (!REPLICA_NAMESPACES.contains(namespace)) {
                notes.accept(t.at().location() + ": skipped scalable target " + t.id() + " (" + namespace
                        + "): not an inference service's replicas");
                continue;
            }
            out.add(target(t, format, namespace, dimension, resourceId, policies, config));
        }
        for (AwsConfig.Policy x : config.policies) {
            if (!used.contains(x)) {
                throw x.at().error("scaling policy " + x.name() + " names no scalable target of this "
                        + format.title + "; put its target beside it");
            }
        }
        return out;
    }

    private static boolean targets(AwsConfig.Policy x, AwsConfig.Target t, String namespace, Optional<String> resourceId,
                                   String dimension) {
        if (x.targetRef().isPresent()) {
            return x.targetRef().get().equals(t.id());
        }
        Props p = x.props();
        return resourceId.isPresent() && p.text(p.get("ResourceId")).equals(resourceId)
                && p.text(p.get("ScalableDimension")).orElse("").equals(dimension)
                && p.text(p.get("ServiceNamespace")).orElse("").equals(namespace);
    }

    private static AppAutoScalingPolicy target(AwsConfig.Target t, AwsConfig.Format format, String namespace,
                                               String dimension, Optional<String> resourceId,
                                               List<AwsConfig.Policy> policies, AwsConfig config) {
        Props p = t.props();
        Fields fields = new Fields();
        YNode minNode = p.get("MinCapacity");
        YNode maxNode = p.get("MaxCapacity");
        int min = Fields.atLeast(minNode, minNode.requireInt(), 0);
        int max = Fields.atLeast(maxNode, maxNode.requireInt(), 1);
        Fields.checkBounds(maxNode, min, max);
        editable(fields, "minReplicas", minNode);
        editable(fields, "maxReplicas", maxNode);
        String service = t.serviceOverride().map(YNode::requireText).orElseGet(() -> serviceOf(namespace, resourceId)
                .orElseThrow(() -> p.get("ResourceId").error("cannot tell the service from ResourceId "
                        + resourceId.map(r -> "'" + r + "'").orElse("(not known before deployment)") + "; "
                        + (format == AwsConfig.Format.CLOUDFORMATION ? "add Metadata: {" : "add the tag {")
                        + SignalMapping.SERVICE_ANNOTATION + ": NAME} to the scalable target")));
        List<TargetTracking> tracking = new ArrayList<>();
        List<StepScaling> steps = new ArrayList<>();
        boolean lambda = namespace.equals(UpstreamDefaults.Lambda.NAMESPACE);
        for (AwsConfig.Policy x : policies) {
            Props xp = x.props();
            String type = xp.text(xp.get("PolicyType")).orElseGet(() -> {
                if (format == AwsConfig.Format.TERRAFORM || format == AwsConfig.Format.TERRAFORM_CONFIGURATION) {
                    fields.mark("policies." + x.name() + ".policyType"); // the provider's default
                    return "StepScaling";
                }
                throw xp.get("PolicyType").error("required field is missing; expected TargetTrackingScaling or StepScaling");
            });
            switch (type) {
                case "TargetTrackingScaling" -> tracking.add(targetTracking(x, fields, "targetTracking[" + tracking.size() + "]",
                        lambda));
                case "StepScaling" -> {
                    if (lambda) {
                        throw xp.get("PolicyType").error("Application Auto Scaling scales Lambda provisioned concurrency"
                                + " with target tracking and scheduled actions only, not step scaling");
                    }
                    steps.addAll(stepScaling(x, config, fields, "stepScaling[" + steps.size() + "]"));
                }
                case "PredictiveScaling" -> throw xp.get("PolicyType").beyondModel("predictive scaling policies are not"
                        + " replayed (AWS does not publish its forecast)");
                default -> throw xp.get("PolicyType").error("unknown policy type '" + type
                        + "'; expected TargetTrackingScaling or StepScaling");
            }
        }
        String name = targetName(t);
        String sourceKind = switch (format) {
            case CLOUDFORMATION -> AppAutoScalingPolicy.CLOUDFORMATION_KIND;
            case TERRAFORM, TERRAFORM_CONFIGURATION -> AppAutoScalingPolicy.TERRAFORM_KIND;
            case AWS_CLI -> AppAutoScalingPolicy.CLI_KIND;
        };
        PolicyMeta meta = new PolicyMeta(name, sourceKind, "", service, t.at().location(), fields.defaulted(),
                fields.editable());
        return new AppAutoScalingPolicy(meta, min, max, namespace, resourceId.orElse(""), dimension, tracking, steps);
    }

    /** The resource id when known (unique in an account and region, and says what scales), else the target's id. */
    static String targetName(AwsConfig.Target t) {
        return t.props().text(t.props().get("ResourceId")).orElse(t.id());
    }

    /** The service a resource id names: a SageMaker endpoint or inference component, an ECS service. */
    static Optional<String> serviceOf(String namespace, Optional<String> resourceId) {
        if (resourceId.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = resourceId.get().split("/");
        return switch (namespace) {
            case "sagemaker" -> parts.length >= 2 && (parts[0].equals("endpoint") || parts[0].equals("inference-component"))
                    ? Optional.of(parts[1]) : Optional.empty();
            case "ecs" -> parts.length == 3 && parts[0].equals("service") ? Optional.of(parts[2]) : Optional.empty();
            // function:NAME:ALIAS or function:NAME:VERSION
            case "lambda" -> {
                String[] f = resourceId.get().split(":");
                yield f.length == 3 && f[0].equals("function") ? Optional.of(f[1]) : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    private static TargetTracking targetTracking(AwsConfig.Policy x, Fields fields, String path, boolean lambda) {
        Props cfg = x.props().block("TargetTrackingScalingPolicyConfiguration");
        if (!cfg.isPresent()) {
            throw x.at().error("a TargetTrackingScaling policy needs TargetTrackingScalingPolicyConfiguration");
        }
        YNode targetNode = cfg.get("TargetValue");
        double target = number(cfg, targetNode).orElseThrow(() -> targetNode.error("required field is missing"));
        if (!(target > 0)) {
            throw targetNode.error("TargetValue must be above 0, found " + target);
        }
        boolean disableScaleIn = fields.value(cfg.get("DisableScaleIn"), path + ".disableScaleIn", false, YNode::optBool);
        editable(fields, path + ".targetValue", targetNode);
        editable(fields, path + ".scaleOutCooldownSeconds", cfg.get("ScaleOutCooldown"));
        editable(fields, path + ".scaleInCooldownSeconds", cfg.get("ScaleInCooldown"));
        int defaultCooldown = lambda ? UpstreamDefaults.Lambda.COOLDOWN_SECONDS : DEFAULT_COOLDOWN_SECONDS;
        int out = cooldown(cfg, "ScaleOutCooldown", fields, path + ".scaleOutCooldownSeconds", defaultCooldown);
        int in = cooldown(cfg, "ScaleInCooldown", fields, path + ".scaleInCooldownSeconds", defaultCooldown);
        CloudMetric metric;
        Props predefined = cfg.block("PredefinedMetricSpecification");
        Props custom = cfg.block("CustomizedMetricSpecification");
        if (predefined.isPresent()) {
            YNode type = predefined.get("PredefinedMetricType");
            metric = predefined(type, predefined.text(type).orElseThrow(() -> type.error("required field is missing")),
                    x.signalOverride(), target);
        } else if (custom.isPresent()) {
            if (given(custom.get("Metrics"))) {
                throw custom.get("Metrics").beyondModel("metric math is not replayed; track one metric");
            }
            metric = custom(custom.get("MetricName"), text(custom, "Namespace"), text(custom, "MetricName"),
                    statistic(custom.get("Statistic"), custom), x.signalOverride(), target);
        } else {
            throw cfg.node().error("needs PredefinedMetricSpecification or CustomizedMetricSpecification");
        }
        YNode metricAt = predefined.isPresent() ? predefined.get("PredefinedMetricType") : custom.get("MetricName");
        if (lambda != (metric.form() == Form.PROVISIONED_UTILIZATION)) {
            throw metricAt.beyondModel(lambda ? "Lambda provisioned concurrency is replayed tracking"
                    + " LambdaProvisionedConcurrencyUtilization (AWS/Lambda ProvisionedConcurrencyUtilization), not "
                    + metric.name() : metric.name() + " is a Lambda function's metric; this target is not one");
        }
        for (String f : List.of("outDatapoints", "inDatapoints", "inThresholdRatio")) {
            fields.mark(path + "." + f); // set by the alarms AWS creates, not by the policy
        }
        return new TargetTracking(x.name(), metric, target, disableScaleIn, out, in, OUT_DATAPOINTS, IN_DATAPOINTS,
                IN_THRESHOLD_RATIO);
    }

    /**
     * Records where a tunable field lives, from the document's root (a configuration is one document), when
     * its value is written as a literal or not at all: a value taken from a CloudFormation parameter or
     * function is the user's to change where it is defined.
     */
    private static void editable(Fields fields, String field, YNode n) {
        if (n.isMissing() || n.isNull() || n.isScalar() && n.localTag().isEmpty()) {
            fields.editable(field, ManifestField.at(n.yamlPath()));
        }
    }

    private static int cooldown(Props cfg, String key, Fields fields, String path, int defaultSeconds) {
        YNode n = cfg.get(key);
        int v = fields.integer(n, path, defaultSeconds);
        return Fields.atLeast(n, v, 0);
    }

    private static List<StepScaling> stepScaling(AwsConfig.Policy x, AwsConfig config, Fields fields, String path) {
        Props cfg = x.props().block("StepScalingPolicyConfiguration");
        if (!cfg.isPresent()) {
            throw x.at().error("a StepScaling policy needs StepScalingPolicyConfiguration");
        }
        YNode typeNode = cfg.get("AdjustmentType");
        AdjustmentType type = switch (cfg.text(typeNode).orElseThrow(() -> typeNode.error("required field is missing"))) {
            case "ChangeInCapacity" -> AdjustmentType.CHANGE_IN_CAPACITY;
            case "PercentChangeInCapacity" -> AdjustmentType.PERCENT_CHANGE_IN_CAPACITY;
            case "ExactCapacity" -> AdjustmentType.EXACT_CAPACITY;
            default -> throw typeNode.error("expected ChangeInCapacity, PercentChangeInCapacity or ExactCapacity");
        };
        int cooldown = cooldown(cfg, "Cooldown", fields, path + ".cooldownSeconds", DEFAULT_COOLDOWN_SECONDS);
        int minMagnitude = Fields.atLeast(cfg.get("MinAdjustmentMagnitude"),
                fields.integer(cfg.get("MinAdjustmentMagnitude"), path + ".minAdjustmentMagnitude", 0), 0);
        YNode aggregationNode = cfg.get("MetricAggregationType");
        Statistic aggregation = aggregationNode.text().isPresent() ? statistic(aggregationNode, cfg) : Statistic.AVERAGE;
        if (aggregationNode.text().isEmpty()) {
            fields.mark(path + ".metricAggregation");
        }
        List<Step> steps = new ArrayList<>();
        for (Props s : cfg.list("StepAdjustments")) {
            editable(fields, path + ".steps[" + steps.size() + "].scalingAdjustment", s.get("ScalingAdjustment"));
            double lower = number(s, s.get("MetricIntervalLowerBound")).orElse(Double.NEGATIVE_INFINITY);
            double upper = number(s, s.get("MetricIntervalUpperBound")).orElse(Double.POSITIVE_INFINITY);
            if (!(lower < upper)) {
                throw s.get("MetricIntervalUpperBound").error("MetricIntervalUpperBound must be above MetricIntervalLowerBound");
            }
            steps.add(new Step(lower, upper, s.get("ScalingAdjustment").requireInt()));
        }
        if (steps.isEmpty()) {
            throw cfg.node().error("a step scaling policy needs at least one StepAdjustments entry");
        }
        List<StepScaling> out = new ArrayList<>();
        for (AwsConfig.Alarm a : config.alarms) {
            if (a.actions().stream().anyMatch(x.aliases()::contains) || x.alarmNames().contains(a.name())) {
                out.add(new StepScaling(x.name(), alarm(a, x.signalOverride()), type, steps, cooldown, minMagnitude,
                        aggregation));
            }
        }
        if (out.isEmpty()) {
            throw x.at().error("step scaling policy " + x.name() + " is invoked by no CloudWatch alarm of this "
                    + config.format.title + "; add the alarm whose AlarmActions name it (CloudFormation"
                    + " AWS::CloudWatch::Alarm, Terraform aws_cloudwatch_metric_alarm, or the output of"
                    + " `aws cloudwatch describe-alarms` merged into the describe output)");
        }
        return out;
    }

    private static Alarm alarm(AwsConfig.Alarm a, Optional<YNode> signalOverride) {
        Props p = a.props();
        if (given(p.get("Metrics")) || given(p.get("MetricQuery"))) {
            throw p.get("Metrics").beyondModel("metric math alarms are not replayed; alarm on one metric");
        }
        if (given(p.get("ExtendedStatistic"))) {
            throw p.get("ExtendedStatistic").beyondModel("percentile statistics are not replayed; use Average,"
                    + " Sum, Maximum or Minimum");
        }
        YNode periodNode = p.get("Period");
        int period = Fields.atLeast(periodNode, periodNode.requireInt(), 60);
        if (period % 60 != 0) {
            throw periodNode.beyondModel("an alarm period of " + period + " s is not replayed; use a multiple of 60 s");
        }
        YNode evalNode = p.get("EvaluationPeriods");
        int evaluation = Fields.atLeast(evalNode, evalNode.requireInt(), 1);
        YNode dpNode = p.get("DatapointsToAlarm");
        // Terraform's state writes 0 for an unset DatapointsToAlarm, which then means EvaluationPeriods
        int datapoints = dpNode.optInt().filter(d -> d != 0).orElse(evaluation);
        if (datapoints < 1 || datapoints > evaluation) {
            throw dpNode.error("DatapointsToAlarm must be between 1 and EvaluationPeriods (" + evaluation + ")");
        }
        YNode thresholdNode = p.get("Threshold");
        double threshold = number(p, thresholdNode).orElseThrow(() -> thresholdNode.error("required field is missing"));
        YNode opNode = p.get("ComparisonOperator");
        Comparison op = switch (p.text(opNode).orElseThrow(() -> opNode.error("required field is missing"))) {
            case "GreaterThanOrEqualToThreshold" -> Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
            case "GreaterThanThreshold" -> Comparison.GREATER_THAN_THRESHOLD;
            case "LessThanThreshold" -> Comparison.LESS_THAN_THRESHOLD;
            case "LessThanOrEqualToThreshold" -> Comparison.LESS_THAN_OR_EQUAL_TO_THRESHOLD;
            default -> throw opNode.beyondModel("comparison " + opNode.asText("") + " is not replayed (anomaly detection"
                    + " bands are not modeled)");
        };
        CloudMetric metric = custom(p.get("MetricName"), text(p, "Namespace"), text(p, "MetricName"),
                statistic(p.get("Statistic"), p), signalOverride, threshold);
        return new Alarm(a.name(), metric, op, threshold, period, evaluation, datapoints);
    }

    /** Predefined metric types (API reference, PredefinedMetricSpecification) that scale instances. */
    private static CloudMetric predefined(YNode at, String type, Optional<YNode> override, double target) {
        if (override.isPresent()) {
            return overridden(type, override.get(), target, Statistic.AVERAGE);
        }
        return switch (type) {
            // invocations per instance per minute (SageMaker's InvocationsPerInstance, summed over the minute)
            case "SageMakerVariantInvocationsPerInstance", "SageMakerInferenceComponentInvocationsPerCopy",
                 "ALBRequestCountPerTarget" -> new CloudMetric(type, Signal.RPS, Form.PER_INSTANCE, 60, Statistic.SUM);
            case "ECSServiceAverageCPUUtilization" -> new CloudMetric(type, Signal.CPU_UTIL, Form.SIGNAL, 100, Statistic.AVERAGE);
            case "ECSServiceAverageMemoryUtilization" -> new CloudMetric(type, Signal.MEM_UTIL, Form.SIGNAL, 100, Statistic.AVERAGE);
            // the alarms target tracking creates use the Average statistic (Lambda guide)
            case "LambdaProvisionedConcurrencyUtilization" -> provisionedUtilization(type, Statistic.AVERAGE);
            default -> throw at.beyondModel("predefined metric " + type + " is not replayed"
                    + (type.contains("HighResolution") ? " (AWS does not publish the alarms of high-resolution target tracking)" : "")
                    + "; modeled: SageMakerVariantInvocationsPerInstance, SageMakerInferenceComponentInvocationsPerCopy,"
                    + " ALBRequestCountPerTarget, ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization,"
                    + " LambdaProvisionedConcurrencyUtilization");
        };
    }

    /**
     * A CloudWatch metric by name: SageMaker's endpoint metrics (AWS/SageMaker and /aws/sagemaker/Endpoints,
     * SageMaker developer guide, "Monitor SageMaker AI with CloudWatch"), else the well-known-name rules.
     */
    static CloudMetric custom(YNode at, String namespace, String name, Statistic statistic, Optional<YNode> override,
                              double target) {
        String full = namespace + "/" + name;
        if (override.isPresent()) {
            return overridden(full, override.get(), target, statistic);
        }
        return switch (name) {
            case "InvocationsPerInstance", "InvocationsPerCopy" -> new CloudMetric(full, Signal.RPS, Form.PER_INSTANCE, 60, statistic);
            case "Invocations" -> new CloudMetric(full, Signal.RPS, Form.SIGNAL, 60, statistic);
            case "CPUUtilization", "CPUUtilizationNormalized" -> new CloudMetric(full, Signal.CPU_UTIL, Form.SIGNAL, 100, statistic);
            case "GPUUtilization", "GPUUtilizationNormalized" -> new CloudMetric(full, Signal.GPU_UTIL, Form.SIGNAL, 100, statistic);
            case "MemoryUtilization" -> new CloudMetric(full, Signal.MEM_UTIL, Form.SIGNAL, 100, statistic);
            case "ConcurrentRequestsPerModel", "ConcurrentRequestsPerCopy" -> new CloudMetric(full, Signal.CONCURRENCY, Form.SIGNAL, 1, statistic);
            case "ApproximateBacklogSizePerInstance" -> new CloudMetric(full, Signal.QUEUE_DEPTH, Form.PER_INSTANCE, 1, statistic);
            case "ApproximateBacklogSize" -> new CloudMetric(full, Signal.QUEUE_DEPTH, Form.SIGNAL, 1, statistic);
            case "HasBacklogWithoutCapacity" -> new CloudMetric(full, Signal.QUEUE_DEPTH, Form.NO_CAPACITY_FLAG, 1, statistic);
            case "NoCapacityInvocationFailures" -> new CloudMetric(full, Signal.RPS, Form.NO_CAPACITY_COUNT, 60, statistic);
            case "ProvisionedConcurrencyUtilization" -> provisionedUtilization(full, statistic);
            default -> {
                Signal s = SignalMapping.byName(name, MetricSource.EXTERNAL, TargetType.AVERAGE_VALUE).orElseThrow(() ->
                        at.beyondModel("metric '" + full + "' maps to no simulated signal; use a SageMaker endpoint metric"
                                + " or set " + SignalMapping.ANNOTATION + " in the policy's Metadata to one of "
                                + SignalMapping.ids()));
                yield new CloudMetric(full, s, Form.SIGNAL, utilScale(s, target), statistic);
            }
        };
    }

    /** ProvisionedConcurrentExecutions / the provisioned concurrency allocated (Lambda guide), 0..1. */
    private static CloudMetric provisionedUtilization(String name, Statistic statistic) {
        return new CloudMetric(name, Signal.CONCURRENCY, Form.PROVISIONED_UTILIZATION, 1, statistic);
    }

    private static CloudMetric overridden(String name, YNode override, double target, Statistic statistic) {
        Signal s = SignalMapping.parse(override, override.requireText());
        return new CloudMetric(name, s, Form.SIGNAL, utilScale(s, target), statistic);
    }

    /** A utilization target above 1 is a percent (as for the HPA's AverageValue on a util signal). */
    private static double utilScale(Signal s, double target) {
        return s.fraction() && target > 1 ? 100 : 1;
    }

    private static Statistic statistic(YNode n, Props p) {
        String s = p.text(n).orElseThrow(() -> n.error("required field is missing; expected Average, Sum, Maximum or Minimum"));
        return switch (s) {
            case "Average" -> Statistic.AVERAGE;
            case "Sum" -> Statistic.SUM;
            case "Maximum" -> Statistic.MAXIMUM;
            case "Minimum" -> Statistic.MINIMUM;
            case "SampleCount" -> throw n.beyondModel("the SampleCount statistic is not replayed");
            default -> throw n.error("unknown statistic '" + s + "'; expected Average, Sum, Maximum or Minimum");
        };
    }

    /** Written with a value: Terraform writes unset attributes as null and unset blocks as []. */
    private static boolean given(YNode n) {
        return n.isPresent() && !n.isNull() && !(n.isSequence() && n.items().isEmpty())
                && !n.text().map(String::isEmpty).orElse(false);
    }

    private static String text(Props p, String key) {
        YNode n = p.get(key);
        return p.text(n).orElseThrow(() -> n.isPresent() && !n.isNull()
                ? n.error("cannot tell its value before deployment; write it as text") : n.error("required field is missing"));
    }

    /** A number, also written as a string (Terraform writes step bounds as strings, "" when unset). */
    private static Optional<Double> number(Props p, YNode n) {
        Optional<String> t = p.text(n).map(String::trim).filter(s -> !s.isEmpty());
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(t.get());
            if (!Double.isFinite(v)) {
                throw n.error("expected a finite number, found '" + t.get() + "'");
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            throw n.error("expected a number, found '" + t.get().toLowerCase(Locale.ROOT) + "'");
        }
    }
}
