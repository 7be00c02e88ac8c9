package dev.scalewise.policy;

import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlDoc;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helper: YAML text to policies, as PolicyReader sees a file named t.yaml. */
final class Yamls {
    private Yamls() {
    }

    static YamlDoc doc(String yaml) {
        return SafeYaml.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)).get(0);
    }

    static PolicySpec one(String yaml) {
        return PolicyReader.read(doc(yaml)).orElseThrow();
    }

    static List<PolicySpec> all(String yaml) {
        return PolicyReader.readAll(doc(yaml), PolicyReader.Context.standalone());
    }

    /** A Knative Service up to its revision annotations (indent entries by 8). */
    static final String KNATIVE_HEAD = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: hello}
            spec:
              template:
                metadata:
                  annotations:
            """;

    static final String HPA_HEAD = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
            """;
}
