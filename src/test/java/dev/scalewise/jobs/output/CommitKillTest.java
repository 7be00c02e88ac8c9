package dev.scalewise.jobs.output;

import dev.scalewise.cli.Main;
import dev.scalewise.jobs.SharedSpark;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 at random points of a real write, for the outputs of analyze, backtest and recommend: a child
 * JVM runs the command on a small fleet, over an --out that already holds an earlier run's results, and is
 * killed with SIGKILL just before its n-th change under --out (n drawn per seed among all the changes an
 * uninterrupted run makes: the write probe, Spark's task files and commits, the protocol's marker and
 * swaps). Once OUT is opened again it must hold, byte for byte, either the earlier state or the state an
 * uninterrupted run leaves, the latter whenever the kill came after the commit point.
 *
 * <p>Seeds per command: {@code -Dscalewise.killSeeds} (default 3; the in-process OutputDirTest crashes at every single change). The uninterrupted child run also
 * shows that a run in another JVM writes the same bytes as a run in this one.
 */
class CommitKillTest {
    private static final int SEEDS = Integer.getInteger("scalewise.killSeeds", 3);
    private static Path fleet;

    @BeforeAll
    static void smallFleet(@TempDir Path tmp) throws IOException {
        fleet = tmp.resolve("fleet");
        assertEquals(0, Main.run("sample-data", "--out", fleet.toString(), "--services", "2", "--days", "3",
                "--step", "5m", "--seed", "7", "--start", "2026-10-05"));
        Files.writeString(tmp.resolve("fleet/policies/variant.yaml"), """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: llm-chat-tighter, namespace: inference}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm-chat}
                  minReplicas: 2
                  maxReplicas: 60
                  metrics:
                    - type: Pods
                      pods: {metric: {name: rps_per_replica}, target: {type: AverageValue, averageValue: "2"}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: ghost, namespace: inference}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ghost}
                  minReplicas: 1
                  maxReplicas: 4
                """);
    }

    /** A command's earlier run and the run that is killed, both writing to OUT. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("analyze",
                        List.of("analyze", "--data", "$F", "--services", "$F/services.yaml", "--from", "2026-10-05",
                                "--to", "2026-10-06", "--out", "$OUT"),
                        List.of("analyze", "--data", "$F", "--from", "2026-10-06", "--to", "2026-10-07", "--out", "$OUT")),
                Arguments.of("backtest",
                        List.of("backtest", "--data", "$F", "--policies", "$F/policies/observed-hpa.yaml", "--services",
                                "$F/services.yaml", "--from", "2026-10-06", "--to", "2026-10-06", "--out", "$OUT"),
                        List.of("backtest", "--data", "$F", "--policies", "$F/policies", "--services", "$F/services.yaml",
                                "--from", "2026-10-06", "--to", "2026-10-07", "--out", "$OUT")),
                Arguments.of("recommend",
                        List.of("recommend", "--data", "$F", "--policies", "$F/policies/observed-hpa.yaml", "--services",
                                "$F/services.yaml", "--out", "$OUT"),
                        List.of("recommend", "--data", "$F", "--policies", "$F/policies", "--services", "$F/services.yaml",
                                "--objective", "balanced", "--out", "$OUT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aKillAtAnyPointLeavesTheEarlierOrTheNewStateOnceOpenedAgain(String name, List<String> first,
                                                                     List<String> second, @TempDir Path tmp)
            throws Exception {
        Path earlier = tmp.resolve("earlier");
        assertEquals(0, SharedSpark.cli(args(first, earlier)).code());
        Map<String, String> before = tree(earlier);
        Path model = copy(earlier, tmp.resolve("model"));
        SharedSpark.CliRun inProcess = SharedSpark.cli(args(second, model));
        assertEquals(0, inProcess.code(), inProcess.err());
        Map<String, String> after = tree(model);
        assertNotEquals(before, after, "the second run must change OUT, or the test shows nothing");

        // an uninterrupted child run: the number of changes, the commit point, and the same bytes as in this JVM
        Path counted = copy(earlier, tmp.resolve("counted"));
        Child full = Child.run(args(second, counted), counted, -1);
        assertEquals(0, full.exit(), full.output());
        assertEquals(after, tree(counted), "a run in another JVM writes other bytes");
        long commitPoint = full.changeOf("rename", counted.resolve("_scalewise/COMMIT.tmp"));
        assertTrue(commitPoint > 0 && commitPoint < full.changes(), full.output());

        Random random = new Random(name.hashCode());
        for (int seed = 0; seed < SEEDS; seed++) {
            long n = 1 + random.nextInt((int) full.changes());
            Path out = copy(earlier, tmp.resolve("kill-" + seed));
            Child killed = Child.run(args(second, out), out, n);
            assertTrue(killed.killed(), "no kill point " + n + " reached: " + killed.output());
            OutputDir.recover(new Configuration(), out.toString());
            boolean committed = n > commitPoint;
            System.out.println("CommitKillTest " + name + " seed " + seed + ": kill -9 at change " + n + " of "
                    + full.changes() + " (" + killed.point() + "), commit point " + commitPoint + ", expect the "
                    + (committed ? "new" : "earlier") + " state");
            assertEquals(committed ? after : before, tree(out), name + ": kill -9 at change " + n + " of "
                    + full.changes() + " (" + killed.point() + "), commit point " + commitPoint);
        }
    }

    private static String[] args(List<String> template, Path out) {
        return template.stream().map(a -> a.replace("$F", fleet.toString()).replace("$OUT", out.toString()))
                .toArray(String[]::new);
    }

    /** A command run in a child JVM that is killed with SIGKILL just before its n-th change under OUT. */
    record Child(int exit, boolean killed, String point, long changes, List<String> log) {
        static Child run(String[] args, Path out, long killAt) throws Exception {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
                    cmd.add(a);
                }
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dscalewise.kill.at=" + killAt,
                    "-Dscalewise.kill.prefix=" + out, "-Dscalewise.kill.log=true", Main.class.getName()));
            cmd.addAll(List.of(args));
            cmd.addAll(List.of("--conf", "spark.hadoop.fs.file.impl=" + KillingFileSystem.class.getName(),
                    "--conf", "spark.hadoop.fs.file.impl.disable.cache=true", "--master", "local[2]"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            String point = "";
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                    if (l.startsWith("KILLPOINT ")) {
                        point = l;
                        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
                        break;
                    }
                }
            }
            assertTrue(p.waitFor(10, TimeUnit.MINUTES));
            long changes = lines.stream().filter(l -> l.startsWith("CHANGES ")).mapToLong(l -> Long.parseLong(l.substring(8)))
                    .findFirst().orElse(-1);
            return new Child(p.exitValue(), !point.isEmpty(), point, changes, lines);
        }

        /** The number of the first change of this kind on this path, from the child's log; 0 when absent. */
        long changeOf(String op, Path path) {
            for (String l : log) {
                String[] w = l.split(" ", 4);
                if (w[0].equals("CHANGE") && w[2].equals(op) && w[3].equals(path.toString())) {
                    return Long.parseLong(w[1]);
                }
            }
            return 0;
        }

        String output() {
            return String.join("\n", log);
        }
    }

    /** Every file under OUT (the .crc side files too) with its SHA-256. */
    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        return SharedSpark.copyTree(from, to);
    }
}
