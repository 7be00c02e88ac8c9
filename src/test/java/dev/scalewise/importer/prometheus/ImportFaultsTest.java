package dev.scalewise.importer.prometheus;

import dev.scalewise.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults against real servers: each ends with a message naming what to do, exit 2, and no half-written
 * day; a rerun resumes and gives the same bytes as an import that was never interrupted.
 */
class ImportFaultsTest {
    private static final String DAY1 = "2026-10-06";
    private static final String DAY2 = "2026-10-07";

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static String[] importArgs(String url, Path out, String from, String to, String... more) {
        List<String> a = new ArrayList<>(List.of("import", "prometheus", "--url", url, "--from", from, "--to", to,
                "--out", out.toString(), "--services", "sample-data/services.yaml", "--retries", "1",
                "--retry-wait", "100ms"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aBadQueryIsRefusedWithItsOriginMetricAndText(@TempDir Path tmp) throws Exception {
        Path queries = tmp.resolve("queries.yaml");
        Files.writeString(queries, "# a typo: one parenthesis short\nqueries:\n"
                + "  queue_depth: sum by (${service}) (avg_over_time(vllm:num_requests_waiting{${selector}}[${range}])\n");
        Path out = tmp.resolve("data");
        Run r = cli(importArgs(SampleFleetServers.prometheus().url().toString(), out, DAY1, DAY2,
                "--queries", queries.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(queries + ":3:16"), r.err());
        assertTrue(r.err().contains("queue_depth") && r.err().contains("vllm:num_requests_waiting")
                && r.err().contains("HTTP 400") && r.err().contains("query: sum by (service)"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(List.of(), partitions(out));
    }

    @Test
    void refusedCredentialsStopTheImportAndTheRightOnesWork(@TempDir Path tmp) throws Exception {
        String password = "correct horse battery staple 19";
        Path web = tmp.resolve("web.yml");
        Files.writeString(web, "basic_auth_users:\n  scalewise: " + BCrypt.hashpw(password, BCrypt.gensalt(4)) + "\n");
        Path wrong = tmp.resolve("wrong");
        Files.writeString(wrong, "not the password\n");
        Path right = tmp.resolve("right");
        Files.writeString(right, password + "\n");
        try (LoopbackServer secured = SampleFleetServers.ownPrometheus(tmp, web)) {
            String url = secured.url().toString();
            Run none = cli(importArgs(url, tmp.resolve("a"), DAY1, DAY1));
            assertEquals(2, none.code(), none.err());
            assertTrue(none.err().contains("refused the credentials (HTTP 401)"), none.err());
            Run bad = cli(importArgs(url, tmp.resolve("b"), DAY1, DAY1, "--basic-user", "scalewise",
                    "--basic-password-file", wrong.toString()));
            assertEquals(2, bad.code(), bad.err());
            assertTrue(bad.err().contains("refused the credentials"), bad.err());
            assertEquals(List.of(), partitions(tmp.resolve("b")));
            Run good = cli(importArgs(url, tmp.resolve("c"), DAY1, DAY1, "--basic-user", "scalewise",
                    "--basic-password-file", right.toString()));
            assertEquals(0, good.code(), good.err());
            assertEquals(List.of("gpu/date=" + DAY1, "latency/date=" + DAY1, "requests/date=" + DAY1),
                    partitions(tmp.resolve("c")));
            for (Run r : List.of(none, bad, good)) {
                assertFalse((r.out() + r.err()).contains(password) || (r.out() + r.err()).contains("not the password"));
            }
        }
    }

    @Test
    void anEmptyResultSaysWhatIsMissingAndWritesNothing(@TempDir Path tmp) throws Exception {
        String url = SampleFleetServers.prometheus().url().toString();
        Run empty = cli(importArgs(url, tmp.resolve("a"), "2026-09-01", "2026-09-01"));
        assertEquals(2, empty.code(), empty.err());
        assertTrue(empty.err().contains("nothing imported"), empty.err());
        assertTrue(empty.err().contains("no data at all for llm-chat (named in services.yaml)"), empty.err());
        assertEquals(List.of(), partitions(tmp.resolve("a")));

        Path queries = tmp.resolve("q.yaml");
        Files.writeString(queries, "queries:\n  queue_depth: sum by (${service}) "
                + "(avg_over_time(vllm:num_requests_swapped{${selector}}[${range}]))\n");
        Run partial = cli(importArgs(url, tmp.resolve("b"), DAY1, DAY1, "--queries", queries.toString()));
        assertEquals(0, partial.code(), partial.err());
        assertTrue(partial.err().contains("no `vllm:num_requests_swapped` for llm-chat: queue_depth left empty"),
                partial.err());
        FleetExposition.Minutes rows = FleetExposition.read(tmp.resolve("b"));
        for (double v : rows.of("llm-chat", "queue_depth")) {
            assertTrue(Double.isNaN(v));
        }
        assertTrue(Double.isFinite(rows.of("llm-chat", "in_flight")[0]));
    }

    @Test
    void aServerStoppedMidImportLeavesWholeDaysAndTheRerunWritesTheSameBytes(@TempDir Path tmp) throws Exception {
        Path reference = tmp.resolve("reference");
        Run clean = cli(importArgs(SampleFleetServers.prometheus().url().toString(), reference, "2026-10-05",
                "2026-10-09"));
        assertEquals(0, clean.code(), clean.err());

        Path out = tmp.resolve("data");
        Path server = tmp.resolve("server");
        // days are imported in order, so the first request once 2026-10-06 is committed belongs to a later day:
        // the server is stopped there, that request left unanswered, whatever the machine's speed
        Path secondDay = out.resolve("requests/date=2026-10-06");
        Run stopped;
        try (LoopbackServer own = SampleFleetServers.ownPrometheus(server, null);
             StoppingRelay relay = new StoppingRelay(own, () -> Files.exists(secondDay))) {
            stopped = cli(importArgs(relay.url().toString(), out, "2026-10-05", "2026-10-09"));
            assertFalse(own.alive());
        }
        assertEquals(2, stopped.code(), stopped.err());
        // the dropped request, then (one retry) the refused connection
        assertTrue(stopped.err().contains("the server is unavailable (connection refused; 2 attempts)")
                && stopped.err().contains("the days written so far are kept, rerun the same command"), stopped.err());
        assertEquals(List.of("gpu/date=2026-10-05", "gpu/date=2026-10-06", "latency/date=2026-10-05",
                "latency/date=2026-10-06", "requests/date=2026-10-05", "requests/date=2026-10-06"), partitions(out));
        // nothing of the third day anywhere, staging included
        assertEquals(List.of(), files(out).keySet().stream()
                .filter(f -> !f.matches("(requests|latency|gpu)/date=2026-10-0[56]/part-00000\\.parquet")).toList());
        try (LoopbackServer again = LoopbackServer.prometheus(server.resolve("tsdb"), null)) {
            Run resumed = cli(importArgs(again.url().toString(), out, "2026-10-05", "2026-10-09"));
            assertEquals(0, resumed.code(), resumed.err());
            assertTrue(resumed.out().contains("3 days written, 2 already there (skipped)"), resumed.out());
        }
        assertSameFiles(reference, out);
        Run overwrite = cli(importArgs(SampleFleetServers.prometheus().url().toString(), out, "2026-10-05",
                "2026-10-09", "--overwrite"));
        assertEquals(0, overwrite.code(), overwrite.err());
        assertTrue(overwrite.out().contains("5 days written"), overwrite.out());
        assertSameFiles(reference, out);
    }

    @Test
    void rangeQueriesSplitBelowAPointLimitGiveTheSameBytes(@TempDir Path tmp) throws Exception {
        String url = SampleFleetServers.victoriaMetrics().url().toString();
        Run whole = cli(importArgs(url, tmp.resolve("whole"), DAY1, DAY1));
        assertEquals(0, whole.code(), whole.err());
        Run split = cli(importArgs(url, tmp.resolve("split"), DAY1, DAY1, "--max-points", "500"));
        assertEquals(0, split.code(), split.err());
        Run halves = cli(importArgs(url, tmp.resolve("halves"), DAY1, DAY1, "--max-points", "720"));
        assertEquals(0, halves.code(), halves.err());
        // 1,440 points a day: one request per range query, or two of at most 720, or three of at most 500; the
        // labels call and the series look-ups behind "no data from ..." notes (the LLM columns of the services
        // that are no LLM server) are made once whatever the split
        int queries = requests(halves) - requests(whole);
        assertTrue(queries > 0, halves.out());
        assertEquals(requests(whole) + 2 * queries, requests(split), split.out());
        assertSameFiles(tmp.resolve("whole"), tmp.resolve("split"));
        assertSameFiles(tmp.resolve("whole"), tmp.resolve("halves"));
    }

    @Test
    void aKilledImportLeavesWholeDaysAndTheRerunWritesTheSameBytes(@TempDir Path tmp) throws Exception {
        String url = SampleFleetServers.prometheus().url().toString();
        Path reference = tmp.resolve("reference");
        assertEquals(0, cli(importArgs(url, reference, "2026-10-05", "2026-10-09")).code());

        Path out = tmp.resolve("data");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.scalewise.cli.Main"));
        cmd.addAll(List.of(importArgs(url, out, "2026-10-05", "2026-10-09", "--parallel", "1")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(out.resolve("requests/date=2026-10-06")) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(10);
        }
        p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup
        List<String> days = partitions(out).stream().filter(d -> d.startsWith("requests/")).toList();
        assertTrue(!days.isEmpty() && days.size() < 5, days + " " + Files.readString(tmp.resolve("log")));
        for (String d : days) {
            String date = d.substring("requests/".length());
            assertTrue(Files.exists(out.resolve("latency").resolve(date)) && Files.exists(out.resolve("gpu").resolve(date)),
                    "day " + date + " is whole");
        }
        Run resumed = cli(importArgs(url, out, "2026-10-05", "2026-10-09"));
        assertEquals(0, resumed.code(), resumed.err());
        assertSameFiles(reference, out);
    }

    private static int requests(Run r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) requests in").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Integer.parseInt(m.group(1));
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        Map<String, byte[]> a = files(expected);
        Map<String, byte[]> b = files(actual);
        assertEquals(a.keySet(), b.keySet());
        for (String f : a.keySet()) {
            assertArrayEquals(a.get(f), b.get(f), f);
        }
    }

    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** DATASET/date=... directories under root, sorted; staging is not a partition. */
    static List<String> partitions(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root, 2)) {
            return s.filter(p -> p.getFileName().toString().startsWith("date="))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
