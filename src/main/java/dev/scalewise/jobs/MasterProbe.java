package dev.scalewise.jobs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Before Spark starts: can a standalone master (spark://host:port[,host:port...]) be reached at all?
 * Spark itself retries its registration for a minute and then stops the application, and the run then
 * fails on its first job with a message about a stopped context. Other masters (yarn, k8s://) are left
 * to Spark.
 */
final class MasterProbe {
    private static final int TIMEOUT_MS = 5_000;

    private MasterProbe() {
    }

    static void check(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1).replaceAll("/+$", ""));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
                return;
            } catch (IOException e) {
                failures.add(host + ":" + port + " (" + e.getMessage() + ")");
            }
        }
        throw new ClusterFailure("cannot reach the Spark master " + master + ": " + String.join(", ", failures));
    }
}
