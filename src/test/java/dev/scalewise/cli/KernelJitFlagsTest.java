package dev.scalewise.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay kernel's JIT directives (src/launcher/kernel-jit-flags.txt, docs/decisions.md D15), which the
 * launcher and the spark-submit script pass to every JVM: they must name code that exists (a renamed class
 * would leave a directive that silently matches nothing) and must print nothing on stdout, where the CLI
 * writes CSV and JSON.
 */
class KernelJitFlagsTest {
    private static final Path FLAGS = Path.of("src/launcher/kernel-jit-flags.txt");

    private static List<String> flags() throws IOException {
        return Arrays.asList(Files.readString(FLAGS, StandardCharsets.UTF_8).trim().split("\\s+"));
    }

    @Test
    void everyInlineDirectiveNamesKernelCode() throws Exception {
        List<String> inlines = new ArrayList<>();
        for (String flag : flags()) {
            assertTrue(flag.startsWith("-XX:CompileCommand="), "only CompileCommand directives, found " + flag);
            String command = flag.substring("-XX:CompileCommand=".length());
            if (command.startsWith("inline,")) {
                inlines.add(command.substring("inline,".length()));
            }
        }
        assertFalse(inlines.isEmpty(), "no inline directive in " + FLAGS);
        for (String pattern : inlines) {
            String[] classAndMethod = pattern.split("::");
            assertEquals(2, classAndMethod.length, "class::method expected, found " + pattern);
            String cls = classAndMethod[0];
            String method = classAndMethod[1];
            if (cls.endsWith(".*")) {
                String pkg = cls.substring(0, cls.length() - 2).replace('.', '/');
                assertNotNull(getClass().getClassLoader().getResource(pkg + "/"), "no package for " + pattern);
            } else {
                Class<?> c = Class.forName(cls);
                assertTrue(method.equals("*") || Arrays.stream(c.getDeclaredMethods())
                        .anyMatch(m -> m.getName().equals(method)), "no method for " + pattern);
            }
        }
    }

    /** Without {@code quiet} first, the JVM prints "CompileCommand: inline ..." on stdout for each directive. */
    @Test
    void theDirectivesPrintNothingOnStdout() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(flags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--version"));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");
        assertEquals(0, p.exitValue(), "exit code; stdout was: " + stdout);
        assertTrue(stdout.startsWith("scalewise "), "stdout must hold only the version, found: " + stdout);
        assertFalse(stdout.contains("CompileCommand"), "a directive echoed on stdout: " + stdout);
    }
}
