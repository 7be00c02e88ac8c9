package dev.scalewise.importer.prometheus;

import dev.scalewise.importer.PartitionCommitAccess;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.policy.Slo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The committed sample fleet served by a real Prometheus (a TSDB backfilled with promtool from the
 * fleet's OpenMetrics text) and a real VictoriaMetrics (the same series pushed to its import API),
 * started once per test JVM and shared by the test classes that need them.
 *
 * <p>Building the two stores takes minutes on 2 cores, so they are kept under
 * {@code target/import-fixture/KEY/}, KEY a hash of the sample's files and of the generator's classes:
 * a second Maven run (the Spark 4 profile in CI) starts the servers on copies of them.
 */
public final class SampleFleetServers {
    public static final Path SAMPLE = Path.of("sample-data");
    public static final String FROM = "2026-10-05";
    public static final String TO = "2026-10-18";

    private static FleetExposition.Minutes minutes;
    private static FleetExposition.Expected expected;
    private static LoopbackServer prometheus;
    private static LoopbackServer victoria;
    private static Path work;

    private SampleFleetServers() {
    }

    public static synchronized FleetExposition.Minutes sample() throws IOException {
        if (minutes == null) {
            minutes = FleetExposition.read(SAMPLE);
        }
        return minutes;
    }

    public static Map<String, Slo.Percentile> slo() {
        Map<String, Slo.Percentile> out = new TreeMap<>();
        for (Map.Entry<String, ServiceSpec> e : ServicesFile.load(SAMPLE.resolve("services.yaml").toString()).entrySet()) {
            out.put(e.getKey(), e.getValue().slo().percentile());
        }
        return out;
    }

    /** What histogram_quantile must return from the fixture's histograms. */
    public static synchronized FleetExposition.Expected expected() throws IOException {
        if (expected == null) {
            expected = FleetExposition.expected(sample(), slo());
        }
        return expected;
    }

    /** The backfilled TSDB (cached; never served directly: servers run on copies). */
    static synchronized Path tsdb() throws IOException {
        Path dir = cache().resolve("tsdb");
        if (!Files.exists(cache().resolve("tsdb.done"))) {
            PartitionCommitAccess.deleteTree(dir);
            Path om = work().resolve("fleet.om.txt");
            FleetExposition.write(sample(), slo(), om, FleetExposition.Format.OPENMETRICS);
            // promtool reads its input once per block range: 1458 h blocks hold the two weeks in one
            run(List.of(LoopbackServer.binary("promtool").toString(), "tsdb", "create-blocks-from", "openmetrics",
                    "--max-block-duration=1458h", "-q", om.toString(), dir.toString()));
            Files.delete(om);
            Files.createFile(cache().resolve("tsdb.done"));
        }
        return dir;
    }

    public static synchronized LoopbackServer prometheus() throws IOException {
        if (prometheus == null || !prometheus.alive()) {
            prometheus = ownPrometheus(Files.createTempDirectory(work(), "prom"), null);
        }
        return prometheus;
    }

    /** A Prometheus of its own on a copy of the TSDB (for tests that stop it or put auth in front). */
    public static LoopbackServer ownPrometheus(Path dir, Path webConfig) throws IOException {
        Path copy = dir.resolve("tsdb");
        copyTree(tsdb(), copy);
        return LoopbackServer.prometheus(copy, webConfig);
    }

    public static synchronized LoopbackServer victoriaMetrics() throws IOException, InterruptedException {
        if (victoria == null || !victoria.alive()) {
            Path stored = cache().resolve("vm");
            if (!Files.exists(cache().resolve("vm.done"))) {
                PartitionCommitAccess.deleteTree(stored);
                Path text = work().resolve("fleet.prom.txt");
                FleetExposition.write(sample(), slo(), text, FleetExposition.Format.PROMETHEUS_TEXT);
                try (LoopbackServer vm = LoopbackServer.victoriaMetrics(stored)) {
                    vm.post("/api/v1/import/prometheus", text);
                    vm.get("/internal/force_flush");
                }
                Files.delete(text);
                Files.createFile(cache().resolve("vm.done"));
            }
            Path copy = Files.createTempDirectory(work(), "vm").resolve("data");
            copyTree(stored, copy);
            victoria = LoopbackServer.victoriaMetrics(copy);
        }
        return victoria;
    }

    private static Path cache() throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(SAMPLE)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("billing")).sorted().toList();
        }
        for (Path f : files) {
            sha.update(f.toString().getBytes());
            sha.update(Files.readAllBytes(f));
        }
        for (Class<?> c : List.of(FleetExposition.class, HistogramShape.class, FleetExposition.LatencyShape.class)) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName().replace('.', '$') + ".class")) {
                if (in != null) {
                    sha.update(in.readAllBytes());
                }
            }
        }
        Path dir = Path.of("target", "import-fixture", HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        Files.createDirectories(dir);
        return dir.toAbsolutePath();
    }

    private static Path work() throws IOException {
        if (work == null) {
            work = Files.createTempDirectory("scalewise-import-fixture");
            Path dir = work;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    PartitionCommitAccess.deleteTree(dir);
                } catch (IOException ignored) {
                    // a temp dir left behind is the OS's to clean
                }
            }));
        }
        return work;
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else if (!p.getFileName().toString().equals("lock") && !p.getFileName().toString().equals("flock.lock")) {
                Files.copy(p, target);
            }
        }
    }
}
