package dev.scalewise.importer.billing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.scalewise.UserError;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A cost export's rows as maps of normalized column name ({@link Values#normalize}) to value, from CSV
 * (optionally gzipped, as Azure writes it) or Parquet (read with parquet-avro, no Spark): strings stay
 * strings, Parquet timestamps (millis, micros, INT96) become {@link Instant}s, decimals
 * {@link BigDecimal}s, maps and lists of key/value structs Java maps and lists.
 */
final class ExportTable {
    /** One row; {@code where(column)} names file, row and column for messages. */
    record Row(Path file, long index, String line, Map<String, Object> values) {
        Object get(String normalized) {
            return values.get(normalized);
        }

        boolean has(String normalized) {
            return values.containsKey(normalized);
        }

        String where(String column) {
            return file + ": " + line + ", column " + column;
        }
    }

    interface RowHandler {
        void accept(Row row);
    }

    private ExportTable() {
    }

    static boolean isParquet(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
    }

    /** Column names of the file (normalized), from the CSV header or the Parquet schema. */
    static List<String> columns(Path file) throws IOException {
        if (isParquet(file)) {
            List<String> out = new ArrayList<>();
            try (ParquetReader<GenericRecord> r = parquet(file)) {
                GenericRecord first = r.read();
                if (first != null) {
                    first.getSchema().getFields().forEach(f -> out.add(Values.normalize(f.name())));
                }
            }
            return out;
        }
        try (Reader in = csvReader(file)) {
            MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readerForListOf(String.class).readValues(in);
            List<String> header = it.hasNext() ? it.next() : List.of();
            return header.stream().map(h -> Values.normalize(stripBom(h))).toList();
        }
    }

    static void read(Path file, RowHandler handler) throws IOException {
        if (isParquet(file)) {
            long i = 0;
            try (ParquetReader<GenericRecord> r = parquet(file)) {
                for (GenericRecord rec = r.read(); rec != null; rec = r.read()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (Schema.Field f : rec.getSchema().getFields()) {
                        values.put(Values.normalize(f.name()), convert(rec.get(f.pos()), f.schema()));
                    }
                    handler.accept(new Row(file, i, "row " + (i + 1), values));
                    i++;
                }
            }
            return;
        }
        try (Reader in = csvReader(file)) {
            MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in);
            long i = 0;
            while (it.hasNext()) {
                Map<String, String> raw;
                try {
                    raw = it.next();
                } catch (RuntimeException e) {
                    throw new UserError(file + ": line " + (i + 2) + ": not valid CSV (" + e.getMessage().lines()
                            .findFirst().orElse("") + ")");
                }
                Map<String, Object> values = new LinkedHashMap<>();
                raw.forEach((k, v) -> values.put(Values.normalize(stripBom(k)), v));
                handler.accept(new Row(file, i, "line " + (i + 2), values));
                i++;
            }
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static Reader csvReader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static ParquetReader<GenericRecord> parquet(Path file) throws IOException {
        Configuration conf = new Configuration(false);
        conf.setBoolean("parquet.avro.readInt96AsFixed", true); // Spark-written INT96 timestamps
        return AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()), conf)).withConf(conf).build();
    }

    /** A Parquet value as a plain Java value; the schema says whether a long is a timestamp. */
    static Object convert(Object v, Schema schema) {
        if (v == null) {
            return null;
        }
        Schema s = branch(schema, v);
        LogicalType logical = s.getLogicalType();
        if (v instanceof Long l && logical != null) {
            String name = logical.getName();
            if (name.startsWith("timestamp-millis") || name.startsWith("local-timestamp-millis")) {
                return Instant.ofEpochMilli(l);
            }
            if (name.startsWith("timestamp-micros") || name.startsWith("local-timestamp-micros")) {
                return Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000L), Math.floorMod(l, 1_000_000L) * 1000);
            }
        }
        if (v instanceof Integer d && logical instanceof LogicalTypes.Date) {
            return Instant.ofEpochSecond(d * 86_400L);
        }
        if (logical instanceof LogicalTypes.Decimal dec) {
            byte[] bytes = v instanceof ByteBuffer b ? bytes(b) : ((GenericFixed) v).bytes();
            return new BigDecimal(new BigInteger(bytes), dec.getScale());
        }
        if (v instanceof GenericFixed f && f.bytes().length == 12 && s.getType() == Schema.Type.FIXED) {
            // INT96: nanoseconds of the day (little endian), then the Julian day number
            ByteBuffer b = ByteBuffer.wrap(f.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            long nanos = b.getLong();
            long julianDay = b.getInt();
            return Instant.ofEpochSecond((julianDay - 2_440_588L) * 86_400L, nanos);
        }
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(k.toString(), val == null ? null : convert(val, s.getValueType())));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(convert(item, s.getElementType()));
            }
            return out;
        }
        if (v instanceof GenericRecord rec) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Schema.Field f : rec.getSchema().getFields()) {
                out.put(f.name(), convert(rec.get(f.pos()), f.schema()));
            }
            return out;
        }
        return v;
    }

    /** The branch of a union the value belongs to (the schema itself when it is no union). */
    private static Schema branch(Schema schema, Object v) {
        if (schema.getType() == Schema.Type.UNION) {
            for (Schema b : schema.getTypes()) {
                if (b.getType() != Schema.Type.NULL && GenericData.get().validate(b, v)) {
                    return b;
                }
            }
        }
        return schema;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
