package dev.scalewise.importer;

import dev.scalewise.UserError;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes one UTC day of several datasets under DATA ({@code DATASET/date=YYYY-MM-DD/part-00000.parquet})
 * so that a day is either all there or not there. The day's files are written into a staging directory
 * ({@code DATA/.scalewise-import/}), a journal naming the datasets is renamed into place, then each
 * staged partition is renamed over its target, then the journal is removed. A run killed before the
 * journal leaves only staging, which the next run deletes; one killed after it is rolled forward by the
 * next run ({@link #open}) before anything else happens. A lock file keeps two imports out of one DATA.
 */
public final class PartitionCommit implements AutoCloseable {
    public static final String PART = "part-00000.parquet";
    static final String WORK = ".scalewise-import";

    /**
     * Writes one Parquet file: the caller hands it in ({@code jobs.ParquetFiles}; Parquet needs Hadoop,
     * which stays at the edge), and tests use it to make a write fail.
     */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path file, Schema schema, List<GenericRecord> rows) throws IOException;
    }

    private final Path root;
    private final Path work;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileWriter files;

    private PartitionCommit(Path root, FileWriter files) throws IOException {
        this.root = root;
        this.work = root.resolve(WORK);
        this.files = files;
        Files.createDirectories(work);
        this.lockChannel = FileChannel.open(work.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l = lockChannel.tryLock();
        if (l == null) {
            lockChannel.close();
            throw new UserError("--out " + root + ": another import is writing there (" + work.resolve("lock")
                    + " is locked); wait for it to end");
        }
        this.lock = l;
    }

    /** Opens DATA for writing: takes the lock, finishes a commit a killed run left, drops its staging. */
    public static PartitionCommit open(Path root, FileWriter files) {
        Path dir = root.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("--out " + dir + ": expected a directory, found a file");
        }
        try {
            PartitionCommit c = new PartitionCommit(dir, files);
            c.recover();
            return c;
        } catch (IOException e) {
            throw new UserError("--out " + dir + ": cannot write there (" + e.getMessage() + ")", e);
        }
    }

    public Path root() {
        return root;
    }

    /** True when every one of the datasets has the day's part file. */
    public boolean complete(LocalDate day, List<String> datasets) {
        return datasets.stream().allMatch(ds -> Files.isRegularFile(partition(ds, day).resolve(PART)));
    }

    /** True when any of the datasets has the day's partition. */
    public boolean anyPresent(LocalDate day, List<String> datasets) {
        return datasets.stream().anyMatch(ds -> Files.exists(partition(ds, day)));
    }

    /** The dataset's partition directory of the day. */
    public Path partition(String dataset, LocalDate day) {
        return root.resolve(dataset).resolve("date=" + day);
    }

    /** Writes the day's files (one per dataset, rows as given) and puts them in place together. */
    public void commit(LocalDate day, Map<String, Schema> schemas, Map<String, List<GenericRecord>> rows) {
        Path stage = work.resolve("stage-" + day);
        try {
            deleteTree(stage);
            for (Map.Entry<String, List<GenericRecord>> e : rows.entrySet()) {
                files.write(stage.resolve(e.getKey()).resolve(PART), schemas.get(e.getKey()), e.getValue());
            }
            Path journal = work.resolve("commit-" + day);
            Path tmp = work.resolve("commit-" + day + ".tmp");
            Files.writeString(tmp, String.join("\n", rows.keySet()) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, journal, StandardCopyOption.ATOMIC_MOVE);
            rollForward(day, new ArrayList<>(rows.keySet()));
        } catch (IOException e) {
            try {
                deleteTree(stage);
            } catch (IOException ignored) {
                // the original failure matters more; the next run deletes the leftover
            }
            throw new UserError("--out " + root + ": cannot write " + day + " (" + e + "); the days before it are"
                    + " complete, rerun to resume", e);
        }
    }

    private void recover() throws IOException {
        List<Path> journals = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(work, "commit-*")) {
            entries.forEach(journals::add);
        }
        journals.sort(Comparator.naturalOrder());
        for (Path journal : journals) {
            String name = journal.getFileName().toString();
            if (name.endsWith(".tmp")) {
                Files.delete(journal); // killed before the journal was in place: the day never started
                continue;
            }
            LocalDate day = LocalDate.parse(name.substring("commit-".length()));
            List<String> datasets = Files.readAllLines(journal, StandardCharsets.UTF_8).stream()
                    .filter(s -> !s.isBlank()).toList();
            rollForward(day, datasets);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(work, "{stage,old}-*")) {
            for (Path p : entries) {
                deleteTree(p);
            }
        }
    }

    /** Moves each staged partition over its target (the old one aside first), then drops the journal. */
    private void rollForward(LocalDate day, List<String> datasets) throws IOException {
        Path stage = work.resolve("stage-" + day);
        Path old = work.resolve("old-" + day);
        for (String ds : datasets) {
            Path staged = stage.resolve(ds);
            if (!Files.exists(staged)) {
                continue; // moved before the kill
            }
            Path target = partition(ds, day);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.createDirectories(old);
                deleteTree(old.resolve(ds));
                Files.move(target, old.resolve(ds), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(work.resolve("commit-" + day));
        deleteTree(old);
        deleteTree(stage);
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
            Files.deleteIfExists(work.resolve("lock"));
            try (Stream<Path> left = Files.list(work)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(work);
                }
            }
        } catch (IOException ignored) {
            // an empty work directory or a stale lock file is harmless: the next run reuses them
        }
    }

    static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
