package dev.scalewise.sample;

import dev.scalewise.jobs.ParquetFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
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
 * same bytes (the same records, when the Parquet library is another release than the one that wrote the
 * committed files, as in the Spark 4 build), so the committed files, the README's numbers and the
 * generator cannot drift apart.
 */
class CommittedSampleTest {
    /** The README's command: --services 6 --days 14 --step 60s --seed 42 --start 2026-10-05. */
    static final SampleConfig README_COMMAND = new SampleConfig(6, 14, 60, 42, LocalDate.parse("2026-10-05"));
    static final Path COMMITTED = Path.of("sample-data");

    @TempDir
    Path tmp;

    @Test
    void regeneratingTheSampleGivesTheCommittedBytes() throws IOException {
        Path fresh = tmp.resolve("fresh");
        new SampleWriter(ParquetFiles::write).write(README_COMMAND, fresh, false, day -> { });
        List<Path> generated = SampleWriterTest.files(fresh);
        List<Path> committed = SampleWriterTest.files(COMMITTED).stream()
                .filter(p -> !p.getFileName().toString().equals("README.md")).toList();
        assertEquals(generated, committed, "file list");
        for (Path f : generated) {
            Path a = fresh.resolve(f);
            Path b = COMMITTED.resolve(f);
            if (f.toString().endsWith(".parquet") && !createdBy(a).equals(createdBy(b))) {
                // another Parquet release (the Spark 4 build's) encodes the same rows in other bytes
                assertEquals(SampleWriterTest.read(b).toString(), SampleWriterTest.read(a).toString(), f.toString());
            } else {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), f.toString());
            }
        }
    }

    private static String createdBy(Path parquet) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(parquet.toUri()), new Configuration()))) {
            return r.getFooter().getFileMetaData().getCreatedBy();
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
        assertTrue(readme.contains("cli/scalewise sample-data --out /tmp/sample --services 6 --days 14 --step 60s"
                + " --seed 42 --start 2026-10-05"), "README shows the exact command");
    }
}
