package dev.scalewise.sample;

import dev.scalewise.UserError;
import dev.scalewise.data.Datasets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Lays a generated fleet out under DIR: {@code DATASET/date=YYYY-MM-DD/part-00000.parquet} for the
 * four datasets, plus {@code services.yaml} and {@code policies/observed-hpa.yaml}. Everything is
 * written to a sibling temp directory first and renamed into place at the end, so DIR is either
 * absent, the previous content, or complete: never half written.
 */
public final class SampleWriter {
    /**
     * Writes one Parquet file. The format's writer needs Hadoop, which only the jobs layer may import:
     * the caller hands it in (jobs.ParquetFiles); tests also use it to make a write fail half-way.
     */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path file, Schema schema, List<GenericRecord> rows) throws IOException;
    }

    private final FileWriter files;

    public SampleWriter(FileWriter files) {
        this.files = files;
    }

    /**
     * Generates and writes the fleet.
     *
     * @param progress called with the number of days written so far (0..days)
     * @return per-service totals, for the caller's summary
     */
    public List<ServiceSummary> write(SampleConfig config, Path outDir, boolean force, IntConsumer progress) {
        Path dir = outDir.toAbsolutePath().normalize();
        refuseNonEmpty(dir, force);
        Path parent = dir.getParent();
        Path temp = parent.resolve("." + dir.getFileName() + ".sample-data-tmp");
        try {
            Files.createDirectories(parent);
            deleteTree(temp); // left over by a run that was killed
            Files.createDirectory(temp);
            List<ServiceSummary> summary = writeAll(config, temp, progress);
            publish(temp, dir);
            return summary;
        } catch (IOException e) {
            deleteQuietly(temp);
            // a full disk or a read-only path: the user's to fix, so no stack trace
            throw new UserError("--out " + dir + ": cannot write (" + e + "); nothing was written", e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void refuseNonEmpty(Path dir, boolean force) {
        if (!Files.exists(dir) || force) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError("--out " + dir + ": expected a directory (new or empty), found a file");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                throw new UserError("--out " + dir + ": expected a new or empty directory, found one with files;"
                        + " pass --force to replace it");
            }
        } catch (IOException e) {
            throw new UserError("--out " + dir + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** Day by day: only one day of the fleet is in memory, whatever the number of days. */
    private List<ServiceSummary> writeAll(SampleConfig config, Path root, IntConsumer progress) throws IOException {
        List<ServiceSimulator> simulators = FleetGenerator.simulators(config);
        List<ServiceSummary> summary = new ArrayList<>();
        FleetRows rows = new FleetRows();
        progress.accept(0);
        for (int day = 0; day < config.days(); day++) {
            List<ServiceSeries> chunks = new ArrayList<>(simulators.size());
            for (int i = 0; i < simulators.size(); i++) {
                ServiceSeries chunk = simulators.get(i).advance(config.stepsPerDay());
                chunks.add(chunk);
                if (day == 0) {
                    summary.add(ServiceSummary.of(chunk));
                } else {
                    summary.set(i, summary.get(i).plus(chunk));
                }
            }
            String partition = "date=" + config.startDate().plusDays(day);
            for (String dataset : Datasets.INPUTS) {
                files.write(root.resolve(dataset).resolve(partition).resolve("part-00000.parquet"),
                        rows.schema(dataset), rows.rows(dataset, chunks));
            }
            progress.accept(day + 1);
        }
        List<ServiceProfile> profiles = summary.stream().map(ServiceSummary::profile).toList();
        Files.writeString(root.resolve("services.yaml"), SampleManifests.servicesYaml(profiles), StandardCharsets.UTF_8);
        Path hpa = root.resolve(SampleManifests.HPA_PATH);
        Files.createDirectories(hpa.getParent());
        Files.writeString(hpa, SampleManifests.hpaYaml(profiles), StandardCharsets.UTF_8);
        return summary;
    }

    /** Renames temp to dir; an existing dir (empty, or replaced under --force) is moved aside first. */
    private static void publish(Path temp, Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = dir.resolveSibling("." + dir.getFileName() + ".sample-data-old");
        deleteTree(old);
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE); // put the previous content back
            throw e;
        }
        deleteTree(old);
    }

    private static void deleteQuietly(Path tree) {
        try {
            deleteTree(tree);
        } catch (IOException ignored) {
            // the original failure matters more than a leftover temp dir, which the next run removes
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
