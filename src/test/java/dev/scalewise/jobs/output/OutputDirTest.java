package dev.scalewise.jobs.output;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commit protocol on the local file system, without Spark: a run's entries replace what they
 * replace and nothing else, all at once; and a crash at every single change a run makes under OUT leaves,
 * once the next run has opened OUT, exactly the previous state or exactly the new one (the new one from
 * the commit point on).
 */
class OutputDirTest {
    @AfterEach
    void noFault() {
        KillingFileSystem.crashAt(-1, "");
    }

    private static Configuration conf(boolean faulty) {
        Configuration c = new Configuration(false);
        c.set("fs.file.impl", (faulty ? KillingFileSystem.class : org.apache.hadoop.fs.LocalFileSystem.class).getName());
        c.setBoolean("fs.file.impl.disable.cache", true);
        return c;
    }

    /** The previous state: two days of results and problems, one manifest. */
    private static void previous(Path out) throws IOException {
        write(out.resolve("results/date=2026-01-05/part-00000.parquet"), "results 05 old");
        write(out.resolve("results/date=2026-01-06/part-00000.parquet"), "results 06 old");
        write(out.resolve("problems/date=2026-01-06/part-00000.parquet"), "problems 06 old");
        write(out.resolve("manifests/hpa.yaml"), "hpa old");
    }

    /** A run replacing 2026-01-06 in both datasets, adding 2026-01-07 and replacing the manifest. */
    private static void run(Configuration conf, Path out, Path input) throws IOException {
        OutputDir dir = OutputDir.open(conf, out.toString(), input.toString());
        for (String e : List.of("results/date=2026-01-06", "results/date=2026-01-07", "problems/date=2026-01-06")) {
            // as Spark writes a partition: files in the staged directory, the directory the entry
            try (var o = dir.fileSystem().create(new org.apache.hadoop.fs.Path(dir.staging(e), "part-00000.parquet"))) {
                o.write((e + " new").getBytes(StandardCharsets.UTF_8));
            }
            dir.staged(e);
        }
        dir.stageFile("manifests/hpa.yaml", "hpa new".getBytes(StandardCharsets.UTF_8));
        dir.commit();
    }

    @Test
    void aCommitReplacesItsEntriesAndNothingElseAndLeavesNoStateBehind(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        previous(out);
        run(conf(false), out, tmp.resolve("input"));
        assertEquals(Map.of("results/date=2026-01-05/part-00000.parquet", "results 05 old",
                "results/date=2026-01-06/part-00000.parquet", "results/date=2026-01-06 new",
                "results/date=2026-01-07/part-00000.parquet", "results/date=2026-01-07 new",
                "problems/date=2026-01-06/part-00000.parquet", "problems/date=2026-01-06 new",
                "manifests/hpa.yaml", "hpa new"), tree(out));
    }

    @Test
    void aCrashAtAnyChangeLeavesThePreviousOrTheNewStateOnceOpenedAgain(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("model");
        previous(model);
        Map<String, String> before = tree(model);
        run(conf(false), model, tmp.resolve("input"));
        Map<String, String> after = tree(model);

        // count the changes of an uninterrupted run, then crash at each one in turn
        Path counted = tmp.resolve("counted");
        previous(counted);
        KillingFileSystem.crashAt(-1, counted.toString());
        run(conf(true), counted, tmp.resolve("input"));
        long changes = KillingFileSystem.changes();
        assertTrue(changes > 20, "a run makes " + changes + " changes");
        // the commit point: the marker's rename (numbered from 1)
        long commitPoint = KillingFileSystem.log().indexOf("rename " + counted.resolve("_scalewise/COMMIT.tmp")) + 1;
        assertTrue(commitPoint > 0, KillingFileSystem.log().toString());
        int sawNew = 0;
        for (long n = 1; n <= changes; n++) {
            Path out = tmp.resolve("crash-" + n);
            previous(out);
            KillingFileSystem.crashAt(n, out.toString());
            assertThrows(KillingFileSystem.Crash.class, () -> run(conf(true), out, tmp.resolve("input")));
            KillingFileSystem.crashAt(-1, "");
            boolean committed = n > commitPoint;
            OutputDir.recover(conf(false), out.toString());
            Map<String, String> now = tree(out);
            assertEquals(committed ? after : before, now, "crash at change " + n + (committed ? " after" : " before")
                    + " the commit point");
            assertFalse(Files.exists(out.resolve(OutputDir.STATE)), "state cleared after the crash at change " + n);
            sawNew += committed ? 1 : 0;
        }
        assertTrue(sawNew > 0 && sawNew < changes, sawNew + " of " + changes + " crashes after the commit point");
    }

    /** The writer before this protocol left _tmp-RUN and _old-RUN directories: cleaned, a parked day put back. */
    @Test
    void leftoversOfThePreviousWriterAreCleanedAndAParkedDayRestored(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        write(out.resolve("results/date=2026-01-05/part-00000.parquet"), "05");
        write(out.resolve("results/_old-1234/date=2026-01-06/part-00000.parquet"), "06 parked");
        write(out.resolve("results/_old-1234/date=2026-01-05/part-00000.parquet"), "05 older");
        write(out.resolve("results/_tmp-1234/date=2026-01-06/part-00000.parquet"), "06 half written");
        write(out.resolve("_tmp-99/date=2026-01-06/part-00000.parquet"), "x");
        OutputDir.recover(conf(false), out.toString());
        assertEquals(Map.of("results/date=2026-01-05/part-00000.parquet", "05",
                "results/date=2026-01-06/part-00000.parquet", "06 parked"), tree(out));
    }

    @Test
    void anIncompleteMarkerIsNoCommit(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        previous(out);
        Map<String, String> before = tree(out);
        write(out.resolve("_scalewise/staging/results/date=2026-01-06/part-00000.parquet"), "new");
        write(out.resolve("_scalewise/COMMIT"), "results/date=2026-01-06\n"); // no end line: cut short
        OutputDir.recover(conf(false), out.toString());
        assertEquals(before, tree(out));
        assertFalse(Files.exists(out.resolve("_scalewise")));
    }

    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".crc")).toList()) {
                out.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
