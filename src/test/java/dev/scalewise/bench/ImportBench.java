package dev.scalewise.bench;

import dev.scalewise.cli.Main;
import dev.scalewise.importer.prometheus.FleetExposition;
import dev.scalewise.importer.prometheus.LoopbackServer;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.policy.Slo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * `import prometheus` of a generated fleet from a loopback VictoriaMetrics (jobs/bench/import-scale.sh;
 * results in docs/BENCHMARKS.md). Loads the fleet's series into the server a few services at a time,
 * then imports the whole range with each --parallel given, printing wall time, the time the HTTP
 * requests were waiting for the server (summed over threads) and the rest (ours: JSON, grid, Parquet).
 *
 * <p>Arguments: FLEET_DIR WORK_DIR PARALLEL...
 */
public final class ImportBench {
    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path fleet = Path.of(args[0]);
        Path work = Path.of(args[1]);
        List<String> parallel = List.of(args).subList(2, args.length);
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        FleetExposition.Minutes m = FleetExposition.read(fleet);
        Map<String, Slo.Percentile> slo = new TreeMap<>();
        for (Map.Entry<String, ServiceSpec> e : ServicesFile.load(fleet.resolve("services.yaml").toString()).entrySet()) {
            slo.put(e.getKey(), e.getValue().slo().percentile());
        }
        System.out.printf("read %d services x %d minutes in %.1f s%n", m.columns().size(), m.minutes(),
                (System.nanoTime() - t0) / 1e9);
        Path store = work.resolve("vm");
        boolean loaded = Files.exists(work.resolve("vm.done"));
        try (LoopbackServer vm = LoopbackServer.victoriaMetrics(store)) {
            if (!loaded) {
                t0 = System.nanoTime();
                List<String> services = new ArrayList<>(m.columns().keySet());
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                List<java.util.concurrent.Future<Long>> chunks = new ArrayList<>();
                for (int i = 0; i < services.size(); i += 5) {
                    List<String> some = services.subList(i, Math.min(services.size(), i + 5));
                    Path text = work.resolve("chunk-" + i + ".prom.txt");
                    chunks.add(pool.submit(() -> {
                        FleetExposition.write(m, slo, text, FleetExposition.Format.PROMETHEUS_TEXT, some);
                        long size = Files.size(text);
                        vm.post("/api/v1/import/prometheus", text);
                        Files.delete(text);
                        return size;
                    }));
                }
                long bytes = 0;
                for (java.util.concurrent.Future<Long> f : chunks) {
                    bytes += f.get();
                }
                pool.shutdown();
                vm.get("/internal/force_flush");
                Files.createFile(work.resolve("vm.done"));
                System.out.printf("loaded %.1f GB of exposition text into VictoriaMetrics in %.1f s%n", bytes / 1e9,
                        (System.nanoTime() - t0) / 1e9);
            }
            LocalDate from = Instant.ofEpochSecond(m.firstSecond()).atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate to = from.plusDays(m.minutes() / 1440 - 1);
            for (String p : parallel) {
                Path out = work.resolve("out-" + p);
                dev.scalewise.importer.PartitionCommitAccess.deleteTree(out);
                PrintStream old = System.out;
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                long start = System.nanoTime();
                int code;
                try {
                    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                    code = Main.run("import", "prometheus", "--url", vm.url().toString(), "--from", from.toString(),
                            "--to", to.toString(), "--out", out.toString(), "--services",
                            fleet.resolve("services.yaml").toString(), "--parallel", p, "--progress", "never");
                } finally {
                    System.setOut(old);
                }
                double wall = (System.nanoTime() - start) / 1e9;
                String first = captured.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
                System.out.printf("parallel %s: exit %d, wall %.1f s; %s%n", p, code, wall, first);
            }
        }
    }
}
