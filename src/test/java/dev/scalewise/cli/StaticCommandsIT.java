package dev.scalewise.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands that need no Spark work on the class path cli/scalewise gives them, which holds neither
 * Spark nor Hadoop (docs/decisions.md D21): every command's --help (picocli reflects on every command
 * class, so a Spark type in one of their method signatures would break them all), schema, policy show,
 * static lint, generate-completion. Runs after `package` (failsafe), on the built jar.
 */
class StaticCommandsIT {
    private static final Path HOME = Path.of(System.getProperty("scalewise.home", ".")).toAbsolutePath();
    private static final Path TARGET = Path.of(System.getProperty("scalewise.target", "target")).toAbsolutePath();

    record Run(int code, String out, String err) {
    }

    @Test
    void theStaticClassPathHoldsNoSparkNoScalaNoHadoop() throws Exception {
        String cp = Files.readString(TARGET.resolve("classpath-static.txt"));
        for (String jar : cp.strip().split(":")) {
            String name = Path.of(jar).getFileName().toString();
            assertFalse(name.startsWith("spark-") || name.startsWith("scala-") || name.startsWith("hadoop-"), name);
        }
    }

    @Test
    void everyCommandsHelpAnswersWithoutSpark() throws Exception {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("--help"));
        lines.add(List.of("--version"));
        helpOf(Main.commandLine(), List.of(), lines);
        for (List<String> line : lines) {
            Run run = launch(line);
            assertEquals(0, run.code(), line + "\n" + run.err());
            assertTrue(run.err().isEmpty(), line + "\n" + run.err());
        }
        assertTrue(lines.size() >= 12, lines.toString());
    }

    @Test
    void schemaPolicyShowLintAndCompletionAnswerWithoutSpark() throws Exception {
        Map<List<String>, String> expected = Map.of(
                List.of("schema"), "requests",
                List.of("schema", "requests"), "interval_start",
                List.of("policy", "show", "policies/hpa-behavior.yaml"), "HorizontalPodAutoscaler",
                List.of("lint", "--list-rules"), "SW101",
                List.of("generate-completion"), "complete");
        for (Map.Entry<List<String>, String> e : expected.entrySet()) {
            Run run = launch(e.getKey());
            assertEquals(0, run.code(), e.getKey() + "\n" + run.err());
            assertTrue(run.out().contains(e.getValue()), e.getKey() + "\n" + run.out());
        }
        Run lint = launch(List.of("lint", "policies", "--services", "policies/services.yaml", "--format", "json"));
        assertTrue(lint.code() == 0 || lint.code() == 1, lint.err()); // 1: findings at --fail-on
        assertTrue(lint.out().contains("\"findings\""), lint.out());
        assertFalse(lint.err().contains("Exception") || lint.err().contains("Error"), lint.err());
    }

    private static void helpOf(CommandLine cl, List<String> path, List<List<String>> out) {
        for (var sub : cl.getSubcommands().entrySet()) {
            List<String> line = new ArrayList<>(path);
            line.add(sub.getKey());
            List<String> help = new ArrayList<>(line);
            help.add("--help");
            out.add(help);
            helpOf(sub.getValue(), line, out);
        }
    }

    private static Run launch(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", HOME.resolve("cli/scalewise").toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile());
        pb.environment().put("SCALEWISE_TARGET", TARGET.toString());
        Path out = Files.createTempFile("scalewise-static", ".out");
        Path err = Files.createTempFile("scalewise-static", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        Run run = new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
