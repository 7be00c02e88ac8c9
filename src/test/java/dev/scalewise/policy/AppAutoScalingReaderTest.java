package dev.scalewise.policy;

import dev.scalewise.UserError;
import dev.scalewise.policy.AppAutoScalingPolicy.AdjustmentType;
import dev.scalewise.policy.AppAutoScalingPolicy.Comparison;
import dev.scalewise.policy.AppAutoScalingPolicy.Form;
import dev.scalewise.policy.AppAutoScalingPolicy.Statistic;
import dev.scalewise.policy.AppAutoScalingPolicy.Step;
import dev.scalewise.policy.AppAutoScalingPolicy.StepScaling;
import dev.scalewise.policy.AppAutoScalingPolicy.TargetTracking;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.yaml.YamlError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One SageMaker inference component's scaling (target tracking on invocations per copy, a step policy
 * with its NoCapacityInvocationFailures alarm to leave zero) written the four ways teams keep it:
 * CloudFormation YAML and JSON, a Terraform plan (in a module) and a raw state, and the AWS CLI's
 * describe output. All read to the same policy; bad files fail at the line and column of the mistake.
 */
class AppAutoScalingReaderTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/aws");

    static AppAutoScalingPolicy read(String file) {
        List<PolicySpec> ps = PolicyLoader.load(List.of(DIR.resolve(file).toString())).policies();
        assertEquals(1, ps.size(), file);
        return (AppAutoScalingPolicy) ps.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloudformation.yaml", "cloudformation.json", "terraform-plan.json", "terraform.tfstate",
            "describe.json", "sagemaker.tf.json"})
    void everyFormatReadsTheSamePolicy(String file) {
        AppAutoScalingPolicy p = read(file);
        assertEquals("llm-chat", p.meta().service());
        assertEquals("inference-component/llm-chat", p.meta().name());
        assertEquals(0, p.minReplicas());
        assertEquals(8, p.maxReplicas());
        assertEquals("sagemaker", p.serviceNamespace());
        assertEquals("sagemaker:inference-component:DesiredCopyCount", p.scalableDimension());
        assertEquals(List.of(new TargetTracking("llm-chat-invocations", new AppAutoScalingPolicy.CloudMetric(
                "SageMakerInferenceComponentInvocationsPerCopy", dev.scalewise.policy.Signal.RPS, Form.PER_INSTANCE, 60,
                Statistic.SUM), 70, false, 60, 600, 3, 15, 0.9)), p.targetTracking());
        assertEquals(1, p.stepScaling().size());
        StepScaling s = p.stepScaling().get(0);
        assertEquals("llm-chat-from-zero", s.name());
        assertEquals(AdjustmentType.CHANGE_IN_CAPACITY, s.adjustmentType());
        assertEquals(List.of(new Step(0, Double.POSITIVE_INFINITY, 1)), s.steps());
        assertEquals(300, s.cooldownSeconds());
        assertEquals(Statistic.MAXIMUM, s.metricAggregation());
        assertEquals("llm-chat-no-capacity", s.alarm().name());
        assertEquals("AWS/SageMaker/NoCapacityInvocationFailures", s.alarm().metric().name());
        assertEquals(Form.NO_CAPACITY_COUNT, s.alarm().metric().form());
        assertEquals(Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, s.alarm().comparison());
        assertEquals(1, s.alarm().threshold());
        assertEquals(60, s.alarm().periodSeconds());
        assertEquals(1, s.alarm().evaluationPeriods());
        assertEquals(1, s.alarm().datapointsToAlarm());
    }

    @Test
    void theLocationIsTheScalableTarget() {
        assertEquals(new SourceLocation(DIR.resolve("cloudformation.yaml").toString(), 10, 5),
                read("cloudformation.yaml").meta().location());
    }

    @Test
    void defaultsAreTheApiReferencesAndAreMarked() {
        AppAutoScalingPolicy p = (AppAutoScalingPolicy) Yamls.one("""
                Resources:
                  T:
                    Type: AWS::ApplicationAutoScaling::ScalableTarget
                    Properties: {ServiceNamespace: sagemaker, ResourceId: endpoint/e1/variant/AllTraffic,
                      ScalableDimension: "sagemaker:variant:DesiredInstanceCount", MinCapacity: 1, MaxCapacity: 4}
                  P:
                    Type: AWS::ApplicationAutoScaling::ScalingPolicy
                    Properties:
                      PolicyName: p
                      PolicyType: TargetTrackingScaling
                      ScalingTargetId: !Ref T
                      TargetTrackingScalingPolicyConfiguration:
                        TargetValue: 70
                        PredefinedMetricSpecification: {PredefinedMetricType: SageMakerVariantInvocationsPerInstance}
                """);
        TargetTracking t = p.targetTracking().get(0);
        assertEquals(300, t.scaleOutCooldownSeconds());
        assertEquals(300, t.scaleInCooldownSeconds());
        assertEquals(false, t.disableScaleIn());
        assertEquals("e1", p.meta().service());
        assertTrue(p.meta().defaulted().containsAll(List.of("targetTracking[0].scaleOutCooldownSeconds",
                "targetTracking[0].scaleInCooldownSeconds", "targetTracking[0].disableScaleIn",
                "targetTracking[0].outDatapoints")), p.meta().defaulted().toString());
    }

    /** Each mistake, the line:column it is reported at, and the words that say what to do. */
    @Test
    void badFilesNameTheLineAndColumn(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String head = """
                Resources:
                  T:
                    Type: AWS::ApplicationAutoScaling::ScalableTarget
                    Properties:
                      ServiceNamespace: sagemaker
                      ResourceId: endpoint/e1/variant/AllTraffic
                      ScalableDimension: sagemaker:variant:DesiredInstanceCount
                      MinCapacity: 2
                      MaxCapacity: %s
                  P:
                    Type: AWS::ApplicationAutoScaling::ScalingPolicy
                    Properties:
                      PolicyName: p
                      PolicyType: %s
                      ScalingTargetId: !Ref T
                      TargetTrackingScalingPolicyConfiguration:
                        TargetValue: %s
                        PredefinedMetricSpecification: {PredefinedMetricType: %s}
                """;
        assertError(tmp, head.formatted(1, "TargetTrackingScaling", 70, "SageMakerVariantInvocationsPerInstance"),
                ":9:20: Resources.T.Properties.MaxCapacity: maxReplicas 1 is less than minReplicas 2");
        assertError(tmp, head.formatted(4, "TargetTracking", 70, "SageMakerVariantInvocationsPerInstance"),
                ":14:19: Resources.P.Properties.PolicyType: unknown policy type 'TargetTracking'");
        assertError(tmp, head.formatted(4, "TargetTrackingScaling", "seventy", "SageMakerVariantInvocationsPerInstance"),
                ":17:22: Resources.P.Properties.TargetTrackingScalingPolicyConfiguration.TargetValue: expected a number");
        assertError(tmp, head.formatted(4, "TargetTrackingScaling", 70, "SageMakerVariantCPUUtilization"),
                ":18:63: Resources.P.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification"
                        + ".PredefinedMetricType: predefined metric SageMakerVariantCPUUtilization is not replayed");
    }

    @Test
    void aStepPolicyWithoutItsAlarmSaysWhatToAdd(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        assertError(tmp, """
                {"Resources": {
                  "T": {"Type": "AWS::ApplicationAutoScaling::ScalableTarget", "Properties": {"ServiceNamespace": "ecs",
                    "ResourceId": "service/prod/rerank", "ScalableDimension": "ecs:service:DesiredCount",
                    "MinCapacity": 1, "MaxCapacity": 10}},
                  "Up": {"Type": "AWS::ApplicationAutoScaling::ScalingPolicy", "Properties": {"PolicyName": "up",
                    "PolicyType": "StepScaling", "ScalingTargetId": {"Ref": "T"},
                    "StepScalingPolicyConfiguration": {"AdjustmentType": "ChangeInCapacity",
                      "StepAdjustments": [{"MetricIntervalLowerBound": 0, "ScalingAdjustment": 2}]}}}
                }}
                """, ":5:9: Resources.Up: step scaling policy up is invoked by no CloudWatch alarm of this CloudFormation"
                + " template; add the alarm whose AlarmActions name it");
    }

    @Test
    void anUnknownServiceAsksForTheMetadata(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        assertError(tmp, """
                Resources:
                  T:
                    Type: AWS::ApplicationAutoScaling::ScalableTarget
                    Properties:
                      ServiceNamespace: sagemaker
                      ResourceId: !Sub endpoint/${Endpoint.EndpointName}/variant/AllTraffic
                      ScalableDimension: sagemaker:variant:DesiredInstanceCount
                      MinCapacity: 1
                      MaxCapacity: 2
                  Endpoint:
                    Type: AWS::SageMaker::Endpoint
                    Properties: {EndpointConfigName: !ImportValue shared-config}
                """, ":6:19: Resources.T.Properties.ResourceId: cannot tell the service from ResourceId (not known before"
                + " deployment); add Metadata: {scalewise.dev/service: NAME} to the scalable target");
    }

    @Test
    void metadataNamesTheService() {
        AppAutoScalingPolicy p = (AppAutoScalingPolicy) Yamls.one("""
                Resources:
                  T:
                    Type: AWS::ApplicationAutoScaling::ScalableTarget
                    Metadata: {scalewise.dev/service: rerank}
                    Properties: {ServiceNamespace: ecs, ResourceId: !GetAtt Svc.Name, ScalableDimension: "ecs:service:DesiredCount",
                      MinCapacity: 1, MaxCapacity: 4}
                """);
        assertEquals("rerank", p.meta().service());
        assertEquals(List.of(), p.targetTracking());
    }

    /** In a .tf.json configuration a value Terraform knows only at plan time (a variable) fails at its line. */
    @Test
    void aTerraformConfigurationValueKnownOnlyAtPlanTimeFailsAtItsLine(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        String config = Files.readString(DIR.resolve("sagemaker.tf.json"));
        assertEquals(new SourceLocation(DIR.resolve("sagemaker.tf.json").toString(), 6, 19),
                read("sagemaker.tf.json").meta().location());
        assertError(tmp, config.replace("\"resource_id\": \"inference-component/llm-chat\"", "\"resource_id\": \"${var.component}\""),
                ":9:24: resource.aws_appautoscaling_target.llm_chat.resource_id: cannot tell the service from ResourceId"
                        + " (not known before deployment); add the tag {scalewise.dev/service: NAME} to the scalable target");
    }

    static void assertError(Path tmp, String text, String expected) throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, text);
        UserError e = assertThrows(UserError.class, () -> PolicyLoader.load(List.of(f.toString())));
        assertTrue(e.getMessage().startsWith(f + expected), e.getMessage());
    }
}
