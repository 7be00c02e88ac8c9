package dev.scalewise.policy;

import dev.scalewise.policy.AppAutoScalingPolicy.Form;
import dev.scalewise.policy.AppAutoScalingPolicy.Statistic;
import dev.scalewise.policy.AppAutoScalingPolicy.TargetTracking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static dev.scalewise.policy.AppAutoScalingReaderTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Lambda function's provisioned concurrency (the embed-search function's live alias, kept near 70 % busy as
 * in the Lambda guide's example) written the ways teams keep it: CloudFormation YAML (predefined metric) and
 * JSON (the same metric as a customized AWS/Lambda one), a Terraform plan and state, and the AWS CLI's
 * describe output. Bad files fail at the line of the mistake.
 */
class LambdaProvisionedConcurrencyReaderTest {
    @ParameterizedTest
    @ValueSource(strings = {"lambda-cloudformation.yaml", "lambda-cloudformation.json", "lambda-terraform-plan.json",
            "lambda-terraform.tfstate", "lambda-describe.json"})
    void everyFormatReadsTheSameProvisionedConcurrency(String file) {
        AppAutoScalingPolicy p = AppAutoScalingReaderTest.read(file);
        assertEquals("embed-search", p.meta().service());
        assertEquals("function:embed-search:live", p.meta().name());
        assertTrue(p.provisionedConcurrency());
        assertEquals(1, p.minReplicas());
        assertEquals(20, p.maxReplicas());
        assertEquals(List.of(), p.stepScaling());
        TargetTracking t = p.targetTracking().get(0);
        assertEquals(new TargetTracking(t.name(), t.metric(), 0.7, false, 0, 120, 3, 15, 0.9), t);
        assertEquals("embed-search-utilization", t.name());
        assertEquals(Signal.CONCURRENCY, t.metric().signal());
        assertEquals(Form.PROVISIONED_UTILIZATION, t.metric().form());
        assertEquals(Statistic.AVERAGE, t.metric().statistic());
    }

    /** ScaleOutCooldown left out is Lambda's 0 s (not the 300 s of SageMaker and ECS), and marked as defaulted. */
    @Test
    void aCooldownLeftOutIsLambdasZero() {
        AppAutoScalingPolicy p = AppAutoScalingReaderTest.read("lambda-cloudformation.yaml");
        assertTrue(p.meta().defaulted().contains("targetTracking[0].scaleOutCooldownSeconds"), p.meta().defaulted().toString());
        assertFalse(p.meta().defaulted().contains("targetTracking[0].scaleInCooldownSeconds"));
        assertEquals(0, p.targetTracking().get(0).scaleOutCooldownSeconds());
    }

    @Test
    void policyShowSaysWhatRunsBeyondTheProvisionedEnvironments() {
        String does = PolicyExplainer.describe(AppAutoScalingReaderTest.read("lambda-describe.json"));
        assertTrue(does.startsWith("keeps 1-20 provisioned environments (requests beyond them run on demand, each new"
                + " environment starting cold); keeps LambdaProvisionedConcurrencyUtilization near 0.7: scales out after 3"
                + " minutes above it"), does);
    }

    static final String TEMPLATE = """
            Resources:
              T:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: %s
                  ResourceId: %s
                  ScalableDimension: %s
                  MinCapacity: 1
                  MaxCapacity: 20
              P:
                Type: AWS::ApplicationAutoScaling::ScalingPolicy
                Properties:
                  PolicyName: p
                  PolicyType: %s
                  ScalingTargetId: !Ref T
                  TargetTrackingScalingPolicyConfiguration:
                    TargetValue: 0.7
                    PredefinedMetricSpecification: {PredefinedMetricType: %s}
            """;

    @Test
    void mistakesFailAtTheirLine(@TempDir Path tmp) throws Exception {
        String fn = "function:embed-search:live";
        String dim = "lambda:function:ProvisionedConcurrency";
        String util = "LambdaProvisionedConcurrencyUtilization";
        assertError(tmp, TEMPLATE.formatted("lambda", fn, "lambda:function:ReservedConcurrency", "TargetTrackingScaling", util),
                ":7:26: Resources.T.Properties.ScalableDimension: a Lambda scalable target's dimension is " + dim);
        assertError(tmp, TEMPLATE.formatted("lambda", fn, dim, "StepScaling", util),
                ":14:19: Resources.P.Properties.PolicyType: Application Auto Scaling scales Lambda provisioned concurrency"
                        + " with target tracking and scheduled actions only");
        assertError(tmp, TEMPLATE.formatted("lambda", fn, dim, "TargetTrackingScaling", "SageMakerVariantInvocationsPerInstance"),
                ":18:63: Resources.P.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification"
                        + ".PredefinedMetricType: Lambda provisioned concurrency is replayed tracking");
        assertError(tmp, TEMPLATE.formatted("sagemaker", "endpoint/e/variant/AllTraffic", "sagemaker:variant:DesiredInstanceCount",
                        "TargetTrackingScaling", util),
                ":18:63: Resources.P.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification"
                        + ".PredefinedMetricType: LambdaProvisionedConcurrencyUtilization is a Lambda function's metric");
        assertError(tmp, TEMPLATE.formatted("lambda", "function:embed-search", dim, "TargetTrackingScaling", util),
                ":6:19: Resources.T.Properties.ResourceId: cannot tell the service from ResourceId 'function:embed-search'");
    }
}
