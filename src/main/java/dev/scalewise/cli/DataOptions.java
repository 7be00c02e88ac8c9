package dev.scalewise.cli;

import dev.scalewise.UserError;
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

    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "60s",
            description = "Analysis step, whole minutes: 60s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--cost-tag", paramLabel = "KEY", defaultValue = "service",
            description = "Billing tag that names the service (default: ${DEFAULT-VALUE}).")
    String costTag;

    Optional<LocalDate> from() {
        checkRange();
        return Optional.ofNullable(from);
    }

    Optional<LocalDate> to() {
        checkRange();
        return Optional.ofNullable(to);
    }

    int stepSeconds() {
        return OptionValues.stepSeconds(step);
    }

    private void checkRange() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new UserError("--from " + from + " is after --to " + to);
        }
    }
}
