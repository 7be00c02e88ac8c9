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
        assertEquals(Set.of("concurrencyTarget", "cpuTarget", "idleRetentionSeconds"), c.meta().defaulted());
    }

    @Test
    void defaultsAreCloudRuns() {
        CloudRunPolicy c = (CloudRunPolicy) Yamls.one(Yamls.KNATIVE_HEAD + "        run.googleapis.com/launch-stage: GA\n");
        assertEquals(0, c.minReplicas());
        assertEquals(100, c.maxReplicas());
        assertEquals(80, c.containerConcurrency());
        assertEquals(false, c.cpuAlwaysAllocated());
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
    }
}
