package dev.scalewise.jobs;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes one Parquet file through parquet-avro with fixed settings (ZSTD, dictionary on, default page
 * and row-group sizes), straight to a local file: no Hadoop FileSystem, so no .crc side files, and no
 * timestamps in the footer, so the same rows give the same bytes.
 *
 * <p>One catch: parquet-mr 1.13 collects each column chunk's encodings in a {@code HashSet<Encoding>},
 * and an enum's hash code is its identity hash, so the footer lists them in an order that changes with
 * whatever else the JVM hashed first (the CLI and a test run gave different bytes). After writing, the
 * footer is re-read, each encodings list sorted by its Thrift value, and written back: the same
 * content, now in one order.
 */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    public static void write(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalFile(file))
                .withSchema(schema)
                .withDataModel(GenericData.get())
                .withConf(new Configuration(false))
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withDictionaryEncoding(true)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
        sortFooterEncodings(file);
    }

    static void sortFooterEncodings(Path file) throws IOException {
        Files.write(file, sortFooterEncodings(Files.readAllBytes(file)));
    }

    /**
     * A Parquet file's bytes with each column chunk's encodings sorted by their Thrift value (see above):
     * for every writer of the project, Spark's included. Layout: data, footer (Thrift FileMetaData),
     * 4-byte little-endian footer length, "PAR1".
     */
    public static byte[] sortFooterEncodings(byte[] bytes) throws IOException {
        int tail = bytes.length - 8;
        int footerLength = ByteBuffer.wrap(bytes, tail, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = tail - footerLength;
        FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes, footerStart, footerLength));
        for (RowGroup group : footer.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                List<Encoding> encodings = new ArrayList<>(chunk.getMeta_data().getEncodings());
                encodings.sort(Comparator.comparingInt(Encoding::getValue));
                chunk.getMeta_data().setEncodings(encodings);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, footerStart);
        ByteArrayOutputStream newFooter = new ByteArrayOutputStream(footerLength);
        Util.writeFileMetaData(footer, newFooter);
        newFooter.writeTo(out);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(newFooter.size()).array());
        out.write(bytes, tail + 4, 4); // "PAR1"
        return out.toByteArray();
    }

    /** parquet 1.13 has no LocalOutputFile yet: a minimal one over java.nio. */
    private record LocalFile(Path path) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return stream(StandardOpenOption.CREATE_NEW);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            return stream(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        private PositionOutputStream stream(StandardOpenOption... options) throws IOException {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(path,
                    concat(options, StandardOpenOption.WRITE)), 1 << 16);
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        private static StandardOpenOption[] concat(StandardOpenOption[] a, StandardOpenOption b) {
            StandardOpenOption[] out = java.util.Arrays.copyOf(a, a.length + 1);
            out[a.length] = b;
            return out;
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return path.toString();
        }
    }
}
