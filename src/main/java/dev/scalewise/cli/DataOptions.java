package dev.scalewise.cli;

import dev.scalewise.UserError;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.Optional;

/** The options of every command that reads the exports (picocli mixin). */
final class DataOptions {
    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Directory (any Hadoop path: file:, hdfs:, s3a:) holding requests/ and optionally latency/, "
                    + "gpu/, billing/ (Parquet, date= partitions allowed, or CSV with a header).")
    String data;

    @Option(names = "--from", paramLabel = "DATE", description = "First UTC day (yyyy-MM-dd), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last UTC day (yyyy-MM-dd), inclusive.")
    LocalDate to;

    @Mixin
    ReadOptions read;

    Optional<LocalDate> from() {
        checkRange();
        return Optional.ofNullable(from);
    }

    Optional<LocalDate> to() {
        checkRange();
        return Optional.ofNullable(to);
    }

    int stepSeconds() {
        return read.stepSeconds();
    }

    String costTag() {
        return read.costTag;
    }

    private void checkRange() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new UserError("--from " + from + " is after --to " + to);
        }
    }
}
