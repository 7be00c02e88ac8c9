package dev.scalewise.importer.prometheus;

import dev.scalewise.UserError;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * How to reach a Prometheus-compatible server: base URL, credentials, TLS and patience. Secrets are
 * read from a file or an environment variable, never taken as a value on the command line, and
 * {@link #toString()} prints none of them.
 *
 * @param authorization the Authorization header value, if any (kept out of toString)
 * @param caFile        PEM file of extra trusted certificates (the server's CA), if any
 * @param insecure      accept any TLS certificate (for a test server; says so on stderr)
 * @param timeout       per request
 * @param retries       extra attempts after a 5xx, 429, timeout or refused connection
 * @param retryWait     the first wait; it doubles per attempt
 */
public record ClientOptions(URI url, Optional<String> authorization, Optional<Path> caFile, boolean insecure,
                            Duration timeout, int retries, Duration retryWait) {

    public ClientOptions {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new UserError("--url: expected http://HOST:PORT or https://HOST:PORT[/PATH], found '" + url + "'");
        }
    }

    /** Plain options: no auth, default TLS, 60 s timeout, 4 retries from 0.5 s. */
    public static ClientOptions of(URI url) {
        return new ClientOptions(url, Optional.empty(), Optional.empty(), false, Duration.ofSeconds(60), 4,
                Duration.ofMillis(500));
    }

    public ClientOptions withAuthorization(Optional<String> header) {
        return new ClientOptions(url, header, caFile, insecure, timeout, retries, retryWait);
    }

    public ClientOptions withTls(Optional<Path> ca, boolean acceptAny) {
        return new ClientOptions(url, authorization, ca, acceptAny, timeout, retries, retryWait);
    }

    public ClientOptions withPatience(Duration perRequest, int extraAttempts, Duration firstWait) {
        return new ClientOptions(url, authorization, caFile, insecure, perRequest, extraAttempts, firstWait);
    }

    /** "Bearer TOKEN" from the first line of a file (as a Kubernetes service-account token is kept). */
    public static String bearerFromFile(Path file) {
        String token = firstLine(file, "--bearer-token-file");
        return "Bearer " + token;
    }

    /** "Basic base64(user:password)", the password from a file or from an environment variable. */
    public static String basic(String user, Optional<Path> passwordFile, Optional<String> passwordEnv) {
        if (passwordFile.isPresent() == passwordEnv.isPresent()) {
            throw new UserError("--basic-user " + user + ": give the password with exactly one of"
                    + " --basic-password-file FILE or --basic-password-env VAR");
        }
        String password;
        if (passwordFile.isPresent()) {
            password = firstLine(passwordFile.get(), "--basic-password-file");
        } else {
            String var = passwordEnv.get();
            password = System.getenv(var);
            if (password == null || password.isEmpty()) {
                throw new UserError("--basic-password-env " + var + ": the environment variable is not set");
            }
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(Path file, String option) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int eol = text.indexOf('\n');
            String line = (eol < 0 ? text : text.substring(0, eol)).strip();
            if (line.isEmpty()) {
                throw new UserError(option + " " + file + ": the file is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UserError(option + " " + file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return "ClientOptions[url=" + url + ", auth=" + authorization.map(a -> a.substring(0, a.indexOf(' ')))
                .orElse("none") + ", caFile=" + caFile.map(Path::toString).orElse("-") + ", insecure=" + insecure
                + ", timeout=" + timeout + ", retries=" + retries + "]";
    }
}
