package dev.scalewise.jobs.ingest;

import java.util.Arrays;

/**
 * The numeric columns of an {@link InputChunk}'s rows as one byte array, about half the size of the
 * plain arrays it replaces: every byte the pipeline shuffles is also compressed, written, read back and,
 * at fleet scale, sorted and spilled once more on the reduce side, so size is CPU time there.
 *
 * <p>Per row, as variable-length integers (7 bits a byte): the ordinal's step from the previous row, the
 * start's distance from the previous end, the duration's change from the previous duration (all three
 * usually one byte for a regular minute series), the null bits, then each non-null value. A value that is
 * an exact integer (|v| at most 2^53, not -0.0) is written as its difference from the column's previous
 * integer, times two; any other value as the tag 1 and its 8 raw bytes. Decoding gives back every long
 * and the bits of every double exactly (nulls read as NaN, as {@link CanonicalRows#values} made them).
 */
final class PackedRows {
    private static final long MAX_EXACT = 1L << 53;

    private PackedRows() {
    }

    /** Appends rows; {@link #bytes()} is the packed form. */
    static final class Writer {
        private final int width;
        private final long[] lastInteger;
        private byte[] buf = new byte[256];
        private int pos;
        private long lastOrdinal;
        private long lastEnd;
        private long lastDuration;

        Writer(int width) {
            this.width = width;
            this.lastInteger = new long[width];
        }

        /** Bit i of {@code nulls} marks values[i] null (not written). */
        void add(long ordinal, long startMs, long endMs, long nulls, double[] values) {
            ensure(4 * 10 + width * 10);
            // differences wrap around in two's complement, so even UNKNOWN_TIME (Long.MIN_VALUE) round-trips
            putVar(zigzag(ordinal - lastOrdinal));
            putVar(zigzag(startMs - lastEnd));
            long duration = endMs - startMs;
            putVar(zigzag(duration - lastDuration));
            putVar(nulls);
            lastOrdinal = ordinal;
            lastEnd = endMs;
            lastDuration = duration;
            for (int i = 0; i < width; i++) {
                if ((nulls & (1L << i)) != 0) {
                    continue;
                }
                double v = values[i];
                long asLong = (long) v;
                if (asLong == v && asLong >= -MAX_EXACT && asLong <= MAX_EXACT && (asLong != 0 || Double.doubleToRawLongBits(v) == 0)) {
                    putVar(zigzag(asLong - lastInteger[i]) << 1);
                    lastInteger[i] = asLong;
                } else {
                    buf[pos++] = 1;
                    long bits = Double.doubleToRawLongBits(v);
                    for (int b = 0; b < 8; b++) {
                        buf[pos++] = (byte) (bits >>> (8 * b));
                    }
                }
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, pos);
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }

        private void putVar(long v) {
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }
    }

    /** Reads the rows back in order: {@link #next} then the accessors, or {@link #readAll} into columns. */
    static final class Reader {
        private final byte[] buf;
        private final int width;
        private final long[] lastInteger;
        private int pos;
        private long ordinal;
        private long startMs;
        private long endMs;
        private long duration;
        private long nulls;

        Reader(byte[] buf, int width) {
            this.buf = buf;
            this.width = width;
            this.lastInteger = new long[width];
        }

        /** Decodes the next row; its values go into {@code values} (NaN where null). */
        void next(double[] values) {
            nextKeys();
            for (int i = 0; i < width; i++) {
                values[i] = nextValue(i);
            }
        }

        /**
         * Decodes the remaining rows into columns, row j of them at index j: ordinals, times, null bits and
         * values[c][j] for each column c (NaN where null). The arrays hold at least that many rows.
         */
        void readAll(int rows, long[] ordinals, long[] startMs, long[] endMs, long[] nulls, double[][] values) {
            for (int j = 0; j < rows; j++) {
                nextKeys();
                ordinals[j] = ordinal;
                startMs[j] = this.startMs;
                endMs[j] = this.endMs;
                nulls[j] = this.nulls;
                for (int i = 0; i < width; i++) {
                    values[i][j] = nextValue(i);
                }
            }
        }

        private void nextKeys() {
            ordinal += unzigzag(getVar());
            startMs = endMs + unzigzag(getVar());
            duration += unzigzag(getVar());
            endMs = startMs + duration;
            nulls = getVar();
        }

        private double nextValue(int column) {
            if ((nulls & (1L << column)) != 0) {
                return Double.NaN;
            }
            long x = getVar();
            if ((x & 1) == 0) {
                lastInteger[column] += unzigzag(x >>> 1);
                return lastInteger[column];
            }
            long bits = 0;
            for (int b = 0; b < 8; b++) {
                bits |= (buf[pos++] & 0xFFL) << (8 * b);
            }
            return Double.longBitsToDouble(bits);
        }

        long ordinal() {
            return ordinal;
        }

        long startMs() {
            return startMs;
        }

        long endMs() {
            return endMs;
        }

        long nulls() {
            return nulls;
        }

        private long getVar() {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                b = buf[pos++];
                v |= (b & 0x7FL) << shift;
                shift += 7;
            } while (b < 0);
            return v;
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
