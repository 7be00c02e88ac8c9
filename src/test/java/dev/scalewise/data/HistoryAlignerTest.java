package dev.scalewise.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryAlignerTest {
    private static final long T0 = 1_767_607_200_000L; // 2026-01-05T10:00:00Z
    private static final long MIN = 60_000;
    private static final double NAN = Double.NaN;

    private static InputRow req(String file, long ordinal, int minute, double requests, double replicas) {
        return new InputRow(DatasetKind.REQUESTS, "chat", T0 + minute * MIN, T0 + (minute + 1) * MIN, file, 0, ordinal,
                "", new double[] {requests, NAN, NAN, NAN, replicas}, 0b01110, "");
    }

    /** A 5-minute requests row. */
    private static InputRow req5(String file, long ordinal, int minute, double requests, double replicas) {
        return new InputRow(DatasetKind.REQUESTS, "chat", T0 + minute * MIN, T0 + (minute + 5) * MIN, file, 0, ordinal,
                "", new double[] {requests, NAN, NAN, NAN, replicas}, 0b01110, "");
    }

    private static InputRow gpu(String pod, int minute, double util) {
        return new InputRow(DatasetKind.GPU, "chat", T0 + minute * MIN, T0 + (minute + 1) * MIN, "g.csv", 0,
                minute * 10L + pod.hashCode() % 5, pod, new double[] {util, NAN, NAN}, 0b110, "");
    }

    private static InputRow bill(String service, long startMin, long endMin, double cost, String currency) {
        return new InputRow(DatasetKind.BILLING, service, T0 + startMin * MIN, T0 + endMin * MIN, "b.csv", 0, startMin,
                "", new double[] {cost}, 0, currency);
    }

    private static AlignedService align(List<InputRow> rows) {
        return new HistoryAligner(60, OptionalLong.empty(), OptionalLong.empty(), EnumSet.allOf(DatasetKind.class))
                .align("chat", InputBlock.of(rows));
    }

    /** Each row: a scenario, the requests series it must give, and the issue counts it must report. */
    static Stream<Arguments> requestScenarios() {
        return Stream.of(
                Arguments.of("clean", List.of(req("a", 0, 0, 10, 1), req("a", 1, 1, 20, 1)),
                        new double[] {10, 20}, List.of()),
                Arguments.of("a row with requests=0 is a real zero, not a gap",
                        List.of(req("a", 0, 0, 0, 1), req("a", 1, 1, 5, 1)), new double[] {0, 5}, List.of()),
                Arguments.of("missing minute is unknown traffic",
                        List.of(req("a", 0, 0, 10, 1), req("a", 1, 2, 30, 1)), new double[] {10, NAN, 30},
                        List.of(new Count("requests", DataIssue.GAP, 1))),
                Arguments.of("duplicate: first in file order wins",
                        List.of(req("a", 0, 0, 10, 1), req("a", 1, 0, 99, 1), req("a", 2, 1, 20, 1)),
                        new double[] {10, 20}, List.of(new Count("requests", DataIssue.DUPLICATE, 1))),
                Arguments.of("duplicate across files: the smaller file name wins",
                        List.of(req("b", 0, 0, 99, 1), req("a", 0, 0, 10, 1), req("a", 1, 1, 20, 1)),
                        new double[] {10, 20}, List.of(new Count("requests", DataIssue.DUPLICATE, 1))),
                Arguments.of("out of order within a file: counted once, kept",
                        List.of(req("a", 0, 0, 10, 1), req("a", 1, 2, 30, 1), req("a", 2, 1, 20, 1)),
                        new double[] {10, 20, 30}, List.of(new Count("requests", DataIssue.OUT_OF_ORDER, 1))),
                Arguments.of("order is per file: a later file may start earlier without being out of order",
                        List.of(req("b", 0, 0, 10, 1), req("a", 0, 1, 20, 1), req("a", 1, 2, 30, 1)),
                        new double[] {10, 20, 30}, List.of()),
                Arguments.of("overlapping intervals: the earlier row is kept, the overlapping one dropped",
                        List.of(req5("a", 0, 0, 500, 1), req("a", 1, 1, 999, 1), req("a", 2, 5, 60, 1)),
                        new double[] {100, 100, 100, 100, 100, 60}, List.of(new Count("requests", DataIssue.OVERLAP, 1))),
                Arguments.of("overlap across files and out of order: decided by time, not by file",
                        List.of(req("b", 0, 1, 999, 1), req5("a", 0, 0, 500, 1), req("a", 1, 5, 60, 1)),
                        new double[] {100, 100, 100, 100, 100, 60}, List.of(new Count("requests", DataIssue.OVERLAP, 1))),
                Arguments.of("adjacent rows of different lengths do not overlap",
                        List.of(req5("a", 0, 0, 500, 1), req("a", 1, 5, 60, 1), req("a", 2, 6, 70, 1)),
                        new double[] {100, 100, 100, 100, 100, 60, 70}, List.of()),
                Arguments.of("negative requests: row dropped, its minute becomes a gap",
                        List.of(req("a", 0, 0, 10, 1), req("a", 1, 1, -5, 1), req("a", 2, 2, 30, 1)),
                        new double[] {10, NAN, 30}, List.of(new Count("requests", DataIssue.NEGATIVE, 1),
                                new Count("requests", DataIssue.GAP, 1))),
                Arguments.of("NaN replicas (required): row dropped",
                        List.of(req("a", 0, 0, 10, 1), req("a", 1, 1, 20, NAN), req("a", 2, 2, 30, 1)),
                        new double[] {10, NAN, 30}, List.of(new Count("requests", DataIssue.NON_FINITE, 1),
                                new Count("requests", DataIssue.GAP, 1))));
    }

    record Count(String dataset, DataIssue issue, long count) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestScenarios")
    void requestsRules(String scenario, List<InputRow> rows, double[] expected, List<Count> counts) {
        AlignedService a = align(rows);
        assertArrayEquals(expected, a.history().orElseThrow().requests(), 1e-9);
        List<Count> got = new ArrayList<>();
        for (DataQualityReport.Entry e : a.quality().entries()) {
            if (e.dataset().equals("requests")) { // the other datasets are absent in these scenarios
                got.add(new Count(e.dataset(), e.issue(), e.count()));
            }
        }
        assertEquals(new java.util.HashSet<>(counts), new java.util.HashSet<>(got));
    }

    @Test
    void nullServiceAndNullTimeAreCountedAndDropped() {
        InputRow noService = new InputRow(DatasetKind.REQUESTS, "", T0, T0 + MIN, "a", 0, 0, "",
                new double[] {1, NAN, NAN, NAN, 1}, 0b01110, "");
        InputRow noTime = new InputRow(DatasetKind.REQUESTS, "x", InputRow.UNKNOWN_TIME, InputRow.UNKNOWN_TIME,
                "a", 0, 1, "", new double[] {1, NAN, NAN, NAN, 1}, 0b01110, "");
        AlignedService a = align(List.of(noService, noTime));
        assertTrue(a.history().isEmpty());
        assertEquals(2, a.quality().count("requests", DataIssue.NULL_KEY));
    }

    @Test
    void negativeOptionalValueBecomesUnknownButKeepsTheRow() {
        InputRow r = new InputRow(DatasetKind.REQUESTS, "chat", T0, T0 + MIN, "a", 0, 0, "",
                new double[] {10, NAN, -3, NAN, 2}, 0b01010, "");
        AlignedService a = align(List.of(r));
        ServiceHistory h = a.history().orElseThrow();
        assertEquals(10, h.requests()[0]);
        assertTrue(Double.isNaN(h.inFlight()[0]));
        assertEquals(1, a.quality().count("requests", DataIssue.NEGATIVE));
    }

    @Test
    void coarseRowIsSpreadOverSteps() {
        // one 5-minute row of 500 requests and 2 replicas -> 100 requests per minute, 2 replicas each
        InputRow r = new InputRow(DatasetKind.REQUESTS, "chat", T0, T0 + 5 * MIN, "a", 0, 0, "",
                new double[] {500, NAN, NAN, NAN, 2}, 0b01110, "");
        ServiceHistory h = align(List.of(r)).history().orElseThrow();
        assertArrayEquals(new double[] {100, 100, 100, 100, 100}, h.requests(), 1e-9);
        assertArrayEquals(new double[] {2, 2, 2, 2, 2}, h.replicas(), 1e-9);
    }

    @Test
    void gpuRowsPerPodAverageOverPodsAndBillingSpreadsOverItsPeriod() {
        List<InputRow> rows = List.of(req("a", 0, 0, 10, 2), req("a", 1, 1, 10, 2),
                gpu("p1", 0, 0.5), gpu("p2", 0, 0.7), gpu("p1", 1, 0.8),
                // 6.00 over an hour = 0.10 per minute
                bill("chat", 0, 60, 6.0, "USD"), bill("chat", 0, 60, 1.0, "EUR"), bill("", 0, 1, 9, "USD"));
        AlignedService a = align(rows);
        ServiceHistory h = a.history().orElseThrow();
        assertArrayEquals(new double[] {0.6, 0.8}, h.gpuUtil(), 1e-9); // (0.5+0.7)/2, 0.8
        assertArrayEquals(new double[] {0.1, 0.1}, h.cost(), 1e-9);
        assertEquals("USD", h.currency());
        assertEquals(1, a.quality().count("billing", DataIssue.MIXED_CURRENCY));
        assertEquals(1, a.quality().count("billing", DataIssue.UNTAGGED));
        assertEquals(2, a.quality().count("latency", DataIssue.GAP)); // latency present but no rows
    }

    @Test
    void serviceWithoutBillingRowsHasUnknownCost() {
        AlignedService a = align(List.of(req("a", 0, 0, 10, 1)));
        assertTrue(Double.isNaN(a.history().orElseThrow().cost()[0]));
        assertEquals(1, a.quality().count("billing", DataIssue.NO_COST));
    }

    @Test
    void explicitRangeCountsMissingEdgesAsGaps() {
        AlignedService a = new HistoryAligner(60, OptionalLong.of(T0 - MIN), OptionalLong.of(T0 + 3 * MIN),
                EnumSet.of(DatasetKind.REQUESTS)).align("chat", InputBlock.of(List.of(req("a", 0, 0, 10, 1))));
        assertArrayEquals(new double[] {NAN, 10, NAN, NAN}, a.history().orElseThrow().requests(), 1e-9);
        assertEquals(3, a.quality().count("requests", DataIssue.GAP));
    }
}
