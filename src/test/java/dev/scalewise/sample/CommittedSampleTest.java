package dev.scalewise.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sample-data/ is exactly what the command in sample-data/README.md produces: regenerating it gives the
 * same bytes, so the committed files, the README's numbers and the generator cannot drift apart.
 */
class CommittedSampleTest {
    /** The README's command: --services 5 --days 14 --step 60s --seed 42 --start 2026-10-05. */
    static final SampleConfig README_COMMAND = new SampleConfig(5, 14, 60, 42, LocalDate.parse("2026-10-05"));
    static final Path COMMITTED = Path.of("sample-data");

    @TempDir
    Path tmp;

    @Test
    void regeneratingTheSampleGivesTheCommittedBytes() throws IOException {
        Path fresh = tmp.resolve("fresh");
        new SampleWriter().write(README_COMMAND, fresh, false, day -> { });
        List<Path> generated = SampleWriterTest.files(fresh);
        List<Path> committed = SampleWriterTest.files(COMMITTED).stream()
                .filter(p -> !p.getFileName().toString().equals("README.md")).toList();
        assertEquals(generated, committed, "file list");
        for (Path f : generated) {
            assertArrayEquals(Files.readAllBytes(fresh.resolve(f)), Files.readAllBytes(COMMITTED.resolve(f)), f.toString());
        }
    }

    @Test
    void theReadmeShowsTheGeneratedServicesYamlAndHpaManifests() throws IOException {
        String readme = Files.readString(COMMITTED.resolve("README.md"));
        for (String generated : List.of(Files.readString(COMMITTED.resolve("services.yaml")),
                Files.readString(COMMITTED.resolve("policies/observed-hpa.yaml")))) {
            for (String line : generated.lines().filter(l -> !l.startsWith("#")).toList()) {
                assertTrue(readme.contains(line), "README lacks: " + line);
            }
        }
        assertTrue(readme.contains("cli/scalewise sample-data --out /tmp/sample --services 5 --days 14 --step 60s"
                + " --seed 42 --start 2026-10-05"), "README shows the exact command");
    }
}
