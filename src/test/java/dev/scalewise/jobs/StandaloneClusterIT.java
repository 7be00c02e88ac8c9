package dev.scalewise.jobs;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and a Worker (1 core, 1 GiB) started from the
 * project's own Spark dependencies through Spark's launcher, as a distribution's sbin scripts would
 * (SPARK_HOME/jars links them; bin/spark-class and bin/spark-submit are the distribution's scripts
 * reduced to what this needs, src/test/resources/spark-home). The lines of jobs/schedule/crontab.example
 * run three ways on the sample's last week, as cron would on the day after it: as written (jobs/*.sh,
 * spark-submit of the thin jar on the cluster), through cli/scalewise with --master spark://..., and
 * through cli/scalewise embedded (local[*]); the three give the same rows, written to file:// URIs by
 * the same commit protocol, and recommend the same manifests. Before the worker starts, a run against
 * an unreachable master and one against a master without workers fail with exit 3 and one line saying
 * so. Runs in `mvn verify` (failsafe, after the jar is packaged).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final Path HOME = Path.of(System.getProperty("scalewise.home", ".")).toAbsolutePath();
    private static final Path TARGET = Path.of(System.getProperty("scalewise.target", "target")).toAbsolutePath();
    private static final Path CRONTAB = HOME.resolve("jobs/schedule/crontab.example");
    /** The sample's days 2026-10-05..18; the crontab runs "today" = the day after its last. */
    private static final LocalDate TODAY = LocalDate.parse("2026-10-19");
    private static final int DAYS = 7;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

    private static Path tmp;
    private static Path sparkHome;
    private static Path data;
    private static String master;
    private static Process masterProcess;
    private static Process workerProcess;

    @BeforeAll
    static void startMaster() throws Exception {
        tmp = Files.createTempDirectory("scalewise-cluster-");
        sparkHome = sparkHome(tmp.resolve("spark-home"));
        data = lastDays(tmp.resolve("data"));
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        masterProcess = daemon("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        awaitLog("master", "ALIVE");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (Process p : new Process[] {workerProcess, masterProcess}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroy); // the worker's executors
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
    }

    @Test
    @Order(1)
    void anUnreachableMasterIsReportedAsSuchInOneLine() throws Exception {
        String nowhere = "spark://127.0.0.1:" + freePort();
        Run run = run(List.of("bash", HOME.resolve("cli/scalewise").toString(), "analyze", "--data", data.toString(),
                "--master", nowhere), Map.of());
        assertEquals(3, run.code(), run.err());
        assertEquals(List.of("scalewise: cluster: cannot reach the Spark master " + nowhere),
                run.err().lines().map(l -> l.replaceAll(": 127\\.0\\.0\\.1:\\d+ \\(.*\\)$", "")).toList(), run.err());
    }

    @Test
    @Order(2)
    void aMasterWithoutWorkersIsReportedAsSuchInOneLine() throws Exception {
        Run run = run(List.of("bash", HOME.resolve("cli/scalewise").toString(), "analyze", "--data", data.toString(),
                "--master", master, "--conf", "spark.scalewise.executorWait=5s"), Map.of());
        assertEquals(3, run.code(), run.err());
        List<String> ours = run.err().lines().filter(l -> l.startsWith("scalewise:")).toList();
        assertEquals(1, ours.size(), run.err());
        assertTrue(ours.get(0).startsWith("scalewise: cluster: no Spark executor registered in 5 s (master " + master),
                run.err());
    }

    @Test
    @Order(3)
    void theCrontabsLinesGiveTheSameRowsOnTheClusterThroughSparkSubmitAndTheCli() throws Exception {
        workerProcess = daemon("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", Files.createDirectories(tmp.resolve("work")).toString(), master);
        awaitLog("worker", "Successfully registered with master");

        List<CronLine> lines = cronLines();
        assertEquals(List.of("analyze", "backtest", "recommend"), lines.stream().map(CronLine::job).toList());
        for (CronLine line : lines) {
            Path local = tmp.resolve("local");
            Path cli = tmp.resolve("cli");
            Path cron = tmp.resolve("cron");
            String viaCli = line.command().replace("$SCALEWISE_HOME/jobs/" + line.job() + ".sh",
                    "$SCALEWISE_HOME/cli/scalewise " + line.job());
            expectOk(line, "local", run(List.of("bash", "-c", viaCli + " --master 'local[*]'"), cronEnv(local)));
            expectOk(line, "cli", run(List.of("bash", "-c", viaCli + " --master " + master
                    + " --conf spark.executor.memory=512m"), cronEnv(cli)));
            expectOk(line, "cron", run(List.of("bash", "-c", line.command()), cronEnv(cron)));

            Path results = Path.of(line.job().equals("recommend") ? "recommend/recommendations" : line.job());
            Dataset<Row> expected = sorted(local.resolve(results));
            assertTrue(expected.count() > 0, "no rows from " + line.command());
            SharedSpark.assertSameRows(expected, sorted(cli.resolve(results)), 0.0);
            SharedSpark.assertSameRows(expected, sorted(cron.resolve(results)), 0.0);
            for (Path out : List.of(local, cli, cron)) {
                assertEquals(List.of(), hidden(out.resolve(results)), "temporary files left under " + out);
            }
            if (line.job().equals("recommend")) {
                assertEquals(manifests(local), manifests(cli));
                assertEquals(manifests(local), manifests(cron));
            }
        }
    }

    record CronLine(String job, String command) {
    }

    record Run(int code, String out, String err) {
    }

    /** The crontab's jobs: each line's command without its schedule and log redirection. */
    private static List<CronLine> cronLines() throws IOException {
        Pattern job = Pattern.compile("^(?:\\S+\\s+){5}(\\$SCALEWISE_HOME/jobs/(\\w+)\\.sh .*?)\\s*>>.*$");
        List<CronLine> out = new ArrayList<>();
        for (String l : Files.readAllLines(CRONTAB)) {
            Matcher m = job.matcher(l);
            if (!l.startsWith("#") && m.matches()) {
                out.add(new CronLine(m.group(2), m.group(1)));
            }
        }
        return out;
    }

    /** The crontab's variables, with RESULTS as a file:// URI, and date(1) answering as on TODAY. */
    private static Map<String, String> cronEnv(Path results) {
        Map<String, String> env = new HashMap<>();
        env.put("SCALEWISE_HOME", HOME.toString());
        env.put("DATA", data.toUri().toString());
        env.put("RESULTS", results.toUri().toString().replaceAll("/$", ""));
        env.put("REVIEW", results.toUri().toString().replaceAll("/$", ""));
        env.put("SPARK_MASTER", master);
        env.put("SPARK_SUBMIT_OPTS_EXTRA", "--conf spark.executor.memory=512m");
        env.put("SCALEWISE_TODAY", TODAY.toString());
        env.put("PATH", sparkHome.resolve("test-bin") + ":" + System.getenv("PATH"));
        return env;
    }

    private static void expectOk(CronLine line, String how, Run run) {
        assertEquals(0, run.code(), how + ": " + line.command() + "\n" + run.err());
    }

    private static Dataset<Row> sorted(Path dir) {
        Dataset<Row> df = SharedSpark.get().read().parquet(dir.toString());
        return df.orderBy(Arrays.stream(df.columns()).map(Column::new).toArray(Column[]::new));
    }

    private static List<Path> hidden(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("_tmp")
                    || p.getFileName().toString().startsWith("_old")).toList();
        }
    }

    /** The edited manifests by file name (none when no recommendation changed a manifest). */
    private static Map<String, String> manifests(Path out) throws IOException {
        Map<String, String> texts = new HashMap<>();
        Path dir = out.resolve("recommend/manifests");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    texts.put(p.getFileName().toString(), Files.readString(p));
                }
            }
        }
        return texts;
    }

    /**
     * SPARK_HOME as a distribution lays it out, from the build's own Spark: jars/ links every jar of
     * target/spark-classpath.txt (Spark and what it brings, nothing of ours), bin/ the launcher scripts.
     */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : Files.readString(TARGET.resolve("spark-classpath.txt")).strip().split(":")) {
            Path p = Path.of(jar);
            Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
        }
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path testBin = Files.createDirectories(home.resolve("test-bin"));
        copyScript("spark-home/bin/spark-class", bin.resolve("spark-class"));
        copyScript("spark-home/bin/spark-submit", bin.resolve("spark-submit"));
        copyScript("spark-home/test-bin/date", testBin.resolve("date"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/log4j2.properties"), String.join("\n",
                "rootLogger.level = warn", "rootLogger.appenderRef.stderr.ref = console",
                "appender.console.type = Console", "appender.console.name = console", "appender.console.target = SYSTEM_ERR",
                "appender.console.layout.type = PatternLayout", "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
                "logger.master.name = org.apache.spark.deploy", "logger.master.level = info", ""));
        return home;
    }

    private static void copyScript(String resource, Path to) throws IOException {
        try (var in = StandaloneClusterIT.class.getClassLoader().getResourceAsStream(resource)) {
            Files.write(to, in.readAllBytes());
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The sample's last DAYS days (links to its date= directories): a week the cluster runs in minutes. */
    private static Path lastDays(Path dir) throws IOException {
        Path sample = HOME.resolve("sample-data");
        for (String dataset : List.of("requests", "latency", "gpu", "billing")) {
            Files.createDirectories(dir.resolve(dataset));
            for (int d = 1; d <= DAYS; d++) {
                String day = "date=" + TODAY.minusDays(d);
                Files.createSymbolicLink(dir.resolve(dataset).resolve(day), sample.resolve(dataset).resolve(day));
            }
        }
        return dir;
    }

    /** The environment every process of the cluster and its clients share. */
    private static void sparkEnv(Map<String, String> env) {
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_CONF_DIR", sparkHome.resolve("conf").toString());
        env.put("SPARK_SCALA_VERSION", System.getProperty("scala.binary.version", "2.12"));
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_DAEMON_MEMORY", "256m");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SCALEWISE_TARGET", TARGET.toString());
        env.put("SCALEWISE_JAR", TARGET.resolve("scalewise-0.1.0.jar").toString());
    }

    private static Process daemon(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(sparkHome.resolve("bin/spark-class").toString(), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        sparkEnv(pb.environment());
        return pb.start();
    }

    private static void awaitLog(String name, String text) throws Exception {
        Path log = tmp.resolve(name + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError(name + " did not log '" + text + "' in 120 s:\n" + Files.readString(log));
    }

    private static Run run(List<String> cmd, Map<String, String> extraEnv) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        sparkEnv(pb.environment());
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        if (!p.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", cmd) + " did not end in " + RUN_LIMIT + ":\n" + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
