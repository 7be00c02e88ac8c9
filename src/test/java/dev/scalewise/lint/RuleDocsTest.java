package dev.scalewise.lint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/rules/ is exactly what RuleDocs generates from the rule classes. */
class RuleDocsTest {
    private static final Path DOCS = Path.of("docs/rules");

    @Test
    void committedRuleDocsMatchTheRuleClasses() throws IOException {
        Map<String, String> generated = RuleDocs.generate(RuleRegistry.standard());
        if (Boolean.getBoolean("scalewise.writeRuleDocs")) {
            Files.createDirectories(DOCS);
            try (Stream<Path> old = Files.list(DOCS)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            for (Map.Entry<String, String> e : generated.entrySet()) {
                Files.writeString(DOCS.resolve(e.getKey()), e.getValue());
            }
        }
        Set<String> committed;
        try (Stream<Path> files = Files.list(DOCS)) {
            committed = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(generated.keySet()), committed,
                "docs/rules is stale; regenerate: mvn -o -q test -Dtest=RuleDocsTest -Dscalewise.writeRuleDocs=true");
        for (Map.Entry<String, String> e : generated.entrySet()) {
            assertEquals(e.getValue(), Files.readString(DOCS.resolve(e.getKey())),
                    e.getKey() + " is stale; regenerate: mvn -o -q test -Dtest=RuleDocsTest -Dscalewise.writeRuleDocs=true");
        }
    }
}
