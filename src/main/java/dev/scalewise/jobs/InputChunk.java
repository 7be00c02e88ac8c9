package dev.scalewise.jobs;

import dev.scalewise.data.DatasetKind;
import dev.scalewise.data.InputRow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one service read from one file split, packed column by column: what the pipeline shuffles
 * instead of the rows themselves. The file path and the dataset travel once per chunk instead of once per
 * row, and the columns are primitive arrays, which Spark's bean encoder copies in bulk on both sides of
 * the exchange. A Java bean (not a record) because that is what {@code Encoders.bean} maps.
 *
 * <p>Rows keep the order they were read in, so {@code ordinals} increase within a chunk; a split may give
 * several chunks of one service (see {@link InputChunkPacker}), with the later ones holding later ordinals.
 * {@code pods} and {@code currencies} are empty when every row's value is "" (most datasets have
 * neither); {@code values} holds each row's {@link DatasetKind#columns()} in turn.
 */
public final class InputChunk implements Serializable {
    private String service = "";
    private String dataset = "";
    private String file = "";
    private long fileOffset;
    private long[] ordinals = new long[0];
    private long[] startMs = new long[0];
    private long[] endMs = new long[0];
    private long[] nulls = new long[0];
    private double[] values = new double[0];
    private String[] pods = new String[0];
    private String[] currencies = new String[0];

    public InputChunk() {
        // the bean encoder's constructor
    }

    public int size() {
        return ordinals.length;
    }

    /** Chunks in the aligner's order: (file, split offset, first ordinal). */
    static int compareFileOrder(InputChunk a, InputChunk b) {
        int c = a.file.compareTo(b.file);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.fileOffset, b.fileOffset);
        return c != 0 ? c : Long.compare(a.ordinals.length == 0 ? 0 : a.ordinals[0],
                b.ordinals.length == 0 ? 0 : b.ordinals[0]);
    }

    /** Back to the core's rows, in read order; every row shares this chunk's file path. */
    void addRowsTo(List<InputRow> out) {
        DatasetKind kind = DatasetKind.of(dataset);
        int width = kind.columns().size();
        for (int i = 0; i < ordinals.length; i++) {
            out.add(new InputRow(kind, service, startMs[i], endMs[i], file, fileOffset, ordinals[i],
                    pods.length == 0 ? "" : pods[i], Arrays.copyOfRange(values, i * width, (i + 1) * width), nulls[i],
                    currencies.length == 0 ? "" : currencies[i]));
        }
    }

    /** Appends rows of one (service, dataset, file, split) in read order, then becomes a chunk. */
    static final class Builder {
        private final String service;
        private final String dataset;
        private final String file;
        private final long fileOffset;
        private final int width;
        private int n;
        private long[] ordinals = new long[64];
        private long[] startMs = new long[64];
        private long[] endMs = new long[64];
        private long[] nulls = new long[64];
        private double[] values;
        private final List<String> pods = new ArrayList<>();
        private final List<String> currencies = new ArrayList<>();
        private boolean anyPod;
        private boolean anyCurrency;

        Builder(String service, DatasetKind kind, String file, long fileOffset) {
            this.service = service;
            this.dataset = kind.datasetName();
            this.file = file;
            this.fileOffset = fileOffset;
            this.width = kind.columns().size();
            this.values = new double[64 * width];
        }

        /** {@code rowValues} holds at least {@code width} values; bit i of {@code rowNulls} marks values[i] null. */
        void add(long ordinal, long start, long end, String pod, double[] rowValues, long rowNulls, String currency) {
            if (n == ordinals.length) {
                int cap = n * 2;
                ordinals = Arrays.copyOf(ordinals, cap);
                startMs = Arrays.copyOf(startMs, cap);
                endMs = Arrays.copyOf(endMs, cap);
                nulls = Arrays.copyOf(nulls, cap);
                values = Arrays.copyOf(values, cap * width);
            }
            ordinals[n] = ordinal;
            startMs[n] = start;
            endMs[n] = end;
            nulls[n] = rowNulls;
            System.arraycopy(rowValues, 0, values, n * width, width);
            pods.add(pod);
            currencies.add(currency);
            anyPod |= !pod.isEmpty();
            anyCurrency |= !currency.isEmpty();
            n++;
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
            c.ordinals = Arrays.copyOf(ordinals, n);
            c.startMs = Arrays.copyOf(startMs, n);
            c.endMs = Arrays.copyOf(endMs, n);
            c.nulls = Arrays.copyOf(nulls, n);
            c.values = Arrays.copyOf(values, n * width);
            c.pods = anyPod ? pods.toArray(String[]::new) : new String[0];
            c.currencies = anyCurrency ? currencies.toArray(String[]::new) : new String[0];
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

    public long[] getOrdinals() {
        return ordinals;
    }

    public void setOrdinals(long[] ordinals) {
        this.ordinals = ordinals;
    }

    public long[] getStartMs() {
        return startMs;
    }

    public void setStartMs(long[] startMs) {
        this.startMs = startMs;
    }

    public long[] getEndMs() {
        return endMs;
    }

    public void setEndMs(long[] endMs) {
        this.endMs = endMs;
    }

    public long[] getNulls() {
        return nulls;
    }

    public void setNulls(long[] nulls) {
        this.nulls = nulls;
    }

    public double[] getValues() {
        return values;
    }

    public void setValues(double[] values) {
        this.values = values;
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
