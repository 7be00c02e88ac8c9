package dev.scalewise.cli;

import dev.scalewise.ExitCodes;
import dev.scalewise.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exit-code table of docs/cli.md holds for every command: each code the table lists is returned
 * by each command it names, through the one mapping every command shares ({@link Failures}).
 */
class ExitCodeContractTest {
    /** Commands that can return 1 (findings, when asked to fail on them). */
    private static final Set<String> FINDINGS = Set.of("lint");

    static List<String> commands() {
        return List.copyOf(Main.commandLine().getSubcommands().keySet());
    }

    /** docs/cli.md's table: code to the commands of its "returned by" cell. */
    static Map<Integer, String> table() throws IOException {
        String doc = Files.readString(Path.of("docs/cli.md"));
        String section = doc.substring(doc.indexOf("## Exit codes"));
        Matcher m = Pattern.compile("(?m)^\\| (\\d) \\| [^|]+\\| ([^|]+)\\|$").matcher(section);
        Map<Integer, String> out = new LinkedHashMap<>();
        while (m.find()) {
            out.put(Integer.parseInt(m.group(1)), m.group(2).trim());
        }
        return out;
    }

    @Test
    void theTableListsEachCodeOnceWithTheCommandsThatReturnIt() throws IOException {
        Map<Integer, String> t = table();
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(t.keySet()), t.toString());
        for (int code : List.of(0, 2, 3)) {
            assertEquals("every command", t.get(code));
        }
        assertEquals("`lint`", t.get(1));
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void zeroForHelp(String command) {
        assertEquals(ExitCodes.OK, run(command, "--help").code());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void twoForAnOptionThatDoesNotExistWithOneLineAndWhereTheOptionsAre(String command) {
        Run r = run(command, "--no-such-option");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        // picocli names the first problem it meets: a missing required option comes before the unknown one
        assertTrue(r.err().startsWith("scalewise: Unknown option: '--no-such-option'")
                || r.err().startsWith("scalewise: Missing required option"), r.err());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("(see 'scalewise " + command + " --help')"), r.err());
        assertFalse(r.err().contains("Usage:"), "the problem, not the whole usage text: " + r.err());
    }

    /** What a command's own code raises reaches the user through the handler Main gave every command. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void twoForAUserErrorAndThreeForAnythingElseInsideTheCommand(String command) {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(command, "--help").subcommand();
        CommandLine sub = parsed.commandSpec().commandLine();
        StringWriter err = new StringWriter();
        sub.setErr(new PrintWriter(err, true));
        CommandLine.IExecutionExceptionHandler handler = sub.getExecutionExceptionHandler();
        assertEquals(ExitCodes.INPUT, handle(handler, new IllegalStateException("wrapped",
                new UserError("requests: column 'requests' is missing")), sub, parsed));
        assertEquals(ExitCodes.INTERNAL, handle(handler, new IllegalStateException("a bug"), sub, parsed));
        assertEquals(ExitCodes.INTERNAL, sub.getExitCodeExceptionMapper().getExitCode(new IllegalStateException("a bug")));
        assertEquals(ExitCodes.INPUT, sub.getExitCodeExceptionMapper().getExitCode(
                new CommandLine.UnmatchedArgumentException(sub, "x")));
        String e = err.toString();
        assertTrue(e.startsWith("scalewise: requests: column 'requests' is missing\nscalewise: internal error: "
                + "java.lang.IllegalStateException: a bug\n(run again with --verbose"), e);
    }

    private static int handle(CommandLine.IExecutionExceptionHandler h, Exception e, CommandLine cl,
                              CommandLine.ParseResult parsed) {
        try {
            return h.handleExecutionException(e, cl, parsed);
        } catch (Exception x) {
            throw new AssertionError(x);
        }
    }

    @Test
    void oneForLintFindingsAtTheThreshold() {
        for (String command : FINDINGS) {
            assertEquals(ExitCodes.FINDINGS, run(command, "src/test/resources/lint/rules/SW101/fail.yaml").code());
        }
    }

    /** Error escapes picocli's handlers (it catches only Exceptions): Main reports it the same way. */
    @Test
    void threeForAnErrorWithTheSameOneLineReport() {
        StringWriter err = new StringWriter();
        int code = Failures.report(new StackOverflowError(), new PrintWriter(err, true), false);
        assertEquals(ExitCodes.INTERNAL, code);
        assertEquals("scalewise: internal error: java.lang.StackOverflowError\n"
                + "(run again with --verbose for the stack trace, and please report it)\n", err.toString());
    }
}
