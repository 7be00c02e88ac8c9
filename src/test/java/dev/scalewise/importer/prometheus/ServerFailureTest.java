package dev.scalewise.importer.prometheus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HTTP status + body -> what the import does with it. The bodies are the servers' own: Prometheus 2.42
 * (Debian 12) and VictoriaMetrics as run by the fault tests, the closing-TSDB one verbatim from a CI run
 * in which the server was stopped mid-import; error texts from Prometheus' tsdb/block.go, tsdb/db.go,
 * tsdb/head_read.go, tsdb/chunks/head_chunks.go and web/api/v1/api.go (respondError's status per
 * errorType: canceled 499 in Prometheus 3, 503 in 2.x; unavailable 503, 500 in 2.x).
 */
class ServerFailureTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # a server going away: stopped, closing its storage, overloaded, behind a proxy whose backend is gone
            422 | {"status":"error","errorType":"execution","error":"open querier for block 01M97DHA39E6YS63CRP8SGPY4J: open index reader: block is closing"} | UNAVAILABLE
            422 | {"status":"error","errorType":"execution","error":"db already closed"}                   | UNAVAILABLE
            422 | {"status":"error","errorType":"execution","error":"can't read from a closed head"}       | UNAVAILABLE
            422 | {"status":"error","errorType":"execution","error":"ChunkDiskMapper closed"}              | UNAVAILABLE
            422 | {"status":"error","errorType":"execution","error":"block querier already closed"}        | UNAVAILABLE
            500 | {"status":"error","errorType":"unavailable","error":"TSDB not ready"}                   | UNAVAILABLE
            503 | {"status":"error","errorType":"unavailable","error":"TSDB not ready"}                   | UNAVAILABLE
            499 | {"status":"error","errorType":"canceled","error":"query was canceled in query execution"} | UNAVAILABLE
            503 | {"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"} | UNAVAILABLE
            503 | Service Unavailable                                                                      | UNAVAILABLE
            502 | <html><head><title>502 Bad Gateway</title></head></html>                                 | UNAVAILABLE
            500 | {"status":"error","errorType":"internal","error":"expanding series: unexpected EOF"}     | UNAVAILABLE
            429 | Too Many Requests                                                                        | UNAVAILABLE
            # the query's own fault: named with its preset or --queries line, not retried
            400 | {"status":"error","errorType":"bad_data","error":"1:34: parse error: unclosed left parenthesis"} | BAD_QUERY
            422 | {"status":"error","errorType":"execution","error":"query processing would load too many samples into memory in query execution"} | BAD_QUERY
            422 | {"status":"error","errorType":"execution","error":"found duplicate series for the match group {service=\\"a\\"} on the right hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side"} | BAD_QUERY
            422 | {"status":"error","errorType":"422","error":"error when executing query=\\"x{a=\\\\\\"b}\\" on the time range (start=0, end=600000, step=60000): cannot execute query: cannot find closing quote \\" for the string \\"\\\\\\"b}\\"; unparsed data: \\"=\\\\\\"b}\\""} | BAD_QUERY
            422 | {"status":"error","errorType":"422","error":"error when executing query=\\"sum(rate(x[5m])\\" on the time range (start=0, end=600000, step=60000): cannot execute query: argList: unexpected token \\"\\"; want \\",\\", \\")\\"; unparsed data: \\"\\""} | BAD_QUERY
            # the user's to fix
            401 | Unauthorized                                                                             | CREDENTIALS
            403 | Forbidden                                                                                | CREDENTIALS
            404 | 404 page not found                                                                       | NOT_FOUND
            405 | Method Not Allowed                                                                       | UNEXPECTED
            """)
    void classifiesWhatTheServerAnswered(int status, String body, ServerFailure expected) {
        assertEquals(expected, ServerFailure.of(status, PromClient.parse(body.getBytes(StandardCharsets.UTF_8))),
                status + " " + body);
    }
}
