package dev.scalewise.policy;

import dev.scalewise.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cloud Run services as `gcloud run services describe --format export` writes them. */
class CloudRunReaderTest {
    @Test
    void readsTheExportedService() {
        List<PolicySpec> ps = PolicyLoader.load(List.of("src/test/resources/fixtures/gcp/cloud-run-service.yaml")).policies();
        CloudRunPolicy c = (CloudRunPolicy) ps.get(0);
        assertEquals("llm-chat", c.meta().service());
        assertEquals(2, c.minReplicas());
        assertEquals(40, c.maxReplicas());
        assertEquals(12, c.containerConcurrency());
        assertEquals(0.6, c.concurrencyTarget());
        assertEquals(0.6, c.cpuTarget());
        assertTrue(c.cpuAlwaysAllocated());
        assertTrue(c.startupCpuBoost());
        assertEquals(900, c.idleRetentionSeconds());
        assertEquals(new ReplicaShape(8, 32, true), c.shape(), "resources.limits: cpu '8', memory 32Gi, nvidia.com/gpu '1'");
        assertEquals(Set.of("concurrencyTarget", "cpuTarget", "idleRetentionSeconds"), c.meta().defaulted());
    }

    @Test
    void defaultsAreCloudRuns() {
        CloudRunPolicy c = (CloudRunPolicy) Yamls.one(Yamls.KNATIVE_HEAD + "        run.googleapis.com/launch-stage: GA\n");
        assertEquals(0, c.minReplicas());
        assertEquals(100, c.maxReplicas());
        assertEquals(80, c.containerConcurrency());
        assertEquals(false, c.cpuAlwaysAllocated());
        assertEquals(new ReplicaShape(1, 0.5, false), c.shape(), "Cloud Run's 1 vCPU and 512 MiB");
        assertTrue(c.meta().defaulted().containsAll(Set.of("shape.vcpu", "shape.memoryGib")), c.meta().defaulted().toString());
    }

    /** Kubernetes quantities, summed over the containers (a sidecar's resources are billed too). */
    @Test
    void theShapeSumsTheContainersLimits() {
        CloudRunPolicy c = (CloudRunPolicy) Yamls.one(Yamls.KNATIVE_HEAD + """
                        run.googleapis.com/launch-stage: GA
                    spec:
                      containers:
                      - resources: {limits: {cpu: 1000m, memory: 512Mi}}
                      - resources: {limits: {cpu: '0.5', memory: 256Mi}}
                """);
        assertEquals(new ReplicaShape(1.5, 0.75, false), c.shape());
    }

    @Test
    void aKnativeServiceWithoutCloudRunMarksStaysAKpa() {
        assertTrue(Yamls.one(Yamls.KNATIVE_HEAD + "        autoscaling.knative.dev/target: \"10\"\n") instanceof KpaPolicy);
    }

    @Test
    void badValuesNameTheirLine() {
        UserError e = assertThrows(UserError.class, () -> Yamls.one(Yamls.KNATIVE_HEAD
                + "        run.googleapis.com/cpu-throttling: \"maybe\"\n"));
        assertTrue(e.getMessage().startsWith("t.yaml:8:44: spec.template.metadata.annotations"), e.getMessage());
        UserError cpu = assertThrows(UserError.class, () -> Yamls.one(Yamls.KNATIVE_HEAD + """
                        run.googleapis.com/launch-stage: GA
                    spec:
                      containers:
                      - resources:
                          limits: {cpu: 0, memory: 512Mi}
                """));
        assertTrue(cpu.getMessage().startsWith("t.yaml:12:25: spec.template.spec.containers[0].resources.limits.cpu")
                && cpu.getMessage().contains("cpu must be above 0, found 0"), cpu.getMessage());
    }
}
