package dev.scalewise.importer.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A loopback relay in front of a real server that stops that server, and then itself, at the first
 * request arriving once {@code stopNow} holds, leaving that request unanswered: the client sees its
 * connection dropped and then refused at a point of its work fixed by what it has done, not by timing.
 */
final class StoppingRelay implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService threads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stopping-relay");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newHttpClient();
    private final LoopbackServer upstream;
    private final BooleanSupplier stopNow;

    StoppingRelay(LoopbackServer upstream, BooleanSupplier stopNow) throws IOException {
        this.upstream = upstream;
        this.stopNow = stopNow;
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(threads);
        http.createContext("/", this::relay);
        http.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private void relay(HttpExchange exchange) throws IOException {
        if (stopNow.getAsBoolean()) {
            upstream.close(); // returns once the process has exited
            http.stop(0);     // closes every connection, this exchange's too, unanswered
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.url().resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(),
                        HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            request.header("Content-Type", type);
        }
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
