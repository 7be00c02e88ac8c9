package dev.scalewise.sample;

import dev.scalewise.jobs.ParquetFiles;
import dev.scalewise.UserError;
import dev.scalewise.cli.Main;
import dev.scalewise.data.Datasets;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleWriterTest {
    static final SampleConfig SMALL = new SampleConfig(3, 2, 60, 7, LocalDate.parse("2026-10-05"));

    @TempDir
    Path tmp;

    @Test
    void writesTheHiveLayoutInTheContractSchemas() throws IOException {
        Path out = tmp.resolve("fleet");
        new SampleWriter(ParquetFiles::write).write(SMALL, out, false, day -> { });
        List<ServiceSeries> fleet = FleetGenerator.generate(SMALL); // in one go: the writer goes day by day
        for (String dataset : Datasets.INPUTS) {
            for (String date : List.of("2026-10-05", "2026-10-06")) {
                Path file = out.resolve(dataset).resolve("date=" + date).resolve("part-00000.parquet");
                assertTrue(Files.isRegularFile(file), file.toString());
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("services.yaml")));
        assertTrue(Files.isRegularFile(out.resolve("policies").resolve("observed-hpa.yaml")));

        List<GenericRecord> requests = read(out.resolve("requests/date=2026-10-06/part-00000.parquet"));
        assertEquals(Datasets.schema("requests"), requests.get(0).getSchema());
        assertEquals(3 * 1440, requests.size());
        ServiceSeries first = fleet.get(0);
        GenericRecord row = requests.get(5); // service 0, step 1440 + 5
        assertEquals(first.profile().name(), row.get("service").toString());
        assertEquals((first.startEpochSecond() + 60L * 1445) * 1000, row.get("interval_start"));
        assertEquals(first.requests()[1445], row.get("requests"));
        assertEquals(first.readyReplicas()[1445], row.get("replicas"));
    }

    /** Per service and hour EffectiveCost = replica-hours x price; unrelated rows carry another tag. */
    @Test
    void billingIsReplicaHoursTimesPrice() throws IOException {
        Path out = tmp.resolve("fleet");
        List<ServiceSummary> fleet = new SampleWriter(ParquetFiles::write).write(SMALL, out, false, day -> { });
        Map<String, Double> effective = new TreeMap<>();
        Map<String, Double> hours = new TreeMap<>();
        int unattributed = 0;
        for (String date : List.of("2026-10-05", "2026-10-06")) {
            for (GenericRecord r : read(out.resolve("billing/date=" + date + "/part-00000.parquet"))) {
                Map<?, ?> tags = (Map<?, ?>) r.get("Tags");
                Object service = tags.get(new org.apache.avro.util.Utf8("service"));
                String name = service == null ? "" : service.toString();
                assertEquals("USD", r.get("BillingCurrency").toString());
                assertEquals("Hours", r.get("ConsumedUnit").toString());
                assertTrue((double) r.get("BilledCost") >= (double) r.get("EffectiveCost"));
                effective.merge(name, (Double) r.get("EffectiveCost"), Double::sum);
                hours.merge(name, (Double) r.get("ConsumedQuantity"), Double::sum);
                if (fleet.stream().noneMatch(s -> s.profile().name().equals(name))) {
                    unattributed++;
                }
            }
        }
        List<ServiceSeries> whole = FleetGenerator.generate(SMALL);
        for (int i = 0; i < whole.size(); i++) {
            ServiceSeries s = whole.get(i);
            String name = s.profile().name();
            assertEquals(s.totalReplicaHours(), hours.get(name), 1e-9);
            assertEquals(s.totalReplicaHours() * s.profile().pricePerReplicaHour(), effective.get(name), 1e-6);
            assertEquals(s.totalRequests(), fleet.get(i).requests());
            assertEquals(s.breachSteps(), fleet.get(i).breachMinutes());
        }
        assertEquals(2 * 2, unattributed, "two unrelated rows a day");
    }

    @Test
    void theSameSeedGivesByteIdenticalFiles() throws IOException {
        new SampleWriter(ParquetFiles::write).write(SMALL, tmp.resolve("a"), false, day -> { });
        new SampleWriter(ParquetFiles::write).write(SMALL, tmp.resolve("b"), false, day -> { });
        List<Path> files = files(tmp.resolve("a"));
        assertEquals(4 * 2 + 2, files.size());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)),
                    f.toString());
        }
    }

    /** parquet-mr lists encodings in HashSet order (identity hashes); the writer sorts them. */
    @Test
    void footerEncodingListsAreSorted() throws IOException {
        Path out = tmp.resolve("fleet");
        new SampleWriter(ParquetFiles::write).write(SMALL, out, false, day -> { });
        for (Path f : files(out)) {
            if (!f.toString().endsWith(".parquet")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(out.resolve(f));
            int tail = bytes.length - 8;
            int length = java.nio.ByteBuffer.wrap(bytes, tail, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            org.apache.parquet.format.FileMetaData footer = org.apache.parquet.format.Util.readFileMetaData(
                    new java.io.ByteArrayInputStream(bytes, tail - length, length));
            for (org.apache.parquet.format.RowGroup g : footer.getRow_groups()) {
                for (org.apache.parquet.format.ColumnChunk c : g.getColumns()) {
                    List<Integer> values = c.getMeta_data().getEncodings().stream()
                            .map(org.apache.parquet.format.Encoding::getValue).toList();
                    assertEquals(values.stream().sorted().toList(), values, f + " " + c.getMeta_data().getPath_in_schema());
                }
            }
        }
    }

    @Test
    void aFailureHalfWayLeavesNoOutputAndNoTempDirectory() {
        AtomicInteger calls = new AtomicInteger();
        SampleWriter failing = new SampleWriter((file, schema, rows) -> {
            if (calls.incrementAndGet() == 3) {
                throw new IOException("disk full (simulated)");
            }
            ParquetFiles.write(file, schema, rows);
        });
        Path out = tmp.resolve("fleet");
        UserError e = assertThrows(UserError.class, () -> failing.write(SMALL, out, false, day -> { }));
        assertTrue(e.getMessage().contains("disk full (simulated)"), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), list(tmp), "nothing left beside the output either");
    }

    @Test
    void aFailureUnderForceKeepsThePreviousOutput() throws IOException {
        Path out = tmp.resolve("fleet");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "previous");
        SampleWriter failing = new SampleWriter((file, schema, rows) -> {
            throw new IOException("simulated");
        });
        assertThrows(UserError.class, () -> failing.write(SMALL, out, true, day -> { }));
        assertEquals("previous", Files.readString(out.resolve("keep.txt")));
        assertEquals(List.of(out), list(tmp));
    }

    @Test
    void refusesANonEmptyDirectoryUnlessForced() throws IOException {
        Path out = tmp.resolve("fleet");
        Files.createDirectories(out);
        Files.writeString(out.resolve("other.txt"), "x");
        UserError e = assertThrows(UserError.class, () -> new SampleWriter(ParquetFiles::write).write(SMALL, out, false, day -> { }));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        new SampleWriter(ParquetFiles::write).write(SMALL, out, true, day -> { });
        assertFalse(Files.exists(out.resolve("other.txt")));
        assertTrue(Files.exists(out.resolve("services.yaml")));
    }

    @Test
    void anEmptyDirectoryIsFine() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("fleet"));
        new SampleWriter(ParquetFiles::write).write(SMALL, out, false, day -> { });
        assertTrue(Files.exists(out.resolve("services.yaml")));
    }

    @Test
    void cliRunsAndRejectsBadFlagsWithExitCode2() {
        Path out = tmp.resolve("cli");
        assertEquals(0, Main.run("sample-data", "--out", out.toString(), "--services", "2", "--days", "1", "--step", "5m"));
        assertTrue(Files.exists(out.resolve("gpu/date=2026-10-05/part-00000.parquet")));
        assertEquals(2, Main.run("sample-data", "--out", tmp.resolve("x").toString(), "--step", "7s"));
        assertEquals(2, Main.run("sample-data", "--out", tmp.resolve("x").toString(), "--start", "05.10.2026"));
        assertEquals(2, Main.run("sample-data", "--out", out.toString()), "non-empty without --force");
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    static List<GenericRecord> read(Path file) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())).build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                rows.add(r);
            }
        }
        return rows;
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
