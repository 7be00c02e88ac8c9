package dev.scalewise.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A bundle travels to every task inside the job's closure; the copies a JVM deserializes share one parse
 * of the same files, and different files are parsed on their own.
 */
class PolicyBundleTest {
    @TempDir
    Path tmp;

    @Test
    void copiesOfOneBundleShareOneParseAndOtherFilesGetTheirOwn() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.yaml"), hpa("chat", 2) + "---\n" + hpa("embed", 3));
        PolicyBundle bundle = PolicyBundle.read(List.of(a.toString()), Optional.empty());
        PolicyBundle copy1 = roundTrip(bundle);
        PolicyBundle copy2 = roundTrip(bundle);
        assertNotSame(copy1, copy2);
        assertSame(bundle.policySet(), copy1.policySet());
        assertSame(copy1.policySet(), copy2.policySet());
        assertEquals(List.of("chat-hpa"), copy1.policiesFor("chat").stream().map(p -> p.meta().name()).toList());
        assertEquals(List.of(), copy1.policiesFor("nobody"));

        Path b = Files.writeString(tmp.resolve("b.yaml"), hpa("chat", 5));
        PolicyBundle other = roundTrip(PolicyBundle.read(List.of(b.toString()), Optional.empty()));
        assertNotSame(bundle.policySet(), other.policySet());
        assertEquals(1, other.policySet().policies().size());
        assertEquals(2, copy2.policySet().policies().size());
    }

    /**
     * The load-test files services.yaml names travel in the bundle: an executor that cannot see the paths (a
     * cluster node) parses the same stated capacity from the shipped bytes.
     */
    @Test
    void loadTestFilesTravelWithTheBundle() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        for (String f : List.of("genai_2users_stats.csv", "genai_4users_stats.csv")) {
            Files.copy(Path.of("src/test/resources/loadtests", f), dir.resolve(f));
        }
        Path services = Files.writeString(dir.resolve("services.yaml"), """
                services:
                  chat:
                    slo: {latency: p95, thresholdMs: 68000}
                    capacity: {loadTests: [genai_2users_stats.csv, genai_4users_stats.csv]}
                """);
        Path a = Files.writeString(tmp.resolve("a.yaml"), hpa("chat", 2));
        PolicyBundle bundle = PolicyBundle.read(List.of(a.toString()), Optional.of(services.toString()));
        Files.delete(dir.resolve("genai_2users_stats.csv"));
        Files.delete(dir.resolve("genai_4users_stats.csv"));
        PolicyBundle shipped = roundTrip(bundle);
        var points = shipped.shippedServices(shipped.docs()).get("chat").capacity().points();
        assertEquals(List.of(0.04, 0.08), points.stream().map(p -> p.rpsPerReplica()).toList());
        assertEquals(List.of(40000.0, 52000.0), points.stream().map(p -> p.latencyMs()).toList());
    }

    private static String hpa(String service, int min) {
        return """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: %s-hpa
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: %s}
                  minReplicas: %d
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
                """.formatted(service, service, min);
    }

    private static PolicyBundle roundTrip(PolicyBundle b) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(b);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PolicyBundle) in.readObject();
        }
    }
}
