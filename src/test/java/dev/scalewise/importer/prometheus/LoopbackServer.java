package dev.scalewise.importer.prometheus;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Prometheus or VictoriaMetrics (the Debian packages' binaries) on a loopback port, started by a
 * test and stopped with it (and by a shutdown hook, should the test JVM end first). When the binary is
 * missing the test is skipped locally but fails under CI ({@code CI} set), where .ci/run installs it.
 */
public final class LoopbackServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private LoopbackServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** Fails under CI, skips elsewhere, when the Debian package is not installed. */
    public static Path binary(String name) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = name + " is not installed (apt-get install prometheus victoria-metrics; .ci/run does it)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.assumeTrue(false, message);
        return null;
    }

    /** Prometheus serving an existing TSDB directory, optionally behind a web config (basic auth). */
    public static LoopbackServer prometheus(Path tsdb, Path webConfig) throws IOException {
        Path bin = binary("prometheus");
        Path config = tsdb.resolveSibling(tsdb.getFileName() + "-prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1h\nscrape_configs: []\n");
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(bin.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + tsdb, "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"));
        if (webConfig != null) {
            cmd.add("--web.config.file=" + webConfig);
        }
        return start(cmd, port, tsdb.resolveSibling(tsdb.getFileName() + "-prometheus.log"), "/-/ready",
                webConfig != null);
    }

    /** VictoriaMetrics single-node with its own storage directory, no response cache, all history kept. */
    public static LoopbackServer victoriaMetrics(Path data) throws IOException {
        Path bin = binary("victoria-metrics");
        int port = freePort();
        return start(List.of(bin.toString(), "-storageDataPath=" + data, "-retentionPeriod=100y",
                "-httpListenAddr=127.0.0.1:" + port, "-search.disableCache", "-search.latencyOffset=0s",
                "-loggerLevel=ERROR"), port, data.resolveSibling(data.getFileName() + "-vm.log"), "/health", false);
    }

    private static LoopbackServer start(List<String> cmd, int port, Path log, String readyPath, boolean authOn)
            throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LoopbackServer server = new LoopbackServer(p, port, log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(cmd.get(0) + " exited: " + Files.readString(log));
            }
            try {
                int status = http.send(HttpRequest.newBuilder(server.url().resolve(readyPath)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || (authOn && status == 401)) {
                    return server;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        server.close();
        throw new IllegalStateException(cmd.get(0) + " did not become ready: " + Files.readString(log));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** POSTs a body to a path of the server (VictoriaMetrics' import API), failing on a non-2xx answer. */
    public void post(String path, Path body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofFile(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    public void get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
