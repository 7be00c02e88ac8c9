package dev.scalewise.jobs.ingest;

import org.apache.hadoop.fs.Path;
import org.apache.spark.rdd.InputFileBlockHolder;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.Serializable;
import java.net.URI;

/**
 * The file split the current task is reading, which the packer asks once per row instead of Spark
 * copying the ~100-byte path into every canonical row (docs/decisions.md D11 says what that copy cost).
 */
interface CurrentSplit extends Serializable {
    /** The split's file path as {@code _metadata.file_path} gives it; "" when unknown. */
    UTF8String path();

    /** The split's first byte in its file ({@code _metadata.file_block_start}). */
    long offset();

    /** A new source for one task (it caches the current split's path). */
    static CurrentSplit spark() {
        return new SparkSplit();
    }

    /**
     * What Spark's file scan announces for the split it is reading: {@code InputFileBlockHolder}, a
     * thread-local that {@code FileScanRDD} sets before the first row of each split and that
     * {@code input_file_name()} reads. It is {@code private[spark]} (public in the bytecode, not a
     * stable API): this is the only class that touches it, and {@code CurrentSplitTest} checks it
     * against the public {@code _metadata} columns on the Spark version the build pins.
     */
    final class SparkSplit implements CurrentSplit {
        private transient UTF8String held;
        private transient UTF8String path;

        @Override
        public UTF8String path() {
            UTF8String h = InputFileBlockHolder.getInputFilePath();
            if (h != held) {
                held = h;
                path = UTF8String.fromString(metadataForm(h.toString()));
            }
            return path;
        }

        @Override
        public long offset() {
            return Math.max(0, InputFileBlockHolder.getStartOffset());
        }

        /**
         * The holder has the URL-encoded form ({@code file:///d/a%20b}); {@code _metadata.file_path}, which
         * the messages always showed, is that parsed as a Hadoop path and printed as a URI
         * ({@code file:/d/a%20b}): Spark 3.5's {@code FileFormat.BASE_METADATA_EXTRACTORS} does the same.
         */
        static String metadataForm(String urlEncoded) {
            if (urlEncoded.isEmpty()) {
                return "";
            }
            Path p = new Path(URI.create(urlEncoded));
            return new Path(p.toString()).toUri().toString();
        }
    }
}
