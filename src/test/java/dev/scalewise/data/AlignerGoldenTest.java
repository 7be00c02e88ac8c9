package dev.scalewise.data;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden: for 300 seeded random services mixing all four datasets, the column-wise aligner gives, bit for
 * bit, the {@link AlignedService} the row-wise aligner of commit 4922436 gave (one object per row; its
 * digest is in {@code aligner-golden.txt}, one line per seed, written by that aligner at commit 7d1d6f8),
 * however the rows are cut into blocks and ordered ({@link Layout}). The rows mix everything the
 * rules look at: several files and splits per dataset, rows of no service, unknown times, empty and
 * negative intervals, coarse rows over several steps, null/NaN/infinite/negative/fractional values in
 * required and optional columns, duplicates and out-of-order rows, GPU rows with and without pods,
 * billing in two currencies, explicit ranges, absent datasets; input in random order.
 *
 * <p>To rewrite the file after a deliberate change of behaviour, run this test with
 * {@code -Dscalewise.golden.write=src/test/resources/aligner-golden.txt} and say why in the commit.
 */
class AlignerGoldenTest {
    static final long T0 = 1_767_607_200_000L; // 2026-01-05T10:00:00Z
    static final long MIN = 60_000;
    private static final int SEEDS = 300;
    private static final String WRITE = System.getProperty("scalewise.golden.write", "");

    static IntStream seeds() {
        return IntStream.range(0, SEEDS);
    }

    /** One service's raw rows and the aligner settings of a seed. */
    record Scenario(HistoryAligner aligner, List<InputRow> rows) {
    }

    static Scenario scenario(long seed) {
        Random rnd = new Random(seed);
        List<InputRow> rows = new ArrayList<>();
        long ordinal = 0;
        for (DatasetKind kind : DatasetKind.values()) {
            if (kind != DatasetKind.REQUESTS && rnd.nextInt(4) == 0) {
                continue; // dataset absent from this service
            }
            int files = 1 + rnd.nextInt(3);
            for (int f = 0; f < files; f++) {
                String file = kind.datasetName() + "/part-" + f + ".parquet";
                int splits = 1 + rnd.nextInt(2);
                for (int s = 0; s < splits; s++) {
                    int n = rnd.nextInt(kind == DatasetKind.BILLING ? 4 : 60);
                    for (int i = 0; i < n; i++) {
                        ordinal += 1 + rnd.nextInt(3); // increasing within a split, as a reader numbers rows
                        rows.add(row(rnd, kind, file, s * 4096L, ordinal));
                    }
                }
            }
        }
        Collections.shuffle(rows, rnd);
        OptionalLong from = rnd.nextInt(3) == 0 ? OptionalLong.of(T0 + (rnd.nextInt(10) - 5) * MIN) : OptionalLong.empty();
        OptionalLong to = rnd.nextInt(3) == 0 ? OptionalLong.of(T0 + (30 + rnd.nextInt(20)) * MIN) : OptionalLong.empty();
        EnumSet<DatasetKind> present = EnumSet.of(DatasetKind.REQUESTS);
        for (DatasetKind k : DatasetKind.values()) {
            if (rnd.nextBoolean()) {
                present.add(k);
            }
        }
        return new Scenario(new HistoryAligner(rnd.nextInt(4) == 0 ? 300 : 60, from, to, present), rows);
    }

    private static InputRow row(Random rnd, DatasetKind kind, String file, long offset, long ordinal) {
        String service = rnd.nextInt(25) == 0 ? "" : "chat";
        long start = T0 + rnd.nextInt(40) * MIN + (rnd.nextInt(10) == 0 ? rnd.nextInt(59_999) : 0);
        long end = switch (rnd.nextInt(kind == DatasetKind.BILLING ? 2 : 12)) {
            case 0 -> start + (1 + rnd.nextInt(60)) * MIN; // coarse row over several steps
            case 1 -> rnd.nextInt(3) == 0 ? start - MIN : InputRow.UNKNOWN_TIME;
            default -> start + MIN;
        };
        if (end == start + MIN && rnd.nextInt(40) == 0) {
            start = InputRow.UNKNOWN_TIME;
        }
        int width = kind.columns().size();
        double[] values = new double[width];
        long nulls = 0;
        // the columns added since the golden file was written (tokens, TTFT/TPOT, LLM gauges) stay null, so the
        // random draws and the digests are the old ones; LlmColumnsTest covers them
        for (int c = goldenWidth(kind); c < width; c++) {
            nulls |= 1L << c;
            values[c] = Double.NaN;
        }
        for (int c = 0; c < goldenWidth(kind); c++) {
            int pick = rnd.nextInt(40);
            if (pick == 0) {
                nulls |= 1L << c;
                values[c] = Double.NaN;
            } else {
                values[c] = switch (pick) {
                    case 1 -> Double.NaN;
                    case 2 -> Double.POSITIVE_INFINITY;
                    case 3 -> -rnd.nextInt(5) - 0.5;
                    case 4, 5, 6, 7, 8, 9 -> rnd.nextInt(1000);
                    default -> rnd.nextDouble() * (c == 0 ? 500 : 1);
                };
            }
        }
        String pod = kind == DatasetKind.GPU ? List.of("", "pod-a", "pod-b", "pod-c").get(rnd.nextInt(4)) : "";
        String currency = kind == DatasetKind.BILLING ? (rnd.nextInt(5) == 0 ? "EUR" : "USD") : "";
        return new InputRow(kind, service, start, end, file, offset, ordinal, pod, values, nulls, currency);
    }

