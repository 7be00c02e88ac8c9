package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.importer.PartitionCommit;
import dev.scalewise.importer.billing.BillingImport;
import dev.scalewise.jobs.ParquetFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/** `scalewise import billing`: cost exports into billing/. Starts no Spark. */
@Command(name = "billing", mixinStandardHelpOptions = true,
        description = {"Reads cost exports and writes DATA/billing (FOCUS 1.2 columns, date=YYYY-MM-DD):",
                "FOCUS 1.x CSV or Parquet from AWS Data Exports, Google Cloud or Azure Cost Management,",
                "AWS CUR 2.0 Parquet, OpenCost /allocation JSON. The tag --service-tag names the service;",
                "rows without it are kept and reported (cost included), never dropped silently.",
                "Docs: docs/import-billing.md."},
        footer = {"", "Examples:",
                "  scalewise import billing --out exports/ focus-2026-10.parquet",
                "  scalewise import billing --out exports/ --service-tag app azure-focus-*.csv.gz",
                "  scalewise import billing --out exports/ --service-tag service cur2-00001.snappy.parquet",
                "  curl -s 'http://opencost:9003/allocation?window=7d&aggregate=deployment&step=1h' > oc.json",
                "  scalewise import billing --out exports/ oc.json"})
final class BillingImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Export files (.csv, .csv.gz, .parquet, .json).")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "DATA", description = "Data directory to write.")
    Path out;

    @Option(names = "--service-tag", paramLabel = "KEY", defaultValue = "service",
            description = "Tag (label) naming the service (default ${DEFAULT-VALUE}); matched exactly, then "
                    + "without case, then as user:KEY / user_KEY (AWS user tags).")
    String serviceTag;

    @Option(names = "--currency", paramLabel = "ISO", defaultValue = "USD",
            description = "Currency of OpenCost's costs, which its answer does not name (default ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--overwrite", description = "Replace days already under DATA/billing.")
    boolean overwrite;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!currency.matches("[A-Za-z]{3}")) {
            throw new UserError("--currency: expected an ISO 4217 code like USD, found '" + currency + "'");
        }
        BillingImport.Summary s;
        try (PartitionCommit commit = PartitionCommit.open(out, ParquetFiles::write)) {
            s = BillingImport.run(new BillingImport.Request(files, serviceTag, currency.toUpperCase(Locale.ROOT),
                    overwrite), commit);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        s.formats().forEach((f, kind) -> stdout.printf(Locale.ROOT, "read %s (%s)%n", f, kind));
        stdout.printf(Locale.ROOT, "%d cost rows, %d days written, %d already there (skipped; --overwrite replaces"
                + " them)%n", s.rows(), s.daysWritten(), s.daysSkipped());
        stdout.printf(Locale.ROOT, "%-32s %s%n", "service", "EffectiveCost");
        s.byService().forEach((service, cost) -> stdout.printf(Locale.ROOT, "%-32s %s%n", service, money(cost)));
        if (s.unattributedRows() > 0) {
            stdout.printf(Locale.ROOT, "%-32s %s%n", "(no '" + serviceTag + "' tag)", money(s.unattributedCost()));
            err.printf(Locale.ROOT, "scalewise: note: %d of %d rows (%s of %s) carry no '%s' tag and belong to no"
                            + " service; they are written as they are and the reader counts them as untagged."
                            + " Tag keys on those rows: %s%n", s.unattributedRows(), s.rows(),
                    money(s.unattributedCost()), money(s.cost()), serviceTag, String.join(", ", s.commonTagKeys(10)));
        }
        if (s.badPeriodRows() > 0) {
            err.printf(Locale.ROOT, "scalewise: note: %d rows have ChargePeriodEnd not after ChargePeriodStart;"
                    + " the reader drops them as bad_interval%n", s.badPeriodRows());
        }
        stdout.flush();
        err.flush();
        return 0;
    }

    private static String money(Map<String, Double> byCurrency) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : (byCurrency instanceof SortedMap<String, Double> m ? m : Map.copyOf(byCurrency))
                .entrySet()) {
            b.append(b.length() == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%.2f %s", e.getValue(), e.getKey()));
        }
        return b.length() == 0 ? "0" : b.toString();
    }
}
