package dev.scalewise.testkit;

import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.yaml.SafeYaml;

import java.nio.charset.StandardCharsets;

/** services.yaml text as if it lay in src/test/resources/loadtests, beside the test load-test outputs. */
public final class ServicesYaml {
    public static final String DIR = "src/test/resources/loadtests";

    private ServicesYaml() {
    }

    public static ServiceSpec spec(String service, String yaml) {
        return ServicesFile.fromDocs(SafeYaml.parse(DIR + "/services.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .get(service);
    }
}
