package dev.scalewise.cli;

import dev.scalewise.jobs.output.OutputDir;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 22: two inputs with one file name never write one file under --out. */
class RecommendOutTest {
    @Test
    void manifestsMirrorTheInputsRelativePaths(@TempDir Path dir) throws IOException {
        Map<String, String> edited = new LinkedHashMap<>();
        edited.put(dir.resolve("in/prod/hpa.yaml").toString(), "prod\n");
        edited.put(dir.resolve("in/staging/hpa.yaml").toString(), "staging\n");
        Path out = dir.resolve("out");
        OutputDir target = OutputDir.recover(new Configuration(), out.toString());
        RecommendCommand.stageManifests(target, edited);
        target.commit();
        assertEquals("prod\n", Files.readString(out.resolve("manifests/prod/hpa.yaml")));
        assertEquals("staging\n", Files.readString(out.resolve("manifests/staging/hpa.yaml")));
        try (var files = Files.walk(out)) {
            assertEquals(2, files.filter(Files::isRegularFile).count(), "no temporary or protocol file left");
        }
    }
}
