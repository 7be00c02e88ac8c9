package dev.scalewise.cli;

import dev.scalewise.jobs.ParquetFiles;
import dev.scalewise.UserError;
import dev.scalewise.sample.SampleConfig;
import dev.scalewise.sample.SampleWriter;
import dev.scalewise.sample.ServiceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Generates the synthetic fleet as Parquet. Starts no Spark. */
@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = {"Generates a realistic synthetic inference fleet in the data contract:",
                "requests, latency, gpu and billing as Hive-partitioned Parquet",
                "(DATASET/date=YYYY-MM-DD/part-00000.parquet), plus services.yaml and",
                "policies/observed-hpa.yaml (the HPA that produced the replicas).",
                "The same seed gives byte-identical files. Starts no Spark.",
                "Docs: sample-data/README.md."},
        footer = {"", "Examples:",
                "  scalewise sample-data --out /tmp/fleet",
                "  scalewise sample-data --out /tmp/sample --seed 42 --start 2026-10-05",
                "      (the committed sample-data/: 5 services, 14 days, 60 s)",
                "  scalewise sample-data --out /data/fleet --services 200 --days 90 --step 5m"})
final class SampleDataCommand implements Runnable {

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory; must be new or empty unless --force.")
    Path out;

    @Option(names = "--services", paramLabel = "N", defaultValue = "5",
            description = "Number of services (default ${DEFAULT-VALUE}; beyond 8, clones of the profiles).")
    int services;

    @Option(names = "--days", paramLabel = "D", defaultValue = "14", description = "Days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "60s",
            description = "Interval of the rows: 15s, 30s, 60s, 5m, ... dividing an hour (default ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2026-10-05",
            description = "First UTC day, YYYY-MM-DD (default ${DEFAULT-VALUE}, a Monday).")
    String start;

    @Option(names = "--force", description = "Replace a non-empty --out directory.")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        SampleConfig config = new SampleConfig(services, days, stepSeconds(step), seed, startDate(start));
        boolean terminal = System.console() != null;
        PrintWriter err = spec.commandLine().getErr();
        List<ServiceSummary> fleet = new SampleWriter(ParquetFiles::write).write(config, out, force, done -> {
            if (terminal) {
                err.print("\rwriting day " + done + "/" + config.days());
                err.flush();
            }
        });
        if (terminal) {
            err.println();
        }
        printSummary(spec.commandLine().getOut(), fleet);
    }

    static int stepSeconds(String text) {
        return (int) Math.min(Integer.MAX_VALUE, OptionValues.seconds("--step", text));
    }

    private static LocalDate startDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError("--start: expected a date YYYY-MM-DD, found '" + text + "'");
        }
    }

    private void printSummary(PrintWriter stdout, List<ServiceSummary> fleet) {
        stdout.printf(Locale.ROOT, "wrote %s (%d services)%n", out.toAbsolutePath().normalize(), fleet.size());
        stdout.printf(Locale.ROOT, "%-16s %14s %12s %9s %10s %14s%n", "service", "requests", "replica-h",
                "max ready", "breach min", "cost USD");
        for (ServiceSummary s : fleet) {
            stdout.printf(Locale.ROOT, "%-16s %14d %12.1f %9.1f %10.0f %14.2f%n", s.profile().name(), s.requests(),
                    s.replicaHours(), s.maxReadyReplicas(), s.breachMinutes(), s.effectiveCost());
        }
        stdout.flush();
    }
}
