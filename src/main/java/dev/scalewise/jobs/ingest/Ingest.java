package dev.scalewise.jobs.ingest;

import dev.scalewise.UserError;
import dev.scalewise.data.DatasetKind;
import dev.scalewise.data.InputBlock;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The read path, the one way the exports are read (docs/decisions.md D29): each dataset found and
 * checked against its contract ({@link DatasetReader}), its date= partitions pruned to the range, its
 * columns cast to the canonical row ({@link CanonicalRows}), filtered to the range and services asked
 * ({@link RowFilter}), and packed per service and file split ({@link InputChunkPacker}) for the pipeline's
 * one shuffle; after it, a service's chunks become the core's {@link InputBlock}s. Parquet and CSV, and
 * every column type the contract accepts, go this same way.
 */
public final class Ingest {
    private Ingest() {
    }

    /** The datasets under {@code dataDir} that the filter's range needs; requests is required, the others optional. */
    public static List<LoadedDataset> read(SparkSession spark, String dataDir, String costTag, RowFilter filter) {
        DatasetReader reader = new DatasetReader(spark, dataDir);
        List<LoadedDataset> loaded = new ArrayList<>();
        for (DatasetKind k : DatasetKind.values()) {
            Optional<LoadedDataset> d = reader.read(k, costTag, days(filter, k));
            if (d.isEmpty() && k == DatasetKind.REQUESTS) {
                throw new UserError("requests: no Parquet or CSV files under " + new Path(
                        dataDir, "requests") + " (the requests dataset is required; see 'scalewise schema requests')");
            }
            d.ifPresent(loaded::add);
        }
        return loaded;
    }

    /**
     * The date= partitions worth reading for a range: one day of margin each side for rows that straddle
     * midnight. Billing is read whole below the end of the range: a charge period (e.g. a month) that
     * started long before the range can still cover it.
     */
    static DatasetReader.Days days(RowFilter f, DatasetKind kind) {
        Optional<LocalDate> first = f.fromMs() == Long.MIN_VALUE || kind == DatasetKind.BILLING ? Optional.empty()
                : Optional.of(utcDate(f.fromMs()).minusDays(1));
        Optional<LocalDate> last = f.toMs() == Long.MAX_VALUE ? Optional.empty()
                : Optional.of(utcDate(f.toMs()).plusDays(1));
        return new DatasetReader.Days(first, last);
    }

    private static LocalDate utcDate(long epochMs) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
    }

    /** Every dataset's rows that pass the filter, packed into chunks before the shuffle. */
    public static JavaRDD<InputChunk> chunks(List<LoadedDataset> loaded, RowFilter filter) {
        JavaRDD<InputChunk> all = null;
        for (LoadedDataset d : loaded) {
            JavaRDD<InputChunk> c = InputChunkPacker.pack(filter.apply(d.canonical()));
            all = all == null ? c : all.union(c);
        }
        return all;
    }

    /**
     * Executor side, after the shuffle: one service's chunks as the aligner's input. In (file, split, first
     * ordinal) order they give the rows in the order they were read, so the aligner only confirms it.
     */
    public static List<InputBlock> blocks(Iterator<InputChunk> chunks) {
        List<InputChunk> sorted = new ArrayList<>();
        chunks.forEachRemaining(sorted::add);
        sorted.sort(InputChunk::compareFileOrder);
        List<InputBlock> input = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            input.add(sorted.get(i).toBlock());
            sorted.set(i, null); // the packed bytes can go once decoded
        }
        return input;
    }

    public static EnumSet<DatasetKind> presentKinds(List<LoadedDataset> loaded) {
        EnumSet<DatasetKind> present = EnumSet.noneOf(DatasetKind.class);
        loaded.forEach(d -> present.add(d.kind()));
        return present;
    }

    /** Whether the requests dataset has a row the filter keeps (one row read at most when it has). */
    public static boolean anyRequests(List<LoadedDataset> loaded, RowFilter filter) {
        return loaded.stream().filter(d -> d.kind() == DatasetKind.REQUESTS)
                .anyMatch(d -> !SparkErrors.translate(() -> filter.apply(d.canonical()).isEmpty()));
    }

    /** Notes for the optional datasets that are absent, saying what the output lacks. */
    public static List<String> absenceNotes(List<LoadedDataset> loaded) {
        EnumSet<DatasetKind> present = presentKinds(loaded);
        List<String> notes = new ArrayList<>();
        if (!present.contains(DatasetKind.LATENCY)) {
            notes.add("latency: no data; SLO breach minutes, breach ratio and budget burn are unknown, "
                    + "and capacity is taken over all minutes");
        }
        if (!present.contains(DatasetKind.GPU)) {
            notes.add("gpu: no data; GPU utilization is unknown");
        }
        if (!present.contains(DatasetKind.BILLING)) {
            notes.add("billing: no data; cost and cost per 1k inferences are unknown");
        }
        return notes;
    }
}
