package dev.scalewise.jobs.output;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local file system (file:) with a fault point: it numbers every change (create, mkdirs, rename,
 * delete) under a path prefix, and at change number {@code at} it stops the process before making it.
 * Installed with {@code fs.file.impl} (and {@code fs.file.impl.disable.cache=true}).
 *
 * <p>In a child JVM (system properties {@code scalewise.kill.at} and {@code scalewise.kill.prefix}) it prints
 * {@code KILLPOINT n op path} on stdout and waits: the parent then kills the process with SIGKILL, a real
 * kill -9 at that exact point. It prints {@code CHANGES n} when the process ends normally. In a test JVM,
 * {@link #crashAt} makes it throw {@link Crash} instead.
 */
public class KillingFileSystem extends LocalFileSystem {
    /** Thrown in place of the change numbered {@code at} when crashing in-process. */
    public static final class Crash extends Error {
        Crash(String what) {
            super(what);
        }
    }

    private static final AtomicLong CHANGES = new AtomicLong();
    private static final java.util.List<String> LOG = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private static volatile long at = Long.getLong("scalewise.kill.at", -1);
    private static volatile String prefix = System.getProperty("scalewise.kill.prefix", "");
    private static volatile boolean crash;
    private static final boolean PRINT_LOG = Boolean.getBoolean("scalewise.kill.log");
    private static final PrintStream OUT = System.out;

    static {
        if (!prefix.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                OUT.println("CHANGES " + CHANGES.get());
                OUT.flush();
            }));
        }
    }

    /** In-process: throw {@link Crash} at change number {@code n} (counting from 1) under {@code under}; -1 never. */
    public static void crashAt(long n, String under) {
        CHANGES.set(0);
        LOG.clear();
        at = n;
        prefix = under;
        crash = true;
    }

    public static long changes() {
        return CHANGES.get();
    }

    /** The changes counted in-process since {@link #crashAt}, as "op path", in order. */
    public static java.util.List<String> log() {
        return java.util.List.copyOf(LOG);
    }

    private static void change(String op, Path p) {
        if (prefix.isEmpty() || !p.toUri().getPath().startsWith(prefix)) {
            return;
        }
        long n = CHANGES.incrementAndGet();
        if (crash) {
            LOG.add(op + " " + p.toUri().getPath());
        } else if (PRINT_LOG) {
            OUT.println("CHANGE " + n + " " + op + " " + p.toUri().getPath());
        }
        if (n != at) {
            return;
        }
        if (crash) {
            throw new Crash(op + " " + p);
        }
        OUT.println("KILLPOINT " + n + " " + op + " " + p);
        OUT.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // only SIGKILL ends this
            }
        }
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        change("create", f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public boolean mkdirs(Path f) throws IOException {
        change("mkdirs", f);
        return super.mkdirs(f);
    }

    @Override
    public boolean mkdirs(Path f, FsPermission permission) throws IOException {
        change("mkdirs", f);
        return super.mkdirs(f, permission);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        change("rename", src);
        return super.rename(src, dst);
    }

    @Override
    public boolean delete(Path f, boolean recursive) throws IOException {
        change("delete", f);
        return super.delete(f, recursive);
    }
}
