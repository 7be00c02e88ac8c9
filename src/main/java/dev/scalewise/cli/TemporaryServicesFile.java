package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * TEMPORARY minimal services.yaml reader for `analyze` until the shared services.yaml loader lands
 * (it will report file:line positions and validate every field; replace every use of this class with
 * it). Reads only the SLO, with SnakeYAML's safe constructor:
 * <pre>
 * services:
 *   chat:
 *     slo: {latency: p95, thresholdMs: 800, objective: 0.99}
 * </pre>
 */
final class TemporaryServicesFile {
    private TemporaryServicesFile() {
    }

    static Map<String, ServiceSpec> load(Path file) {
        Object doc;
        try (Reader r = Files.newBufferedReader(file)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UserError(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        Map<String, ServiceSpec> out = new LinkedHashMap<>();
        Object services = doc instanceof Map<?, ?> m && m.containsKey("services") ? m.get("services") : doc;
        if (!(services instanceof Map<?, ?> byName)) {
            throw new UserError(file + ": expected a map 'services:' of service name to settings");
        }
        for (Map.Entry<?, ?> e : byName.entrySet()) {
            String name = String.valueOf(e.getKey());
            Slo slo = Slo.DEFAULT;
            if (e.getValue() instanceof Map<?, ?> entry && entry.get("slo") instanceof Map<?, ?> s) {
                slo = new Slo(percentile(file, name, s.get("latency")),
                        number(file, name, "thresholdMs", s.get("thresholdMs"), Slo.DEFAULT.thresholdMs()),
                        number(file, name, "objective", s.get("objective"), Slo.DEFAULT.objective()));
            }
            out.put(name, new ServiceSpec(name, slo, OptionalDouble.empty(), OptionalDouble.empty(), true));
        }
        return out;
    }

    private static Slo.Percentile percentile(Path file, String service, Object v) {
        if (v == null) {
            return Slo.DEFAULT.percentile();
        }
        try {
            return Slo.Percentile.valueOf(String.valueOf(v).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": services." + service + ".slo.latency: expected p50, p95 or p99, found '" + v + "'");
        }
    }

    private static double number(Path file, String service, String key, Object v, double dflt) {
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new UserError(file + ": services." + service + ".slo." + key + ": expected a number, found '" + v + "'");
    }
}
