package dev.scalewise.importer.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.UserError;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The three calls of the Prometheus HTTP API the importer needs ({@code /api/v1/query_range},
 * {@code /api/v1/series}, {@code /api/v1/labels}), as POST forms, which Prometheus, VictoriaMetrics,
 * Thanos and Mimir all accept (and which keep long PromQL out of URL length limits).
 *
 * <p>A server that is unavailable ({@link ServerFailure#UNAVAILABLE}: refused or dropped connection,
 * timeout, 5xx, 429, or an answer saying its storage is closing) is retried with doubling waits, then
 * stops the import with one message whatever the last cause was; a 400/422 about the query comes back
 * at once as {@link QueryRejected}, for the caller to name the preset and metric; 401/403 and 404 are
 * the user's to fix and stop the import. No message carries the Authorization header.
 */
public final class PromClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientOptions options;
    private final HttpClient http;
    private final AtomicLong serverNanos = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public PromClient(ClientOptions options) {
        this.options = options;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (options.insecure() || options.caFile().isPresent()) {
            b.sslContext(sslContext(options));
        }
        this.http = b.build();
    }

    /** A range query that the server refused as bad input (HTTP 400 or 422). */
    public static final class QueryRejected extends RuntimeException {
        private final int status;

        QueryRejected(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Evaluates {@code query} at start, start + step, ..., end (seconds since the epoch, inclusive). */
    public List<PromSeries> queryRange(String query, long startSecond, long endSecond, long stepSeconds) {
        JsonNode data = call("/api/v1/query_range", Map.of("query", query, "start", Long.toString(startSecond),
                "end", Long.toString(endSecond), "step", Long.toString(stepSeconds)));
        String type = data.path("resultType").asText();
        if (!type.equals("matrix")) {
            throw new UserError(options.url() + ": query_range answered a " + type + ", expected a matrix");
        }
        List<PromSeries> out = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = series.path("metric").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                labels.put(e.getKey(), e.getValue().asText());
            }
            JsonNode values = series.path("values");
            long[] times = new long[values.size()];
            double[] v = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                JsonNode point = values.get(i);
                times[i] = Math.round(point.get(0).asDouble());
                v[i] = number(point.get(1).asText());
            }
            out.add(new PromSeries(labels, times, v));
        }
        return out;
    }

    /** The label sets of the series matching {@code match} between start and end. */
    public List<Map<String, String>> series(String match, long startSecond, long endSecond) {
        JsonNode data = call("/api/v1/series", Map.of("match[]", match, "start", Long.toString(startSecond),
                "end", Long.toString(endSecond)));
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode s : data) {
            Map<String, String> labels = new LinkedHashMap<>();
            s.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(labels);
        }
        return out;
    }

    /** Label names present between start and end. */
    public List<String> labels(long startSecond, long endSecond) {
        JsonNode data = call("/api/v1/labels", Map.of("start", Long.toString(startSecond),
                "end", Long.toString(endSecond)));
        List<String> out = new ArrayList<>();
        data.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Wall time spent waiting for the server (sum over threads) and number of HTTP requests made. */
    public long serverNanos() {
        return serverNanos.get();
    }

    public long requests() {
        return requests.get();
    }

    public URI url() {
        return options.url();
    }

    static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private JsonNode call(String path, Map<String, String> form) {
        URI uri = endpoint(path);
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(options.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        options.authorization().ifPresent(a -> rb.header("Authorization", a));
        HttpRequest request = rb.build();
        long wait = options.retryWait().toMillis();
        String lastProblem = "";
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            if (attempt > 0) {
                sleep(wait);
                wait *= 2;
            }
            long t0 = System.nanoTime();
            try {
                requests.incrementAndGet();
                // the wait for the whole answer is the server's (and the loopback's); parsing it is ours
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                serverNanos.addAndGet(System.nanoTime() - t0);
                JsonNode answer = parse(response.body());
                int status = response.statusCode();
                if (status == 200 && "success".equals(answer.path("status").asText())) {
                    return answer.path("data");
                }
                String detail = answer.path("errorType").asText("") + (answer.has("error")
                        ? ": " + answer.path("error").asText() : "");
                switch (ServerFailure.of(status, answer)) {
                    case BAD_QUERY -> throw new QueryRejected(status, "HTTP " + status + " " + detail.strip());
                    case CREDENTIALS -> throw new UserError(uri + ": the server refused the credentials (HTTP "
                            + status + "); check --bearer-token-file or --basic-user and its password");
                    case NOT_FOUND -> throw new UserError(uri + ": not found (HTTP 404); --url must be the server's"
                            + " base URL, with its path prefix if it has one (e.g. http://host:9090/prometheus)");
                    case UNAVAILABLE -> lastProblem = "HTTP " + status + (detail.isBlank() ? "" : " " + detail.strip());
                    case UNEXPECTED -> throw new UserError(uri + ": unexpected answer HTTP " + status + " "
                            + detail.strip());
                }
            } catch (HttpTimeoutException e) {
                lastProblem = "no answer within " + options.timeout().toSeconds() + " s";
            } catch (ConnectException e) {
                lastProblem = "connection refused";
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError(uri + ": interrupted");
            }
        }
        throw new UserError(String.format(Locale.ROOT, "%s: the server is unavailable (%s; %d attempts); the days"
                + " written so far are kept, rerun the same command to resume", uri, lastProblem, options.retries() + 1));
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            // proxies and auth layers answer in HTML or plain text: keep the first line for the message
            String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8).strip();
            int eol = text.indexOf('\n');
            return JSON.createObjectNode().put("status", "error").put("errorType", "")
                    .put("error", eol < 0 ? text : text.substring(0, eol));
        }
    }

    private URI endpoint(String path) {
        String base = options.url().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
    }

    private static SSLContext sslContext(ClientOptions o) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (o.insecure()) {
                // the only way to also turn off host name checks in java.net.http; this process only
                System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
                ctx.init(null, new TrustManager[]{new TrustAll()}, null);
                return ctx;
            }
            Path ca = o.caFile().orElseThrow();
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(ca)) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + i++, c);
                }
                if (i == 0) {
                    throw new UserError("--ca-file " + ca + ": no PEM certificate in it");
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new UserError("--ca-file " + o.caFile().map(Path::toString).orElse("") + ": cannot use it ("
                    + e.getMessage() + ")");
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
