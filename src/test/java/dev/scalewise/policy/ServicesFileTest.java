package dev.scalewise.policy;

import dev.scalewise.yaml.YamlError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServicesFileTest {
    private static Map<String, ServiceSpec> read(String yaml) {
        return ServicesFile.fromDocs(List.of(Yamls.doc(yaml)));
    }

    @ParameterizedTest(name = "objective {0} -> {1}")
    @CsvSource({"0.99, 0.99", "99.5, 0.995", "99.95, 0.9995", "0.5, 0.5", "90, 0.9"})
    void objectiveAsShareOrPercent(String written, double share) {
        assertEquals(share, read("services: {a: {slo: {objective: " + written + "}}}").get("a").slo().objective(), 1e-12);
    }

    @Test
    void missingSloFieldsTakeTheDefault() {
        ServiceSpec a = read("services:\n  a: {slo: {thresholdMs: 300}}\n  b: {}\n").get("a");
        assertEquals(new Slo(Slo.Percentile.P95, 300, 0.99), a.slo());
        assertTrue(a.startupSeconds().isEmpty());
        assertTrue(a.latencyCritical());
        assertTrue(a.requestTimeoutSeconds().isEmpty(), "no timeout: requests wait until served");
    }

    @Test
    void requestTimeout() {
        assertEquals(40, read("services: {a: {requestTimeoutSeconds: 40}}").get("a").requestTimeoutSeconds().orElseThrow());
    }

    @Test
    void listFormAndKindServices() {
        Map<String, ServiceSpec> s = read("""
                apiVersion: scalewise.dev/v1alpha1
                kind: Services
                services:
                  - {name: x, startupSeconds: 30, slo: {latency: P99}}
                """);
        assertEquals(30, s.get("x").startupSeconds().orElseThrow());
        assertEquals(Slo.Percentile.P99, s.get("x").slo().percentile());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "services: {a: {slo: {objective: 100}}}        | t.yaml:1:33: services.a.slo.objective: objective must be a share between 0 and 1 (0.995) or a percent below 100 (99.5), found 100: 100 % leaves no error budget",
            "services: {a: {slo: {objective: 1}}}          | found 1: 100 % leaves no error budget",
            "services: {a: {slo: {latency: p90}}}          | t.yaml:1:31: services.a.slo.latency: expected p50, p95 or p99, found 'p90'",
            "services: {a: {slo: {thresholdMs: 0}}}        | services.a.slo.thresholdMs: thresholdMs must be positive, found 0",
            "services: {a: {startupSecs: 30}}              | t.yaml:1:16: services.a.startupSecs: unknown field 'startupSecs'",
            "services: {a: {pricePerReplicaHour: -1}}      | services.a.pricePerReplicaHour: must not be negative, found -1",
            "services: [{name: a}, {name: a}]              | service 'a' is defined twice",
            "services: {a: {requestTimeoutSeconds: 0}}     | services.a.requestTimeoutSeconds: requestTimeoutSeconds must be positive (leave it out for no timeout), found 0",
    })
    void invalidEntries(String yaml, String expected) {
        YamlError e = assertThrows(YamlError.class, () -> read(yaml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
