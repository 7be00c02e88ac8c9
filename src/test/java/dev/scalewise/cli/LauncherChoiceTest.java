package dev.scalewise.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cli/scalewise starts a command without Spark's jars only when the command itself says it runs without
 * them (SparkFree), for every subcommand, with each of its options and with --help: a command that needs
 * Spark never starts without it (it would fail), and one that does not never waits for Spark's jars.
 */
class LauncherChoiceTest {
    /** Values tried, in order, for an option or parameter until the command line parses. */
    private static final List<String> VALUES = List.of("x", "1", "2026-01-05", "60s", "json", "k=v", "error", "auto");

    @Test
    void theLauncherAndEveryCommandAgreeOnSpark() throws Exception {
        Map<List<String>, Boolean> lines = new LinkedHashMap<>();
        collect(Main.commandLine().getCommandSpec(), List.of(), lines);
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<List<String>, Boolean> e : lines.entrySet()) {
            boolean launcher = launcherNeedsSpark(e.getKey());
            if (launcher != e.getValue()) {
                disagreements.add(String.join(" ", e.getKey()) + ": launcher " + (launcher ? "spark" : "static")
                        + ", command " + (e.getValue() ? "spark" : "static"));
            }
        }
        assertTrue(lines.size() > 60, "too few command lines generated: " + lines.keySet());
        assertEquals(List.of(), disagreements);
    }

    @Test
    void theCommandsThatMustAnswerWithoutSparkDoAndDataCommandsDoNot() {
        assertFalse(SparkFree.needsSpark("--help"));
        assertFalse(SparkFree.needsSpark("schema"));
        assertFalse(SparkFree.needsSpark("policy", "show", "policies/hpa-behavior.yaml"));
        assertFalse(SparkFree.needsSpark("lint", "policies", "--services", "policies/services.yaml"));
        assertFalse(SparkFree.needsSpark("analyze", "--data", "sample-data", "--help"));
        assertTrue(SparkFree.needsSpark("lint", "policies", "--data", "sample-data"));
        assertTrue(SparkFree.needsSpark("lint", "policies", "--results", "out/backtest"));
        assertTrue(SparkFree.needsSpark("analyze", "--data", "sample-data"));
        assertTrue(SparkFree.needsSpark("backtest", "--data", "sample-data", "--policies", "policies"));
        assertTrue(SparkFree.needsSpark("recommend", "--data", "sample-data", "--policies", "policies"));
        assertTrue(SparkFree.needsSpark("replay", "--data", "sample-data", "--policy", "policies/hpa-behavior.yaml"));
        assertTrue(SparkFree.needsSpark("sample-data", "--out", "x")); // Parquet needs Hadoop, which comes with Spark
    }

    /** Every subcommand: its required arguments alone, then with each other option, then with --help. */
    private static void collect(CommandSpec spec, List<String> path, Map<List<String>, Boolean> out) {
        List<String> base = new ArrayList<>(path);
        if (!path.isEmpty()) {
            for (ArgSpec a : spec.args()) {
                if (a.required()) {
                    base = withArg(base, a, path);
                }
            }
        }
        out.put(base, SparkFree.needsSpark(base.toArray(String[]::new)));
        for (OptionSpec o : spec.options()) {
            if (!o.required()) {
                List<String> line = withArg(base, o, path);
                out.put(line, SparkFree.needsSpark(line.toArray(String[]::new)));
            }
        }
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            if (sub.getKey().equals(sub.getValue().getCommandName())) { // each command once, not per alias
                List<String> subPath = new ArrayList<>(path);
                subPath.add(sub.getKey());
                collect(sub.getValue().getCommandSpec(), subPath, out);
            }
        }
    }

    /** {@code line} plus the argument with the first value that parses. */
    private static List<String> withArg(List<String> line, ArgSpec arg, List<String> path) {
        for (String value : VALUES) {
            List<String> candidate = new ArrayList<>(line);
            if (arg instanceof OptionSpec o) {
                candidate.add(o.longestName());
                if (o.arity().max() == 0) {
                    return candidate;
                }
            } else if (!(arg instanceof PositionalParamSpec)) {
                throw new AssertionError(arg.toString());
            }
            candidate.add(value);
            if (parses(candidate, path)) {
                return candidate;
            }
        }
        // the required arguments of the command come after; only then does a non-required one parse
        List<String> bare = new ArrayList<>(line);
        bare.add(arg instanceof OptionSpec o ? o.longestName() : "x");
        if (arg instanceof OptionSpec o && o.arity().max() > 0) {
            bare.add("x");
        }
        return bare;
    }

    private static boolean parses(List<String> line, List<String> path) {
        try {
            Main.commandLine().parseArgs(line.toArray(String[]::new));
            return true;
        } catch (CommandLine.ParameterException e) {
            // a missing required argument is no fault of this value
            return e instanceof CommandLine.MissingParameterException;
        }
    }

    private static boolean launcherNeedsSpark(List<String> line) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "cli/scalewise"));
        cmd.addAll(line);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SCALEWISE_CLASSPATH_CHOICE", "print");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return switch (out) {
            case "spark" -> true;
            case "static" -> false;
            default -> throw new AssertionError("launcher said: " + out);
        };
    }
}