    /** The value columns each dataset had when the golden file was written. */
    private static int goldenWidth(DatasetKind kind) {
        return switch (kind) {
            case REQUESTS -> 5;
            case LATENCY, GPU -> 3;
            case BILLING -> 1;
        };
    }

    /**
     * How the rows reach the aligner: as the pipeline hands them (read order, cut into blocks of random
     * length at random points within each split), those blocks shuffled (a block sort puts them back),
     * blocks whose rows are shuffled within (every row sorted), and the rows one by one in random order.
     */
    enum Layout { READ_ORDER, BLOCKS_SHUFFLED, ROWS_SHUFFLED_IN_BLOCKS, ROW_BY_ROW }

    static Stream<Arguments> seedsAndLayouts() {
        return seeds().boxed().flatMap(seed -> Arrays.stream(Layout.values()).map(l -> Arguments.of(seed, l)));
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seedsAndLayouts")
    void blocksAlignAsTheRowWiseAlignerDid(int seed, Layout layout) {
        Scenario s = scenario(seed);
        String got = digest(s.aligner().align("chat", blocks(s.rows(), layout, new Random(seed))));
        if (!WRITE.isEmpty()) {
            write(seed, got);
            return;
        }
        assertEquals(golden().get(seed), got, "digest of seed " + seed + ", " + layout);
    }

    static List<InputBlock> blocks(List<InputRow> shuffled, Layout layout, Random rnd) {
        if (layout == Layout.ROW_BY_ROW) {
            return InputBlock.of(shuffled);
        }
        List<InputRow> rows = new ArrayList<>(shuffled);
        rows.sort(Comparator.comparing(InputRow::file).thenComparingLong(InputRow::fileOffset)
                .thenComparingLong(InputRow::ordinal));
        List<InputBlock> blocks = new ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            int to = Math.min(rows.size(), from + 1 + rnd.nextInt(30));
            List<InputRow> cut = new ArrayList<>(rows.subList(from, to));
            if (layout == Layout.ROWS_SHUFFLED_IN_BLOCKS) {
                Collections.shuffle(cut, rnd);
            }
            blocks.addAll(InputBlock.of(cut)); // also cut where the split or the service changes
            from = to;
        }
        if (layout == Layout.BLOCKS_SHUFFLED) {
            Collections.shuffle(blocks, rnd);
        }
        return blocks;
    }

    private static List<String> golden() {
        try (InputStream in = AlignerGoldenTest.class.getResourceAsStream("/aligner-golden.txt")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void write(int seed, String digest) {
        try {
            Path p = Path.of(WRITE);
            List<String> lines = new ArrayList<>(Collections.nCopies(SEEDS, ""));
            if (Files.exists(p)) {
                List<String> old = Files.readAllLines(p);
                for (int i = 0; i < Math.min(SEEDS, old.size()); i++) {
                    lines.set(i, old.get(i));
                }
            }
            lines.set(seed, digest);
            Files.writeString(p, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of everything an AlignedService holds: every series bit for bit and every quality entry. */
    static String digest(AlignedService a) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(a.service());
            out.writeBoolean(a.history().isPresent());
            if (a.history().isPresent()) {
                ServiceHistory h = a.history().get();
                out.writeLong(h.start().toEpochMilli());
                out.writeInt(h.stepSeconds());
                for (double[] series : new double[][] {h.requests(), h.replicas(), h.inFlight(), h.queueDepth(),
                        h.p50Ms(), h.p95Ms(), h.p99Ms(), h.gpuUtil(), h.cpuUtil(), h.memUtil(), h.cost()}) {
                    out.writeInt(series.length);
                    for (double v : series) {
                        out.writeLong(Double.doubleToRawLongBits(v));
                    }
                }
                out.writeUTF(h.currency());
            }
            for (DataQualityReport.Entry e : a.quality().entries()) {
                out.writeUTF(e.dataset() + "|" + e.issue() + "|" + e.column() + "|" + e.count() + "|" + e.exampleFile());
            }
            out.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
