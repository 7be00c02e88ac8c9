package dev.scalewise.data;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LLM columns of the contract (tokens, TTFT/TPOT, KV cache, GPU memory, SM activity) through the aligner. */
class LlmColumnsTest {
    private static final long T0 = 1_767_607_200_000L; // 2026-01-05T10:00:00Z
    private static final long MIN = 60_000;
    private static final double NAN = Double.NaN;
    private static final long NO_QUEUE = 0b0001110; // errors, in_flight, queue_depth null

    /** requests, errors, in_flight, queue_depth, replicas, prompt_tokens, generation_tokens over [from, to) seconds. */
    private static InputRow req(long ordinal, long fromSec, long toSec, double requests, double prompt, double generated) {
        long nulls = NO_QUEUE | (Double.isNaN(prompt) ? 1L << 5 : 0) | (Double.isNaN(generated) ? 1L << 6 : 0);
        return new InputRow(DatasetKind.REQUESTS, "chat", T0 + fromSec * 1000, T0 + toSec * 1000, "r.csv", 0, ordinal,
                "", new double[] {requests, NAN, NAN, NAN, 2, prompt, generated}, nulls, "");
    }

    private static InputRow lat(long ordinal, long fromSec, long toSec, double ttftP95, double tpotP95) {
        return new InputRow(DatasetKind.LATENCY, "chat", T0 + fromSec * 1000, T0 + toSec * 1000, "l.csv", 0, ordinal,
                "", new double[] {NAN, NAN, NAN, NAN, ttftP95, NAN, NAN, tpotP95, NAN}, 0b101101111, "");
    }

    private static InputRow gpu(long ordinal, int minute, double kvCache, double gpuMem, double sm) {
        return new InputRow(DatasetKind.GPU, "chat", T0 + minute * MIN, T0 + (minute + 1) * MIN, "g.csv", 0, ordinal,
                "", new double[] {0.9, NAN, NAN, sm, kvCache, gpuMem}, 0b000110, "");
    }

    private static AlignedService align(List<InputRow> rows) {
        return new HistoryAligner(60, OptionalLong.empty(), OptionalLong.empty(), EnumSet.allOf(DatasetKind.class))
                .align("chat", InputBlock.of(rows));
    }

    @Test
    void tokensAreCountsSplitByOverlapAndKnownOnlyWhereRowsWithThemCoverTheStep() {
        LlmSeries llm = align(List.of(
                req(0, 0, 60, 10, 4000, 900),          // minute 0: one row
                req(1, 60, 360, 50, 20_000, 5000),      // minutes 1-5: one 5-minute row, a fifth each
                req(2, 360, 390, 5, 1000, 200),         // minute 6: two 30 s rows, both with tokens
                req(3, 390, 420, 5, 1000, 300),
                req(4, 420, 450, 5, 1000, 200),         // minute 7: the second half has no tokens
                req(5, 450, 480, 5, NAN, NAN),
                req(6, 540, 600, 7, 700, 70)))          // minute 8 missing: a gap; minute 9 known
                .history().orElseThrow().llm();
        assertAll(
                () -> assertArrayEquals(new double[] {4000, 4000, 4000, 4000, 4000, 4000, 2000, NAN, NAN, 700},
                        llm.promptTokens()),
                () -> assertArrayEquals(new double[] {900, 1000, 1000, 1000, 1000, 1000, 500, NAN, NAN, 70},
                        llm.generationTokens()),
                () -> assertTrue(llm.hasTokens()));
    }

    @Test
    void ttftAndTpotPercentilesAreGaugesAveragedByOverlap() {
        LlmSeries llm = align(List.of(req(0, 0, 120, 20, 800, 80), lat(0, 0, 30, 400, 40), lat(1, 30, 60, 600, 60),
                lat(2, 60, 120, 900, NAN))).history().orElseThrow().llm();
        assertAll(
                () -> assertArrayEquals(new double[] {500, 900}, llm.ttftP95Ms()),
                () -> assertArrayEquals(new double[] {50, NAN}, llm.tpotP95Ms()),
                () -> assertArrayEquals(new double[] {NAN, NAN}, llm.ttftP50Ms()));
    }

    @Test
    void aFractionExportedInPercentIsUnknownAndCounted() {
        AlignedService a = align(List.of(req(0, 0, 120, 20, 800, 80), gpu(0, 0, 0.45, 0.93, 0.6),
                gpu(1, 1, 45, 0.93, 1.2)));
        LlmSeries llm = a.history().orElseThrow().llm();
        assertAll(
                () -> assertArrayEquals(new double[] {0.45, NAN}, llm.kvCacheUtil()),
                () -> assertArrayEquals(new double[] {0.6, NAN}, llm.smActive()),
                () -> assertArrayEquals(new double[] {0.93, 0.93}, llm.gpuMemUtil()),
                () -> assertArrayEquals(new double[] {0.9, 0.9}, a.history().orElseThrow().gpuUtil(), "the row stays"),
                () -> assertEquals(1, count(a, "kv_cache_util")),
                () -> assertEquals(1, count(a, "sm_active")));
    }

    @Test
    void historiesWithoutTheColumnsHaveThemUnknown() {
        ServiceHistory h = align(List.of(req(0, 0, 60, 10, NAN, NAN))).history().orElseThrow();
        assertAll(
                () -> assertFalse(h.llm().hasTokens()),
                () -> assertEquals(LlmSeries.NAMES.size(), h.llm().series().length),
                () -> {
                    for (double[] s : h.llm().series()) {
                        assertArrayEquals(new double[] {NAN}, s);
                    }
                });
    }

    @Test
    void slicesAndDemandScalingCarryTheTokens() {
        ServiceHistory h = align(List.of(req(0, 0, 60, 10, 1000, 100), req(1, 60, 120, 20, 3000, 300)))
                .history().orElseThrow();
        assertAll(
                () -> assertArrayEquals(new double[] {3000}, h.slice(1, 2).llm().promptTokens()),
                () -> assertArrayEquals(new double[] {150, 450}, h.withDemandScaled(1.5).llm().generationTokens()));
    }

    private static long count(AlignedService a, String column) {
        return a.quality().entries().stream()
                .filter(e -> e.issue() == DataIssue.ABOVE_ONE && e.column().equals(column))
                .mapToLong(DataQualityReport.Entry::count).sum();
    }
}
