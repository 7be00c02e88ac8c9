package dev.scalewise.jobs.ingest;

import dev.scalewise.data.DatasetKind;
import dev.scalewise.data.InputBlock;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of one service read from one file split, packed: what the pipeline shuffles instead of the
 * rows themselves. The file path and the dataset travel once per chunk instead of once per row, and the
 * numeric columns are one byte array ({@link PackedRows}), which Spark's bean encoder copies in bulk on
 * both sides of the exchange. A Java bean (not a record) because that is what {@code Encoders.bean} maps.
 *
 * <p>Rows keep the order they were read in, so ordinals increase within a chunk; a split may give
 * several chunks of one service (see {@link InputChunkPacker}), with the later ones holding later ordinals.
 * {@code pods} and {@code currencies} are empty when every row's value is "" (most datasets have
 * neither); {@code packed} holds each row's ordinal, times, null bits and {@link DatasetKind#columns()}.
 */
public final class InputChunk implements Serializable {
    private String service = "";
    private String dataset = "";
    private String file = "";
    private long fileOffset;
    private int rows;
    private long firstOrdinal;
    private byte[] packed = new byte[0];
    private String[] pods = new String[0];
    private String[] currencies = new String[0];

    public InputChunk() {
        // the bean encoder's constructor
    }

    /** Chunks in the aligner's order: (file, split offset, first ordinal). */
    static int compareFileOrder(InputChunk a, InputChunk b) {
        int c = a.file.compareTo(b.file);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.fileOffset, b.fileOffset);
        return c != 0 ? c : Long.compare(a.firstOrdinal, b.firstOrdinal);
    }

    /** Back to the core's rows, column by column in read order; the block takes this chunk's text arrays. */
    InputBlock toBlock() {
        DatasetKind kind = DatasetKind.of(dataset);
        int width = kind.columns().size();
        long[] ordinals = new long[rows];
        long[] startMs = new long[rows];
        long[] endMs = new long[rows];
        long[] nulls = new long[rows];
        double[][] values = new double[width][rows];
        new PackedRows.Reader(packed, width).readAll(rows, ordinals, startMs, endMs, nulls, values);
        return new InputBlock(kind, service, file, fileOffset, ordinals, startMs, endMs, nulls, values, pods,
                currencies);
    }

    /** Appends rows of one (service, dataset, file, split) in read order, then becomes a chunk. */
    static final class Builder {
        private final String service;
        private final String dataset;
        private final String file;
        private final long fileOffset;
        private final PackedRows.Writer packed;
        private int n;
        private long firstOrdinal;
        // null while every value so far was "" (most datasets have neither)
        private List<String> pods;
        private List<String> currencies;

        Builder(String service, DatasetKind kind, String file, long fileOffset) {
            this.service = service;
            this.dataset = kind.datasetName();
            this.file = file;
            this.fileOffset = fileOffset;
            this.packed = new PackedRows.Writer(kind.columns().size());
        }

        /** {@code rowValues} holds at least the kind's width of values; bit i of {@code rowNulls} marks values[i] null. */
        void add(long ordinal, long start, long end, String pod, double[] rowValues, long rowNulls, String currency) {
            if (n == 0) {
                firstOrdinal = ordinal;
            }
            packed.add(ordinal, start, end, rowNulls, rowValues);
            pods = addText(pods, pod);
            currencies = addText(currencies, currency);
            n++;
        }

        /** Appends row n's text, creating the list (n "" so far) at the first non-empty one. */
        private List<String> addText(List<String> list, String text) {
            if (list == null && !text.isEmpty()) {
                list = new ArrayList<>(Collections.nCopies(n, ""));
            }
            if (list != null) {
                list.add(text);
            }
            return list;
        }

        int size() {
            return n;
        }

        InputChunk build() {
            InputChunk c = new InputChunk();
            c.service = service;
            c.dataset = dataset;
            c.file = file;
            c.fileOffset = fileOffset;
            c.rows = n;
            c.firstOrdinal = firstOrdinal;
            c.packed = packed.bytes();
            c.pods = pods == null ? new String[0] : pods.toArray(String[]::new);
            c.currencies = currencies == null ? new String[0] : currencies.toArray(String[]::new);
            return c;
        }
    }

    // bean accessors (Encoders.bean)

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getDataset() {
        return dataset;
    }

    public void setDataset(String dataset) {
        this.dataset = dataset;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public long getFileOffset() {
        return fileOffset;
    }

    public void setFileOffset(long fileOffset) {
        this.fileOffset = fileOffset;
    }

    public int getRows() {
        return rows;
    }

    public void setRows(int rows) {
        this.rows = rows;
    }

    public long getFirstOrdinal() {
        return firstOrdinal;
    }

    public void setFirstOrdinal(long firstOrdinal) {
        this.firstOrdinal = firstOrdinal;
    }

    public byte[] getPacked() {
        return packed;
    }

    public void setPacked(byte[] packed) {
        this.packed = packed;
    }

    public String[] getPods() {
        return pods;
    }

    public void setPods(String[] pods) {
        this.pods = pods;
    }

    public String[] getCurrencies() {
        return currencies;
    }

    public void setCurrencies(String[] currencies) {
        this.currencies = currencies;
    }
}
