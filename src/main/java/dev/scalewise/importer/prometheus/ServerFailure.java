package dev.scalewise.importer.prometheus;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a failed answer of a Prometheus-compatible server means for the import. A server that is going
 * away must read as unavailable, never as a fault of the query: a Prometheus being stopped can still
 * answer a query that reaches its closing storage with 422 {@code execution} ("block is closing"), and
 * VictoriaMetrics answers every failed query with 422, so the status alone does not tell.
 */
enum ServerFailure {
    /** The query itself is wrong: stops at once, naming the preset or the --queries line. */
    BAD_QUERY,
    CREDENTIALS,
    NOT_FOUND,
    /** Down, overloaded, timed out or shutting down: retried, then reported like a refused connection. */
    UNAVAILABLE,
    UNEXPECTED;

    /** Prometheus' errorTypes that say nothing about the query (web/api/v1/api.go). */
    private static final Set<String> SERVER_SIDE = Set.of("unavailable", "timeout", "canceled", "internal");

    /**
     * Storage that is closing or not open: Prometheus' tsdb errors ("block is closing", "db already
     * closed", "block querier already closed", "can't read from a closed head", "ChunkDiskMapper closed",
     * "TSDB not ready"), and any server saying it shuts down. Phrases, not words: a bad query's own error
     * may say "unclosed left parenthesis" or "cannot find closing quote".
     */
    private static final Pattern GOING_AWAY = Pattern.compile(
            "is closing|already closed|closed head|mapper closed|not ready|shutting down|shutdown in progress",
            Pattern.CASE_INSENSITIVE);

    /** Prometheus 3 answers a query canceled on the server's side with nginx's 499. */
    private static final int CANCELED = 499;

    static ServerFailure of(int status, JsonNode answer) {
        if (status == 401 || status == 403) {
            return CREDENTIALS;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        if (status >= 500 || status == 429 || status == CANCELED
                || SERVER_SIDE.contains(answer.path("errorType").asText(""))
                || GOING_AWAY.matcher(answer.path("error").asText("")).find()) {
            return UNAVAILABLE;
        }
        if (status == 400 || status == 422) {
            return BAD_QUERY;
        }
        return UNEXPECTED;
    }
}
