package dev.scalewise.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeYamlTest {
    private static List<YamlDoc> parse(String text) {
        return SafeYaml.parse("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void locatesNodesInMultiDocumentFiles() {
        List<YamlDoc> docs = parse("""
                kind: A
                ---
                kind: B
                spec:
                  policies:
                    - type: Pods
                      value: 4
                """);
        assertEquals(2, docs.size());
        YNode value = docs.get(1).root().get("spec").get("policies").items().get(0).get("value");
        assertEquals(4, value.requireInt());
        assertEquals("spec.policies[0].value", value.path());
        assertEquals("f.yaml:7:14", value.location().toString());
    }

    @Test
    void missingChildReportsParentLocationAndPath() {
        YNode spec = parse("kind: X\nspec:\n  a: 1\n").get(0).root().get("spec");
        YamlError e = assertThrows(YamlError.class, () -> spec.get("maxReplicas").requireInt());
        assertEquals("f.yaml:3:3: spec.maxReplicas: required field is missing", e.getMessage());
    }

    /** SnakeYAML's setAllowDuplicateKeys(false) does nothing on the compose path: our node walk refuses them. */
    @Test
    void refusesADuplicateKeyAtItsSecondOccurrence() {
        String text = "kind: HorizontalPodAutoscaler\nspec:\n  minReplicas: 2\n  maxReplicas: 10\n  maxReplicas: 1\n";
        var root = (org.yaml.snakeyaml.nodes.MappingNode) new org.yaml.snakeyaml.Yaml(SafeYaml.options())
                .compose(new java.io.StringReader(text));
        var spec = (org.yaml.snakeyaml.nodes.MappingNode) root.getValue().get(1).getValueNode();
        assertEquals(3, spec.getValue().size(), "SnakeYAML composes both maxReplicas keys without complaint");
        YamlError e = assertThrows(YamlError.class, () -> parse(text));
        assertEquals("f.yaml:5:3: invalid YAML: duplicate key 'maxReplicas' (first at line 4); give each key once",
                e.getMessage());
    }

    @Test
    void refusesDuplicateKeysInNestedAndFlowMappingsButNotEqualKeysInSiblings() {
        assertThrows(YamlError.class, () -> parse("a:\n  - {x: 1, x: 2}\n"));
        assertThrows(YamlError.class, () -> parse("kind: A\n---\nkind: B\nkind: C\n"));
        assertEquals(2, parse("a: {x: 1}\nb: {x: 1}\n").get(0).root().entries().size());
    }

    /** A long line is refused before SnakeYAML sees it (its scan time grows with the square of a line's length). */
    @Test
    void refusesALineLongerThanTheCapNamingIt() {
        String ok = "a: " + "x".repeat(SafeYaml.MAX_LINE_CHARS - 3) + "\n";
        assertEquals(1, parse(ok).size());
        String tooLong = "a: 1\nb: " + "x".repeat(SafeYaml.MAX_LINE_CHARS) + "\n";
        YamlError e = assertThrows(YamlError.class, () -> parse(tooLong));
        assertEquals("f.yaml:2:1: refused: line 2 has " + (SafeYaml.MAX_LINE_CHARS + 3) + " characters, more than the "
                + SafeYaml.MAX_LINE_CHARS + " accepted on one line of a YAML source", e.getMessage());
    }

    @Test
    void refusesAliasBomb() {
        // The classic "billion laughs": 9 levels of 10 aliases each = 10^9 leaves once expanded.
        StringBuilder b = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                b.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            b.append("]\n");
            prev = c;
        }
        YamlError e = assertThrows(YamlError.class, () -> parse(b.toString()));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void refusesBinaryAndOversizedInput() {
        assertThrows(YamlError.class, () -> SafeYaml.parse("b.bin", new byte[] {1, 0, 2}));
        byte[] big = new byte[SafeYaml.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        YamlError e = assertThrows(YamlError.class, () -> SafeYaml.parse("big.yaml", big));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void globalTagsAreNeverInstantiated() {
        // SnakeYAML 2 refuses global tags while composing, before any class could be looked up.
        YamlError e = assertThrows(YamlError.class,
                () -> parse("x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n"));
        assertTrue(e.getMessage().contains("Global tag is not allowed"), e.getMessage());
    }

    @Test
    void syntaxErrorNamesLine() {
        YamlError e = assertThrows(YamlError.class, () -> parse("a: 1\nb: [1, 2\nc: 3\n"));
        assertTrue(e.getMessage().startsWith("f.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"500m, 0.5", "2, 2", "1k, 1000", "1Gi, 1073741824", "1.5, 1.5", "1e3, 1000"})
    void quantities(String text, double expected) {
        assertEquals(expected, parse("q: '" + text + "'").get(0).root().get("q").optQuantity().orElseThrow(), 1e-9);
    }
}
