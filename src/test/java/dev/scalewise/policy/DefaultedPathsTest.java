package dev.scalewise.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariant over every example policy: each path in PolicyMeta.defaulted names a field that
 * `policy show` prints, so no default goes unmarked because of a spelling drift between reader and
 * renderer.
 */
class DefaultedPathsTest {
    static Stream<PolicySpec> policies() {
        List<PolicySpec> all = new java.util.ArrayList<>(PolicyLoader.load(List.of("policies")).policies());
        all.add(Yamls.one(Yamls.HPA_HEAD + "  maxReplicas: 3\n  behavior: {}\n"));
        all.add(Yamls.one(Yamls.KNATIVE_HEAD + "        autoscaling.knative.dev/class: hpa.autoscaling.knative.dev\n"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void everyDefaultedPathIsARenderedField(PolicySpec p) {
        Map<String, Object> tree = Render.tree(p);
        for (String path : p.meta().defaulted()) {
            assertTrue(resolves(tree, path), () -> p.meta().name() + ": defaulted path '" + path + "' is not in " + tree);
        }
    }

    private static boolean resolves(Object node, String path) {
        for (String part : path.split("\\.")) {
            String key = part.replaceAll("\\[\\d+]$", "");
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return false;
            }
            node = m.get(key);
            if (part.endsWith("]")) {
                int i = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                if (!(node instanceof List<?> l) || i >= l.size()) {
                    return false;
                }
                node = l.get(i);
            }
        }
        return true;
    }
}
