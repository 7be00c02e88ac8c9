package dev.scalewise.jobs.ingest;

import dev.scalewise.data.DatasetKind;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One task's packing state ({@link InputChunkPacker}): the split being read, one open
 * {@link InputChunk.Builder} per service, and the chunks ready to hand to the shuffle.
 *
 * <p>A partition reads its splits one after the other, so the chunks of a split are complete when the
 * next split starts; they are also cut when more than {@code maxBufferedRows} rows are waiting, which
 * bounds the memory a huge split with many services can take (the later chunk of a service then holds
 * only later rows, which keeps the chunks' (file, split, first ordinal) order equal to the read order).
 */
final class ChunkAssembler {
    private final int maxBufferedRows;
    private final CurrentSplit split;
    private final Map<String, InputChunk.Builder> open = new HashMap<>();
    private final ArrayDeque<InputChunk> ready = new ArrayDeque<>();
    // the current split
    private int dataset = -1;
    private UTF8String splitPath; // the instance the split source gave (one per split in Spark)
    private UTF8String file;
    private long fileOffset;
    private DatasetKind kind;
    private String filePath;
    // the last row's service and its builder: rows of one service usually come in runs
    private UTF8String service;
    private UTF8String lastGiven;
    private InputChunk.Builder builder;
    private int buffered;

    ChunkAssembler(int maxBufferedRows, CurrentSplit split) {
        this.maxBufferedRows = maxBufferedRows;
        this.split = split;
    }

    /**
     * Called before each row with the dataset it belongs to: a new split or dataset completes the open
     * chunks.
     */
    void enter(int datasetOrdinal) {
        UTF8String f = split.path();
        // the path's content is compared only when the split source hands out another instance
        if (f != splitPath || datasetOrdinal != dataset) {
            splitPath = f;
            long offset = split.offset();
            if (file == null || offset != fileOffset || !f.equals(file) || datasetOrdinal != dataset) {
                flush();
                dataset = datasetOrdinal;
                kind = DatasetKind.values()[datasetOrdinal];
                file = f.clone();
                filePath = f.toString();
                fileOffset = offset;
            }
        }
    }

    /** The dataset of the current split (after {@link #enter}). */
    DatasetKind kind() {
        return kind;
    }

    /**
     * Appends a row of the current split. {@code service} may point into a buffer the caller reuses; passing
     * the same instance as for the previous row means the same service and spares the comparison.
     * {@code values} holds at least the kind's width; bit i of {@code nulls} marks values[i] null.
     */
    void add(UTF8String service, long ordinal, long startMs, long endMs, String pod, double[] values, long nulls,
             String currency) {
        if (buffered >= maxBufferedRows) {
            flush();
        }
        if (builder == null || (service != lastGiven && !service.equals(this.service))) {
            this.service = service.clone();
            builder = open.computeIfAbsent(service.toString(),
                    name -> new InputChunk.Builder(name, kind, filePath, fileOffset));
        }
        lastGiven = service;
        builder.add(ordinal, startMs, endMs, pod, values, nulls, currency);
        buffered++;
    }

    /** True while chunks wait to be taken. */
    boolean hasReady() {
        return !ready.isEmpty();
    }

    InputChunk take() {
        return ready.poll();
    }

    /** Completes every open chunk (at the end of the input, a new split, or the buffer limit). */
    void flush() {
        open.values().forEach(b -> ready.add(b.build()));
        open.clear();
        builder = null;
        lastGiven = null;
        buffered = 0;
    }
}
