package dev.scalewise.jobs.output;

import dev.scalewise.UserError;
import dev.scalewise.jobs.SparkSessions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The commit protocol of an --out directory: everything a run writes (several datasets, many days, edited
 * manifests) becomes visible together or not at all, and a run killed at any instant leaves either the
 * previous complete state or the new one, which the next run that opens the directory restores.
 *
 * <ol>
 *   <li>{@link #open} recovers what an earlier run left (below) and clears {@code OUT/_scalewise/}.</li>
 *   <li>The run writes its new entries under {@code OUT/_scalewise/staging/} at their final relative
 *       paths ({@code results/date=2026-01-05}, {@code manifests/hpa.yaml}).</li>
 *   <li>{@link #commit} writes the list of entries to {@code _scalewise/COMMIT.tmp} and renames it to
 *       {@code _scalewise/COMMIT}: that rename is the commit point.</li>
 *   <li>Each entry is swapped in: the entry it replaces is moved to {@code _scalewise/previous/}, then the
 *       staged one to its place. Then {@code _scalewise/} is deleted, COMMIT last.</li>
 * </ol>
 *
 * <p>Recovery: with a COMMIT, the swap is rolled forward (each entry's state says how far it got: still
 * staged, parked, or done), so the new state is complete; without one, the staging is dropped (and any
 * parked entry put back), so the previous state stands. Directories {@code _tmp-*} and {@code _old-*} of
 * the writer before this one are cleaned too, an {@code _old-*} partition put back when its place is empty.
 *
 * <p>Atomicity rests on rename: atomic for a file or directory on local disks and HDFS (and on ABFS with
 * a hierarchical namespace). On S3 (s3a) a directory rename is a copy of each object then a delete, so a
 * kill during a swap can leave a partition with part of its files; the COMMIT marker survives and the
 * next run rolls forward, but an entry caught half-copied is completed only if its staged copy is still
 * whole. On S3 run each job's --out on HDFS or a local disk and copy, or re-run the same days after a
 * failure (the output of a re-run is byte for byte the same). One writer per OUT at a time.
 */
public final class OutputDir {
    /** Under OUT: Spark and Hive readers skip names that start with '_'. */
    static final String STATE = "_scalewise";
    private static final String MARKER = "COMMIT";
    private static final String END = "# end";

    private final FileSystem fs;
    private final Path out;
    private final Path state;
    private final List<String> entries = new ArrayList<>();

    private OutputDir(FileSystem fs, Path out) {
        this.fs = fs;
        this.out = out;
        this.state = new Path(out, STATE);
    }

    /**
     * Opens OUT for a run that reads {@code input}: checks the location before any work
     * ({@link OutputLocation}), recovers what an interrupted earlier run left, and starts an empty staging area.
     */
    public static OutputDir open(Configuration conf, String out, String input) {
        OutputLocation.check(conf, out, input);
        return recover(conf, out);
    }

    /** {@link #open(Configuration, String, String)} with the session's Hadoop configuration. */
    public static OutputDir open(SparkSessions.Handle session, String out, String input) {
        return open(session.spark().sparkContext().hadoopConfiguration(), out, input);
    }

    /** Recovers OUT for reading or writing: afterwards it holds one complete state and no protocol leftovers. */
    public static OutputDir recover(Configuration conf, String out) {
        try {
            Path p = new Path(out);
            FileSystem fs = p.getFileSystem(conf);
            OutputDir dir = new OutputDir(fs, fs.makeQualified(p));
            dir.recover();
            return dir;
        } catch (IOException e) {
            throw new UserError("cannot recover " + out + ": " + e.getMessage(), e);
        }
    }

    /** Where the entry (or dataset) at this path relative to OUT is staged: "results", "manifests/hpa.yaml". */
    public Path staging(String relative) {
        return relative.isEmpty() ? new Path(state, "staging") : new Path(new Path(state, "staging"), relative);
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /**
     * Registers a staged entry (a date= partition directory or a file) for the next commit: it will
     * replace whatever is at the same path under OUT.
     */
    public void staged(String relative) {
        entries.add(relative);
    }

    /**
     * Stages a file with these bytes and registers it. Written without the .crc sidecar Hadoop's local
     * file system adds: these files (edited manifests) are for people and tools that do not expect one.
     */
    public void stageFile(String relative, byte[] bytes) {
        FileSystem plain = fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
        try (FSDataOutputStream o = plain.create(staging(relative), true)) {
            o.write(bytes);
        } catch (IOException e) {
            throw new UserError("cannot write " + new Path(out, relative) + ": " + e.getMessage(), e);
        }
        staged(relative);
    }

    /** Makes every staged entry visible at once; returns their paths relative to OUT. */
    public List<String> commit() {
        try {
            List<String> committed = List.copyOf(entries);
            entries.clear();
            if (!committed.isEmpty()) {
                writeMarker(committed);
                rollForward(committed);
            }
            fs.delete(state, true);
            return committed;
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private void writeMarker(List<String> entries) throws IOException {
        Path tmp = new Path(state, MARKER + ".tmp");
        try (FSDataOutputStream o = fs.create(tmp, true)) {
            o.write((String.join("\n", entries) + "\n" + END + "\n").getBytes(StandardCharsets.UTF_8));
        }
        rename(tmp, new Path(state, MARKER));
    }

    /** Completes a committed swap from wherever it stopped; each step is safe to repeat. */
    private void rollForward(List<String> entries) throws IOException {
        for (String e : entries) {
            Path staged = staging(e);
            Path target = new Path(out, e);
            Path parked = new Path(new Path(state, "previous"), e);
            if (!fs.exists(staged)) {
                continue; // already in place
            }
            if (fs.exists(target)) {
                if (fs.exists(parked)) {
                    throw new IOException("both " + target + " and " + parked + " exist during the swap of " + e);
                }
                fs.mkdirs(parked.getParent());
                rename(target, parked);
            }
            fs.mkdirs(target.getParent());
            rename(staged, target);
        }
        clearState();
    }

    private void recover() throws IOException {
        Path marker = new Path(state, MARKER);
        List<String> committed = fs.exists(marker) ? readMarker(marker) : List.of();
        if (!committed.isEmpty()) {
            rollForward(committed);
        } else {
            putBack(new Path(state, "previous"), out);
            fs.delete(state, true);
        }
        cleanLegacy(out);
        for (FileStatus c : fs.exists(out) ? fs.listStatus(out) : new FileStatus[0]) {
            if (c.isDirectory() && !c.getPath().getName().startsWith("_")) {
                cleanLegacy(c.getPath());
            }
        }
    }

    /** The marker's entries; empty when it is incomplete (then no swap has started). */
    private List<String> readMarker(Path marker) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(marker), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        }
        if (lines.isEmpty() || !lines.get(lines.size() - 1).equals(END)) {
            return List.of();
        }
        return lines.subList(0, lines.size() - 1);
    }

    /**
     * Without a commit nothing was parked, unless a run before this protocol's marker was written was
     * interrupted mid-swap: then what is parked goes back wherever nothing took its place.
     */
    private void putBack(Path parked, Path target) throws IOException {
        if (!fs.exists(parked)) {
            return;
        }
        if (!fs.exists(target)) {
            fs.mkdirs(target.getParent());
            rename(parked, target);
        } else if (fs.getFileStatus(parked).isDirectory() && fs.getFileStatus(target).isDirectory()) {
            for (FileStatus c : fs.listStatus(parked)) {
                putBack(c.getPath(), new Path(target, c.getPath().getName()));
            }
        }
    }

    /** The writer before this protocol left _tmp-RUN (staging) and _old-RUN (parked partitions) in a dataset directory. */
    private void cleanLegacy(Path dataset) throws IOException {
        if (!fs.exists(dataset)) {
            return;
        }
        for (FileStatus c : fs.listStatus(dataset)) {
            String name = c.getPath().getName();
            if (name.startsWith("_old-")) {
                for (FileStatus parked : fs.listStatus(c.getPath())) {
                    Path target = new Path(dataset, parked.getPath().getName());
                    if (!fs.exists(target)) {
                        rename(parked.getPath(), target);
                    }
                }
                fs.delete(c.getPath(), true);
            } else if (name.startsWith("_tmp-")) {
                fs.delete(c.getPath(), true);
            }
        }
    }

    /** previous/ (the replaced entries), then staging/, then the marker: as long as it exists, roll forward. */
    private void clearState() throws IOException {
        fs.delete(new Path(state, "previous"), true);
        fs.delete(staging(""), true);
        fs.delete(state, true);
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }

}
