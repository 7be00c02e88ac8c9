package dev.scalewise.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules that join objects across files: overlays holding one object per environment. */
class CrossObjectTest {
    private static final String HPA = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: llm}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
              minReplicas: 2
              maxReplicas: 8
              metrics:
                - type: Resource
                  resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
            """;

    private static String deployment(String cpuRequest) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: llm}
                spec:
                  template:
                    metadata: {labels: {app: llm}}
                    spec:
                      containers:
                        - name: server
                          image: vllm/vllm-openai:v0.6.0
                %s
                """.formatted(cpuRequest.isEmpty() ? "" : "          resources: {requests: {cpu: \"" + cpuRequest + "\"}}");
    }

    @Test
    void eachOverlayResolvesItsOwnWorkload(@TempDir Path dir) throws IOException {
        Path prod = Files.createDirectories(dir.resolve("overlays/prod"));
        Path staging = Files.createDirectories(dir.resolve("overlays/staging"));
        Files.writeString(prod.resolve("hpa.yaml"), HPA);
        Files.writeString(prod.resolve("deployment.yaml"), deployment("4"));
        Files.writeString(staging.resolve("hpa.yaml"), HPA);
        Files.writeString(staging.resolve("deployment.yaml"), deployment(""));
        // Sorted input order puts prod first: a first-match lookup would check staging's HPA against prod.
        LintInputs in = LintInputs.read(List.of(dir.toString()), List.of(), dir, "-");
        LintReport r = LintFixtures.lint(in.sources().stream().map(Path::of).toList(), LintConfig.DEFAULT, KubeVersion.DEFAULT);

        List<Finding> sw106 = r.findings().stream().filter(f -> f.ruleId().equals("SW106")).toList();
        assertEquals(1, sw106.size(), sw106::toString);
        assertEquals(staging.resolve("hpa.yaml").toString(), sw106.get(0).location().file());
        assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().equals("SW114")),
                "one HPA in two variants is not two autoscalers: " + r.findings());
    }

    @Test
    void distanceOrdersSameFileThenSharedDirectories() {
        assertEquals(0, LintContext.distance("a/b/x.yaml", "a/b/x.yaml"));
        assertTrue(LintContext.distance("a/b/x.yaml", "a/b/y.yaml") < LintContext.distance("a/b/x.yaml", "a/c/y.yaml"));
        assertTrue(LintContext.distance("a/b/x.yaml", "a/c/y.yaml") < LintContext.distance("a/b/x.yaml", "z/c/y.yaml"));
    }
}
