package dev.scalewise.policy;

import java.util.List;
import java.util.Set;

/**
 * An AWS Application Auto Scaling scalable target with its scaling policies (a SageMaker endpoint
 * variant or inference component, an ECS service): what the provider's autoscaler does with it, read
 * from CloudFormation, Terraform or the AWS CLI's describe output. AWS runs every policy of a target at
 * once and takes the one that gives the largest capacity, so one record holds them all.
 *
 * @param minReplicas       MinCapacity
 * @param maxReplicas       MaxCapacity
 * @param serviceNamespace  sagemaker, ecs, custom-resource, lambda
 * @param resourceId        e.g. endpoint/my-endpoint/variant/AllTraffic, function:my-function:live
 * @param scalableDimension e.g. sagemaker:variant:DesiredInstanceCount
 */
public record AppAutoScalingPolicy(PolicyMeta meta, int minReplicas, int maxReplicas, String serviceNamespace,
                                   String resourceId, String scalableDimension, List<TargetTracking> targetTracking,
                                   List<StepScaling> stepScaling) implements PolicySpec {
    /** How lint and results name the object kind of every AWS configuration format. */
    public static final String KIND = "AWS::ApplicationAutoScaling";
    /** The kind each format names a scalable target by (CloudFormation, Terraform, the AWS CLI): a policy's sourceKind. */
    public static final String CLOUDFORMATION_KIND = "AWS::ApplicationAutoScaling::ScalableTarget";
    public static final String TERRAFORM_KIND = "aws_appautoscaling_target";
    public static final String CLI_KIND = "ScalableTarget";
    /** A SageMaker endpoint variant's dimension: MinCapacity at least 1 (only inference components scale to 0). */
    public static final String VARIANT_DIMENSION = "sagemaker:variant:DesiredInstanceCount";

    public AppAutoScalingPolicy {
        targetTracking = List.copyOf(targetTracking);
        stepScaling = List.copyOf(stepScaling);
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.APP_AUTO_SCALING;
    }

    /**
     * A Lambda function's provisioned concurrency: a replica is one provisioned execution environment, and what
     * they cannot take runs on demand, with a cold start on each new environment (docs/autoscalers.md).
     */
    public boolean provisionedConcurrency() {
        return serviceNamespace.equals(UpstreamDefaults.Lambda.NAMESPACE);
    }

    /** Whether a manifest kind is one of a scalable target's (its configuration has no kind of its own). */
    public static boolean isSourceKind(String kind) {
        return Set.of(CLOUDFORMATION_KIND, TERRAFORM_KIND, CLI_KIND).contains(kind);
    }

    /**
     * Whether a step scaling policy sees traffic while no instance is in service (its alarm's metric is not
     * per instance), so the target can leave zero instances: target tracking asks for capacity x metric /
     * target, which from 0 is 0 whatever the metric.
     */
    public boolean scalesOutFromZero() {
        return stepScaling.stream().anyMatch(s -> s.alarm().metric().form() != Form.PER_INSTANCE
                && !s.alarm().metric().signal().perReplica());
    }

    /**
     * A CloudWatch metric as the replay computes it from a simulated signal, for one period.
     *
     * @param name      the metric as written (a predefined metric type, or Namespace/MetricName)
     * @param signal    the simulated signal it stands for
     * @param form      how the minute's value comes from the signal
     * @param scale     multiplies the signal: 60 for a per-minute count of a per-second rate, 100 for a percent
     * @param statistic how a period longer than a minute aggregates its minutes
     */
    public record CloudMetric(String name, Signal signal, Form form, double scale, Statistic statistic) {
    }

    /** How a CloudWatch metric's value for one minute comes from the replay's signals. */
    public enum Form {
        /** The signal itself (a per-instance mean, or a fleet total), times the scale. */
        SIGNAL,
        /** The signal divided by the instances in service (a fleet total published per instance). */
        PER_INSTANCE,
        /** 1 while requests arrive or wait and no instance is in service, else 0 (HasBacklogWithoutCapacity). */
        NO_CAPACITY_FLAG,
        /** Requests that arrive while no instance is in service (NoCapacityInvocationFailures). */
        NO_CAPACITY_COUNT,
        /**
         * A Lambda function's ProvisionedConcurrencyUtilization: the share of its provisioned environments busy,
         * 0..1 (requests beyond them run on demand); none while no provisioned concurrency is allocated.
         */
        PROVISIONED_UTILIZATION
    }

    public enum Statistic { AVERAGE, SUM, MAXIMUM, MINIMUM }

    /**
     * A target tracking policy. AWS creates two alarms for it: scale out when the metric is above the
     * target for {@code outDatapoints} one-minute datapoints in a row, scale in when it is below
     * {@code inThresholdRatio} x target for {@code inDatapoints} (docs/autoscalers.md cites each number).
     */
    public record TargetTracking(String name, CloudMetric metric, double targetValue, boolean disableScaleIn,
                                 int scaleOutCooldownSeconds, int scaleInCooldownSeconds, int outDatapoints,
                                 int inDatapoints, double inThresholdRatio) {
    }

    /**
     * A step scaling policy with the CloudWatch alarm that invokes it (step scaling has no alarm of its
     * own: the user's alarm names the policy among its actions).
     */
    public record StepScaling(String name, Alarm alarm, AdjustmentType adjustmentType, List<Step> steps,
                              int cooldownSeconds, int minAdjustmentMagnitude, Statistic metricAggregation) {
        public StepScaling {
            steps = List.copyOf(steps);
        }
    }

    /**
     * @param periodSeconds     a multiple of 60
     * @param evaluationPeriods the datapoints looked at
     * @param datapointsToAlarm how many of them must breach
     */
    public record Alarm(String name, CloudMetric metric, Comparison comparison, double threshold, int periodSeconds,
                        int evaluationPeriods, int datapointsToAlarm) {
    }

    public enum Comparison {
        GREATER_THAN_OR_EQUAL_TO_THRESHOLD, GREATER_THAN_THRESHOLD, LESS_THAN_THRESHOLD, LESS_THAN_OR_EQUAL_TO_THRESHOLD;

        public boolean breaches(double value, double threshold) {
            return switch (this) {
                case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
                case GREATER_THAN_THRESHOLD -> value > threshold;
                case LESS_THAN_THRESHOLD -> value < threshold;
                case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
            };
        }
    }

    public enum AdjustmentType { CHANGE_IN_CAPACITY, PERCENT_CHANGE_IN_CAPACITY, EXACT_CAPACITY }

    /**
     * One step adjustment: bounds relative to the alarm threshold, NEGATIVE_INFINITY / POSITIVE_INFINITY
     * when not set.
     */
    public record Step(double lowerBound, double upperBound, int scalingAdjustment) {
    }
}
