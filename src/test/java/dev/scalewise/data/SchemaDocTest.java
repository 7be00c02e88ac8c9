package dev.scalewise.data;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * schemas/README.md documents every field of every schema in schemas/, with the schema's type and
 * nullability, so the documentation and the contract cannot drift apart; and the jar ships every schema
 * file the repository holds.
 */
class SchemaDocTest {
    private static final Path SCHEMAS = Path.of("schemas");
    private static Map<String, String> sections;

    @BeforeAll
    static void readDoc() throws IOException {
        sections = sections(Files.readString(SCHEMAS.resolve("README.md")));
    }

    /** "## name" heading -> the text up to the next "## " heading. */
    private static Map<String, String> sections(String doc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : doc.split("\n## ")) {
            int eol = part.indexOf('\n');
            if (eol > 0) {
                out.put(part.substring(0, eol).trim(), part.substring(eol + 1));
            }
        }
        return out;
    }

    private static List<String> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc"))
                    .map(n -> n.substring(0, n.length() - ".avsc".length())).sorted().toList();
        }
    }

    private static Schema parse(String name) throws IOException {
        return new Schema.Parser().parse(SCHEMAS.resolve(name + ".avsc").toFile());
    }

    @Test
    void datasetsShipsEverySchemaFileInTheRepository() throws IOException {
        assertEquals(schemaFiles(), Datasets.schemaNames().stream().sorted().toList(),
                "Datasets.schemaNames() must list every schemas/*.avsc (and no other)");
    }

    @Test
    void everySchemaHasItsOwnSectionInTheReadme() throws IOException {
        for (String name : schemaFiles()) {
            assertTrue(sections.containsKey(name), "schemas/README.md has no '## " + name + "' section");
        }
    }

    static Stream<Arguments> fields() throws IOException {
        Stream.Builder<Arguments> out = Stream.builder();
        for (String name : schemaFiles()) {
            for (Schema.Field f : parse(name).getFields()) {
                out.add(Arguments.of(name, f.name(), docType(f.schema()), nullable(f.schema())));
            }
        }
        return out.build();
    }

    /**
     * Each field is a row of its dataset's table: | `name` | type | unit | null? | ..., where type is the
     * README's notation for the Avro type and null? starts with "yes" exactly when the field is optional.
     */
    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("fields")
    void everyFieldIsARowOfItsDatasetsTableWithTheSchemasTypeAndNullability(
            String dataset, String field, String type, boolean nullable) {
        String section = sections.getOrDefault(dataset, "");
        Optional<String[]> row = section.lines().filter(l -> l.startsWith("| `" + field + "` |"))
                .map(l -> l.split("\\|")).findFirst();
        assertTrue(row.isPresent(), "schemas/README.md, section " + dataset + ": no table row for column '" + field + "'");
        String[] cells = row.get(); // cells[0] is the empty text before the first '|'
        assertEquals(type, cells[2].trim(), dataset + "." + field + ": documented type");
        assertEquals(nullable ? "yes" : "no", cells[4].trim().split(" ")[0], dataset + "." + field + ": documented null?");
    }

    @Test
    void everyDocumentedColumnExistsInItsSchema() throws IOException {
        // the converse: a column renamed or removed in a schema must leave the README too
        for (String name : schemaFiles()) {
            TreeSet<String> fields = new TreeSet<>();
            parse(name).getFields().forEach(f -> fields.add(f.name()));
            sections.getOrDefault(name, "").lines().filter(l -> l.startsWith("| `"))
                    .map(l -> l.substring(3, l.indexOf('`', 3)))
                    .forEach(col -> assertTrue(fields.contains(col),
                            "schemas/README.md documents '" + col + "' but " + name + ".avsc has no such field"));
        }
    }

    private static boolean nullable(Schema s) {
        return s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
    }

    /** The README's notation: timestamp-millis longs are "timestamp", maps "map<string,VALUE>", unions their non-null branch. */
    private static String docType(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            return docType(s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow());
        }
        if (s.getLogicalType() != null && s.getLogicalType().getName().equals("timestamp-millis")) {
            return "timestamp";
        }
        if (s.getType() == Schema.Type.MAP) {
            return "map<string," + docType(s.getValueType()) + ">";
        }
        return s.getType().getName();
    }
}
