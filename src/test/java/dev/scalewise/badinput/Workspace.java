package dev.scalewise.badinput;

import dev.scalewise.data.DatasetKind;
import dev.scalewise.jobs.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One case's temporary directory: the variables of cases.md, its setup steps and its checks.
 *
 * <p>Variables: {@code $TMP} (the case's directory), {@code $DATA} ({@code $TMP/data}), {@code $RES}
 * (src/test/resources/badinput), {@code $TINY} (the tiny CSV fixture).
 *
 * <p>Setup steps: {@code data} ($DATA = the tiny fixture as Parquet, one file per dataset),
 * {@code copy REL DEST} (from $RES), {@code file PATH}, {@code symlink LINK TARGET}, {@code truncate DIR N}
 * (the first .parquet under DIR cut to N bytes), {@code garble DIR} (its bytes replaced by random ones),
 * {@code zero PATH} (an empty file), {@code longline PATH N} (a YAML file of one N-character line),
 * {@code narrow DIR COLUMN} (the dataset as two files, COLUMN an int in the first, a long in the second),
 * {@code norows DIR} (the dataset as Parquet with its columns and no row), {@code run ARGS} (a command
 * that must succeed, e.g. to leave earlier results).
 *
 * <p>Checks: {@code unchanged PATH} (every file's bytes as after the setup), {@code absent PATH},
 * {@code stdout-has TEXT}, {@code stdout-lacks TEXT}.
 */
final class Workspace {
    private static final Path RES = Path.of("src/test/resources/badinput").toAbsolutePath();
    private static final Path TINY = Path.of("src/test/resources/fixtures/tiny").toAbsolutePath();
    private static Path tinyParquet;

    private final Path tmp;

    Workspace(Path tmp) {
        this.tmp = tmp;
    }

    String expand(String text) {
        return text.replace("$DATA", tmp.resolve("data").toString()).replace("$TMP", tmp.toString())
                .replace("$RES", RES.toString()).replace("$TINY", TINY.toString());
    }

    /** The words of a command or step; an empty string is written "" in the table. */
    String[] words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).map(w -> w.equals("\"\"") ? "" : expand(w)).toArray(String[]::new);
    }

    String[] command(String text) {
        return words(text);
    }

    void step(String text) {
        String[] w = words(text);
        try {
            switch (w[0]) {
                case "data" -> copyTree(tinyParquet(), tmp.resolve("data"));
                case "copy" -> copyTree(RES.resolve(w[1]), Path.of(w[2]));
                case "file" -> write(Path.of(w[1]), "not a directory\n".getBytes(StandardCharsets.UTF_8));
                case "symlink" -> Files.createSymbolicLink(Path.of(w[1]), Path.of(w[2]));
                case "truncate" -> {
                    Path f = firstParquet(Path.of(w[1]));
                    write(f, Arrays.copyOf(Files.readAllBytes(f), Integer.parseInt(w[2])));
                }
                case "garble" -> {
                    Path f = firstParquet(Path.of(w[1]));
                    byte[] random = new byte[(int) Files.size(f)];
                    new Random(23).nextBytes(random);
                    write(f, random);
                }
                case "zero" -> write(Path.of(w[1]), new byte[0]);
                case "longline" -> write(Path.of(w[1]), ("a: " + "x".repeat(Integer.parseInt(w[2]) - 3) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                case "narrow" -> narrow(Path.of(w[1]), w[2]);
                case "norows" -> rewrite(Path.of(w[1]), df -> df.limit(0));
                case "run" -> {
                    SharedSpark.CliRun r = SharedSpark.cli(Arrays.copyOfRange(w, 1, w.length));
                    assertEquals(0, r.code(), "setup step failed: " + text + "\n" + r.err());
                }
                default -> fail("unknown setup step: " + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the checks need from before the command: the files under each path that must stay unchanged. */
    Map<Path, List<String>> snapshots(List<String> checks) {
        Map<Path, List<String>> out = new LinkedHashMap<>();
        for (String check : checks) {
            String[] w = words(check);
            if (w[0].equals("unchanged")) {
                out.put(Path.of(w[1]), tree(Path.of(w[1])));
            }
        }
        return out;
    }

    void verify(List<String> checks, Map<Path, List<String>> before, String where, String out) {
        for (String check : checks) {
            String[] w = words(check);
            String rest = expand(check.substring(check.indexOf(' ') + 1).trim());
            switch (w[0]) {
                case "unchanged" -> assertEquals(before.get(Path.of(w[1])), tree(Path.of(w[1])), "changed: " + w[1] + "\n" + where);
                case "absent" -> assertFalse(Files.exists(Path.of(w[1])), "exists: " + w[1] + "\n" + where);
                case "stdout-has" -> assertTrue(out.contains(rest), "stdout lacks '" + rest + "'\n" + where);
                case "stdout-lacks" -> assertFalse(out.contains(rest), "stdout has '" + rest + "'\n" + where);
                default -> fail("unknown check: " + check);
            }
        }
    }

    /** Relative path and SHA-256 of every file under a directory, sorted. */
    static List<String> tree(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().map(p -> dir.relativize(p) + " " + sha256(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tiny fixture as Parquet with the contract's types, made once per test JVM. */
    private static synchronized Path tinyParquet() throws IOException {
        if (tinyParquet == null) {
            Path dir = Files.createTempDirectory("scalewise-badinput-tiny");
            for (DatasetKind k : DatasetKind.values()) {
                SharedSpark.writeParquet(SharedSpark.typedCsv(TINY, k.datasetName()), dir.resolve(k.datasetName()));
            }
            tinyParquet = dir;
        }
        return tinyParquet;
    }

    /** The dataset under {@code dir} as two Parquet files, {@code column} an int in the first and a long in the second. */
    private static void narrow(Path dir, String column) throws IOException {
        Dataset<Row> all = SharedSpark.get().read().parquet(dir.toString()).cache();
        all.count();
        long half = all.count() / 2;
        List<Row> rows = all.collectAsList();
        Dataset<Row> first = SharedSpark.get().createDataFrame(rows.subList(0, (int) half), all.schema())
                .withColumn(column, col(column).cast("int"));
        Dataset<Row> second = SharedSpark.get().createDataFrame(rows.subList((int) half, rows.size()), all.schema());
        deleteTree(dir);
        Path parts = dir.resolveSibling(dir.getFileName() + "-parts");
        SharedSpark.writeParquet(first, parts.resolve("a"));
        SharedSpark.writeParquet(second, parts.resolve("b"));
        Files.createDirectories(dir);
        for (String part : List.of("a", "b")) {
            Files.move(firstParquet(parts.resolve(part)), dir.resolve("part-" + part + ".parquet"));
        }
        deleteTree(parts);
        all.unpersist();
    }

    private static void rewrite(Path dir, java.util.function.UnaryOperator<Dataset<Row>> change) throws IOException {
        Dataset<Row> all = SharedSpark.get().read().parquet(dir.toString());
        List<Row> rows = change.apply(all).collectAsList();
        Dataset<Row> changed = SharedSpark.get().createDataFrame(rows, all.schema());
        deleteTree(dir);
        SharedSpark.writeParquet(changed, dir);
    }

    private static Path firstParquet(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no .parquet under " + dir));
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc")); // Hadoop would check it
    }

    private static void copyTree(Path from, Path to) throws IOException {
        SharedSpark.copyTree(from, to);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
