package dev.scalewise.policy;

import dev.scalewise.yaml.YamlError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each invalid manifest fails with the offending node's path and line, and says what is wrong. */
class ValidationTest {
    private static final String KNATIVE = Yamls.KNATIVE_HEAD;
    private static final String SCHEDULED = """
            apiVersion: scalewise.dev/v1alpha1
            kind: ScheduledScaling
            metadata: {name: s}
            spec:
              basePolicy:
                inline:
                  apiVersion: autoscaling/v2
                  kind: HorizontalPodAutoscaler
                  metadata: {name: b}
                  spec: {scaleTargetRef: {name: web}, maxReplicas: 10}
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("max < min", Yamls.HPA_HEAD + "  minReplicas: 5\n  maxReplicas: 2\n",
                        "t.yaml:8:16: spec.maxReplicas: maxReplicas 2 is less than minReplicas 5"),
                Arguments.of("unknown target type", Yamls.HPA_HEAD + """
                          maxReplicas: 4
                          metrics:
                            - type: Resource
                              resource: {name: cpu, target: {type: Average, averageUtilization: 50}}
                        """, "t.yaml:10:44: spec.metrics[0].resource.target.type: unknown metric target type 'Average'"),
                Arguments.of("percent policy <= 0", Yamls.HPA_HEAD + """
                          maxReplicas: 4
                          behavior:
                            scaleDown:
                              policies:
                                - {type: Pods, value: 1, periodSeconds: 60}
                                - {type: Percent, value: 0, periodSeconds: 60}
                        """, "t.yaml:12:34: spec.behavior.scaleDown.policies[1].value: a Percent policy must allow a positive change, found 0"),
                Arguments.of("window below 6 s", KNATIVE + "            autoscaling.knative.dev/window: 5s\n",
                        "t.yaml:8:45: spec.template.metadata.annotations[\"autoscaling.knative.dev/window\"]: the stable window (Knative allows 6s..1h) must be between 6 and 3600, found 5"),
                Arguments.of("window above 1 h", KNATIVE + "            autoscaling.knative.dev/window: 2h\n",
                        "found 7200"),
                Arguments.of("both alias and key", KNATIVE + """
                                    autoscaling.knative.dev/min-scale: "1"
                                    autoscaling.knative.dev/minScale: "2"
                        """, "[\"autoscaling.knative.dev/minScale\"]: set only one of autoscaling.knative.dev/min-scale and its legacy alias"),
                Arguments.of("bad cron", SCHEDULED + """
                          windows:
                            - {cron: "0 25 * * *", duration: 1h, replicas: 3}
                        """, "t.yaml:12:14: spec.windows[0].cron: cron '0 25 * * *': hour field '25': expected 0-23, found 25"),
                Arguments.of("unknown time zone", SCHEDULED + """
                          timeZone: Europe/Atlantis
                          windows: [{cron: "0 8 * * *", duration: 1h, replicas: 3}]
                        """, "t.yaml:11:13: spec.timeZone: unknown time zone 'Europe/Atlantis'"),
                Arguments.of("window above base max", SCHEDULED + """
                          windows: [{cron: "0 8 * * *", duration: 1h, replicas: 30}]
                        """, "spec.windows[0].replicas: replicas 30 exceeds the base policy's maxReplicas 10"),
                Arguments.of("typo in our own kind", SCHEDULED + "  timezone: UTC\n  windows: []\n",
                        "t.yaml:11:3: spec.timezone: unknown field 'timezone'"),
                Arguments.of("metric maps to no signal", Yamls.HPA_HEAD + """
                          maxReplicas: 4
                          metrics:
                            - type: External
                              external:
                                metric: {name: kafka_consumer_lag}
                                target: {type: Value, value: "100"}
                        """, "t.yaml:11:24: spec.metrics[0].external.metric.name: metric 'kafka_consumer_lag' maps to no simulated signal"),
                Arguments.of("unknown signal annotation", """
                        apiVersion: autoscaling/v2
                        kind: HorizontalPodAutoscaler
                        metadata: {name: web, annotations: {scalewise.dev/signal: tokens}}
                        spec: {scaleTargetRef: {name: web}, maxReplicas: 3}
                        """, "t.yaml:3:59: metadata.annotations[\"scalewise.dev/signal\"]: unknown signal 'tokens' in scalewise.dev/signal"),
                Arguments.of("kserve kpa on cpu", """
                        apiVersion: serving.kserve.io/v1beta1
                        kind: InferenceService
                        metadata: {name: m, annotations: {serving.kserve.io/autoscalerClass: kpa}}
                        spec: {predictor: {scaleMetric: cpu}}
                        """, "t.yaml:4:33: spec.predictor.scaleMetric: the KPA scales on concurrency or rps, found 'cpu'"),
                Arguments.of("keda without triggers", """
                        apiVersion: keda.sh/v1alpha1
                        kind: ScaledObject
                        metadata: {name: k}
                        spec: {scaleTargetRef: {name: k}, triggers: []}
                        """, "spec.triggers: a ScaledObject needs at least one trigger"),
                Arguments.of("ray min > max", """
                        applications:
                          - name: a
                            deployments:
                              - name: d
                                autoscaling_config: {min_replicas: 4, max_replicas: 2}
                        """, "t.yaml:5:61: applications[0].deployments[0].autoscaling_config.max_replicas: maxReplicas 2 is less than minReplicas 4"),
                Arguments.of("predictive lead shorter than startup needs services", """
                        apiVersion: scalewise.dev/v1alpha1
                        kind: PredictiveScaling
                        metadata: {name: p}
                        spec:
                          targetRpsPerReplica: 10
                          historyDays: 7
                          basePolicy: {inline: {apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, metadata: {name: b}, spec: {scaleTargetRef: {name: web}, maxReplicas: 3}}}
                        """, "t.yaml:6:16: spec.historyDays: historyDays 7 is too short for daily_and_weekly seasonality"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithPathAndLocation(String name, String yaml, String expected) {
        YamlError e = assertThrows(YamlError.class, () -> Yamls.all(yaml));
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(e.location().line() > 0, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void leadShorterThanStartupIsRejectedWhenTheServiceIsKnown() {
        String yaml = """
                apiVersion: scalewise.dev/v1alpha1
                kind: PredictiveScaling
                metadata: {name: p}
                spec:
                  scaleTargetRef: {name: llm}
                  targetRpsPerReplica: 10
                  leadSeconds: 60
                  basePolicy: {inline: {apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, metadata: {name: b}, spec: {scaleTargetRef: {name: llm}, maxReplicas: 3}}}
                """;
        ServiceSpec llm = new ServiceSpec("llm", Slo.DEFAULT, java.util.OptionalDouble.of(240),
                java.util.OptionalDouble.empty(), true);
        PolicyReader.Context ctx = new PolicyReader.Context(n -> java.util.Optional.empty(), java.util.Map.of("llm", llm), x -> { });
        YamlError e = assertThrows(YamlError.class, () -> PolicyReader.readAll(Yamls.doc(yaml), ctx));
        assertEquals("t.yaml:7:16: spec.leadSeconds: leadSeconds 60 is shorter than the startup of service 'llm' "
                + "(240 s in services.yaml): replicas would arrive after the demand", e.getMessage());
    }
}
