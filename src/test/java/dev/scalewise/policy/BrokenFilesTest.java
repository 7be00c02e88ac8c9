package dev.scalewise.policy;

import dev.scalewise.UserError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A directory of broken files: every problem is reported, one line each naming the file (and
 * line:column where the problem has one), in one error — loading never stops at the first file.
 */
public class BrokenFilesTest {
    @TempDir
    static Path dir;

    /** Writes the broken set into {@code dir}; the CLI test reuses it. */
    public static void writeBrokenSet(Path dir) throws IOException {
        Files.writeString(dir.resolve("a-syntax.yaml"), """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web
                spec: {}
                """);
        Files.writeString(dir.resolve("b-min-max.yaml"), """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: q}
                spec:
                  scaleTargetRef: {name: q}
                  minReplicaCount: 5
                  maxReplicaCount: 3
                  triggers: [{type: cpu, metadata: {value: "60"}}]
                """);
        Files.writeString(dir.resolve("c-cron.yml"), """
                apiVersion: scalewise.dev/v1alpha1
                kind: ScheduledScaling
                metadata: {name: s}
                spec:
                  basePolicy: {inline: {apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, metadata: {name: b},
                    spec: {scaleTargetRef: {name: web}, maxReplicas: 3}}}
                  windows: [{cron: "every monday", duration: 1h, replicas: 2}]
                """);
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, prev)))
                    .append("]\n");
        }
        Files.writeString(dir.resolve("d-alias-bomb.yaml"), bomb);
        try (OutputStream out = Files.newOutputStream(dir.resolve("e-huge.yaml"))) {
            byte[] line = "# padding line of a very large rendered chart\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 20L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        byte[] binary = new byte[256];
        Arrays.fill(binary, (byte) 0x7f);
        binary[10] = 0;
        Files.write(dir.resolve("f-model.yaml"), binary);
        Files.writeString(dir.resolve("README.txt"), "not yaml, not read");
    }

    @BeforeAll
    static void setUp() throws IOException {
        writeBrokenSet(dir);
    }

    @Test
    void oneLinePerProblem() {
        UserError e = assertThrows(UserError.class, () -> PolicyLoader.load(List.of(dir.toString())));
        List<String> lines = e.getMessage().lines().toList();
        String d = dir.toString();
        assertEquals(6, lines.size(), e.getMessage());
        assertTrue(lines.get(0).startsWith(d + "/a-syntax.yaml:4:5: invalid YAML"), lines.get(0));
        assertEquals(d + "/b-min-max.yaml:7:20: spec.maxReplicaCount: maxReplicas 3 is less than minReplicas 5", lines.get(1));
        assertTrue(lines.get(2).startsWith(d + "/c-cron.yml:7:20: spec.windows[0].cron: cron 'every monday' has 2 fields"),
                lines.get(2));
        assertTrue(lines.get(3).startsWith(d + "/d-alias-bomb.yaml: refused:"), lines.get(3));
        assertTrue(lines.get(4).startsWith(d + "/e-huge.yaml: refused: 20971"), lines.get(4));
        assertEquals(d + "/f-model.yaml: not a YAML text file (binary content: NUL byte)", lines.get(5));
    }
}
