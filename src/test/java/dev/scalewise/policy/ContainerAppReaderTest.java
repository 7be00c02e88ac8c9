package dev.scalewise.policy;

import dev.scalewise.UserError;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Azure Container Apps as `az containerapp show --output yaml` writes them: the scale block read as the KEDA
 * policy Container Apps runs, with Microsoft's defaults (UpstreamDefaults.ContainerApps cites them), and
 * errors at the line of the bad field.
 */
class ContainerAppReaderTest {
    static final String HEAD = """
            id: /subscriptions/0/resourceGroups/rg/providers/Microsoft.App/containerApps/api
            name: api
            type: Microsoft.App/containerApps
            properties:
              template:
                containers:
                - image: acme.azurecr.io/api:1
                  name: api
            """;

    static KedaPolicy read(String scale) {
        return (KedaPolicy) Yamls.one(HEAD + scale);
    }

    @Test
    void noScaleBlockIsMicrosoftsDefaultHttpRule() {
        KedaPolicy k = (KedaPolicy) Yamls.one(HEAD);
        assertEquals(0, k.minReplicas());
        assertEquals(10, k.maxReplicas());
        assertEquals(300, k.cooldownPeriodSeconds());
        assertEquals(15, k.pollingIntervalSeconds(), "the HTTP rule is computed every 15 s");
        assertEquals(new MetricTarget(MetricSource.EXTERNAL, "s0-http", Signal.RPS, TargetType.AVERAGE_VALUE, 10),
                k.triggers().get(0).metric());
        assertTrue(k.meta().defaulted().containsAll(java.util.Set.of("minReplicas", "maxReplicas", "triggers[0]",
                "behavior.scaleDown.stabilizationWindowSeconds")), k.meta().defaulted().toString());
        assertEquals("api", k.meta().service());
        assertEquals(ManifestFormat.CONTAINER_APP.kind(), k.meta().sourceKind());
        assertEquals(0, k.behavior().orElseThrow().scaleUp().stabilizationWindowSeconds());
        assertEquals(300, k.behavior().orElseThrow().scaleDown().stabilizationWindowSeconds());
    }

    @Test
    void aCustomCpuRuleIsKedasCpuScalerAndKeepsThePollingInterval() {
        KedaPolicy k = read("""
                    scale:
                      minReplicas: 1
                      maxReplicas: 30
                      pollingInterval: 60
                      rules:
                      - name: cpu
                        custom:
                          type: cpu
                          metadata:
                            type: Utilization
                            value: '70'
                """);
        assertEquals(60, k.pollingIntervalSeconds());
        assertEquals(new MetricTarget(MetricSource.RESOURCE, "cpu", Signal.CPU_UTIL, TargetType.UTILIZATION, 70),
                k.triggers().get(0).metric());
        assertEquals("properties.template.scale.rules[0].custom.metadata.value",
                k.meta().field("triggers[0].metric.target").orElseThrow().path().toString());
    }

    @Test
    void theServiceComesFromATag() {
        KedaPolicy k = (KedaPolicy) Yamls.one(HEAD + "tags:\n  scalewise.dev/service: llm-chat\n");
        assertEquals("llm-chat", k.meta().service());
    }

    @Test
    void errorsNameTheLineOfTheField() {
        UserError min = assertThrows(UserError.class, () -> read("""
                    scale:
                      minReplicas: 12
                      maxReplicas: 4
                """));
        assertTrue(min.getMessage().startsWith("t.yaml:11:20: properties.template.scale.maxReplicas"), min.getMessage());
        UserError limit = assertThrows(UserError.class, () -> read("""
                    scale:
                      maxReplicas: 1500
                """));
        assertTrue(limit.getMessage().startsWith("t.yaml:10:20:") && limit.getMessage().contains("between 1 and 1000"),
                limit.getMessage());
        UserError text = assertThrows(UserError.class, () -> read("""
                    scale:
                      rules:
                      - name: http
                        http:
                          metadata:
                            concurrentRequests: ten
                """));
        assertTrue(text.getMessage().startsWith("t.yaml:14:33: properties.template.scale.rules[0].http.metadata"
                + ".concurrentRequests"), text.getMessage());
        UserError tcp = assertThrows(UserError.class, () -> read("""
                    scale:
                      rules:
                      - name: tcp
                        tcp:
                          metadata: {concurrentConnections: '50'}
                """));
        assertTrue(tcp.getMessage().startsWith("t.yaml:11:9:") && tcp.getMessage().contains("TCP rule is not replayed"),
                tcp.getMessage());
    }

    /**
     * What Azure bills (D36): the workload profile (Consumption when the environment has none) and the replica's
     * vCPU and memory summed over its containers; a container without resources gets the ARM default, 0.5 and 1Gi.
     */
    @Test
    void thePlanIsTheWorkloadProfileAndTheContainersResources() {
        ContainerAppPlan defaults = ((KedaPolicy) Yamls.one(HEAD)).containerApp().orElseThrow();
        assertEquals(new ContainerAppPlan("Consumption", new ReplicaShape(0.5, 1, false)), defaults);
        KedaPolicy k = (KedaPolicy) Yamls.one("""
                name: api
                type: Microsoft.App/containerApps
                properties:
                  workloadProfileName: Consumption
                  template:
                    containers:
                    - name: api
                      resources: {cpu: 1.5, memory: 3Gi}
                    - name: sidecar
                      resources: {cpu: 0.25, memory: 0.5Gi}
                """);
        assertEquals(new ContainerAppPlan("Consumption", new ReplicaShape(1.75, 3.5, false)), k.containerApp().orElseThrow());
        assertTrue(k.containerApp().orElseThrow().consumption());
        assertTrue(((KedaPolicy) Yamls.one(HEAD)).meta().defaulted().containsAll(java.util.Set.of(
                "containerApp.workloadProfile", "containerApp.shape.vcpu", "containerApp.shape.memoryGib")));
        KedaPolicy gpu = (KedaPolicy) Yamls.one(HEAD.replace("  template:", "  workloadProfileName: NC24-A100\n  template:"));
        assertEquals("NC24-A100", gpu.containerApp().orElseThrow().workloadProfile());
        assertTrue(!gpu.containerApp().orElseThrow().consumption());
    }

    @Test
    void badResourcesNameTheirLine() {
        UserError cpu = assertThrows(UserError.class, () -> Yamls.one(HEAD + "      resources: {cpu: -0.5, memory: 1Gi}\n"));
        assertTrue(cpu.getMessage().startsWith("t.yaml:9:24: properties.template.containers[0].resources.cpu")
                && cpu.getMessage().contains("cpu must be above 0, found -0.5"), cpu.getMessage());
        UserError memory = assertThrows(UserError.class, () -> Yamls.one(HEAD + "      resources: {cpu: 0.5, memory: one gig}\n"));
        assertTrue(memory.getMessage().startsWith("t.yaml:9:37: properties.template.containers[0].resources.memory")
                && memory.getMessage().contains("found 'one gig'"), memory.getMessage());
    }
}
