package dev.scalewise.badinput;

import dev.scalewise.jobs.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input from a careless or hostile user, one case per row of {@code src/test/resources/badinput/cases.md}:
 * the setup, the command, the exit code and a fragment of the message it must print. Every case also
 * holds the contract of docs/cli.md: no stack trace and no Java exception name on stderr, and every
 * stderr line is Scalewise's own ("scalewise: ..."), not a log line of Spark or Hadoop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputSuiteTest {
    private static final List<String> STDERRS = new ArrayList<>();

    static List<BadInputCase> cases() throws IOException {
        return BadInputCase.read(Path.of("src/test/resources/badinput/cases.md"));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithTheExpectedExitCodeAndMessage(BadInputCase c, @TempDir Path tmp) throws Exception {
        SharedSpark.get();
        Workspace w = new Workspace(tmp);
        c.setup().forEach(w::step);
        Map<Path, List<String>> before = w.snapshots(c.checks());
        SharedSpark.CliRun run = SharedSpark.cli(w.command(c.command()));
        synchronized (STDERRS) {
            STDERRS.add(c.id() + "\n" + run.err());
        }
        String where = c.id() + ": " + c.command() + "\n--- stderr\n" + run.err() + "--- stdout\n"
                + run.out().substring(0, Math.min(2000, run.out().length()));
        assertEquals(c.exit(), run.code(), where);
        assertTrue(run.err().contains(w.expand(c.message())) || run.out().contains(w.expand(c.message())), where);
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), where);
        for (String line : run.err().lines().toList()) {
            assertTrue(line.startsWith("scalewise:") || line.startsWith("(see '") || line.startsWith("Possible solutions:")
                    || line.startsWith("Did you mean"), "a line that is not Scalewise's own: " + line + "\n" + where);
        }
        w.verify(c.checks(), before, where, run.out());
    }

    /**
     * No stack trace reaches a user for any user or data error: after the cases, every stderr the suite
     * saw, grepped once more as a whole.
     */
    @Order(2)
    @Test
    void noStderrOfTheSuiteNamesAnException() throws IOException {
        synchronized (STDERRS) {
            assertEquals(cases().size(), STDERRS.size(), "every case ran before this check");
            for (String err : STDERRS) {
                assertFalse(err.contains("Exception") || err.contains("\tat "), err);
            }
        }
    }

    @AfterAll
    static void clear() {
        STDERRS.clear();
    }
}
