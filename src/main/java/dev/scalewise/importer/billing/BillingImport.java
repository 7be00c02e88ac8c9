package dev.scalewise.importer.billing;

import dev.scalewise.UserError;
import dev.scalewise.importer.ContractRows;
import dev.scalewise.importer.PartitionCommit;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads cost exports (FOCUS CSV/Parquet from AWS, Google Cloud or Azure, AWS CUR 2.0 Parquet, OpenCost
 * allocation JSON) and writes {@code billing/} in the contract, one partition per UTC day of
 * ChargePeriodStart, each day committed whole ({@link PartitionCommit}); a day already there is kept
 * unless asked to overwrite. Attribution: the tag the user names ({@code --service-tag}, found by its
 * exact key, then without case, then with the {@code user:}/{@code user_} prefixes AWS puts on user
 * tags) is copied to the contract's {@code service} tag. Rows it cannot attribute are written as they
 * are (the reader counts them as untagged) and counted here, with their cost, so nothing is dropped
 * silently.
 */
public final class BillingImport {
    public static final String SERVICE = "service";

    public record Request(List<Path> files, String serviceTag, String currency, boolean overwrite) {
        public Request {
            files = List.copyOf(files);
        }
    }

    /** What was read and written; costs are per currency. */
    public static final class Summary {
        final Map<Path, String> formats = new LinkedHashMap<>();
        long rows;
        long unattributedRows;
        long badPeriodRows;
        final SortedMap<String, Double> cost = new TreeMap<>();
        final SortedMap<String, Double> unattributedCost = new TreeMap<>();
        final SortedMap<String, SortedMap<String, Double>> byService = new TreeMap<>();
        final Map<String, Long> tagKeys = new TreeMap<>();
        int daysWritten;
        int daysSkipped;

        public Map<Path, String> formats() {
            return formats;
        }

        public long rows() {
            return rows;
        }

        public long unattributedRows() {
            return unattributedRows;
        }

        public long badPeriodRows() {
            return badPeriodRows;
        }

        public SortedMap<String, Double> cost() {
            return cost;
        }

        public SortedMap<String, Double> unattributedCost() {
            return unattributedCost;
        }

        /** service -> currency -> EffectiveCost. */
        public SortedMap<String, SortedMap<String, Double>> byService() {
            return byService;
        }

        /** The most frequent tag keys of the unattributed rows, to pick --service-tag from. */
        public List<String> commonTagKeys(int n) {
            return tagKeys.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(n).map(Map.Entry::getKey).toList();
        }

        public int daysWritten() {
            return daysWritten;
        }

        public int daysSkipped() {
            return daysSkipped;
        }
    }

    private BillingImport() {
    }

    public static Summary run(Request r, PartitionCommit out) {
        Summary summary = new Summary();
        SortedMap<LocalDate, List<BillingLine>> days = new TreeMap<>();
        for (int i = 0; i < r.files().size(); i++) {
            Path file = r.files().get(i);
            if (!Files.isRegularFile(file)) {
                throw new UserError(file + ": no such file");
            }
            List<BillingLine> lines = new ArrayList<>();
            try {
                if (OpenCostAllocations.isJson(file)) {
                    summary.formats.put(file, "OpenCost allocation JSON");
                    lines.addAll(OpenCostAllocations.read(file, i, r.serviceTag(), r.currency()));
                } else {
                    ExportFormat format = ExportFormat.detect(file, ExportTable.columns(file));
                    summary.formats.put(file, format == ExportFormat.FOCUS ? "FOCUS" : "AWS CUR 2.0");
                    int index = i;
                    ExportTable.read(file, row -> lines.add(format.line(row, index)));
                }
            } catch (IOException e) {
                throw new UserError(file + ": cannot read it (" + e.getMessage() + ")", e);
            }
            for (BillingLine line : lines) {
                BillingLine attributed = attribute(line, r.serviceTag(), summary);
                days.computeIfAbsent(LocalDate.ofEpochDay(Math.floorDiv(line.startMs(), 86_400_000L)),
                        d -> new ArrayList<>()).add(attributed);
            }
        }
        Comparator<BillingLine> order = Comparator.comparingLong(BillingLine::startMs)
                .thenComparingLong(BillingLine::endMs)
                .thenComparing(l -> l.resourceId() == null ? "" : l.resourceId())
                .thenComparing(l -> l.skuId() == null ? "" : l.skuId())
                .thenComparingInt(BillingLine::file).thenComparingLong(BillingLine::row);
        for (Map.Entry<LocalDate, List<BillingLine>> day : days.entrySet()) {
            if (!r.overwrite() && out.complete(day.getKey(), List.of("billing"))) {
                summary.daysSkipped++;
                continue;
            }
            List<GenericRecord> rows = new ArrayList<>();
            day.getValue().stream().sorted(order).forEach(l -> rows.add(ContractRows.billing(l.startMs(), l.endMs(),
                    l.effectiveCost(), l.billedCost(), l.currency(), l.resourceId(), l.skuId(), l.consumedQuantity(),
                    l.consumedUnit(), l.tags())));
            out.commit(day.getKey(), Map.of("billing", ContractRows.BILLING), Map.of("billing", rows));
            summary.daysWritten++;
        }
        return summary;
    }

    private static BillingLine attribute(BillingLine l, String serviceTag, Summary s) {
        s.rows++;
        s.cost.merge(l.currency(), l.effectiveCost(), Double::sum);
        if (l.endMs() <= l.startMs()) {
            s.badPeriodRows++;
        }
        String service = find(l.tags(), serviceTag);
        if (service == null || service.isBlank()) {
            s.unattributedRows++;
            s.unattributedCost.merge(l.currency(), l.effectiveCost(), Double::sum);
            l.tags().keySet().forEach(k -> s.tagKeys.merge(k, 1L, Long::sum));
            return l;
        }
        s.byService.computeIfAbsent(service, k -> new TreeMap<>()).merge(l.currency(), l.effectiveCost(), Double::sum);
        if (service.equals(l.tags().get(SERVICE))) {
            return l;
        }
        SortedMap<String, String> tags = new TreeMap<>(l.tags());
        tags.put(SERVICE, service);
        return new BillingLine(l.startMs(), l.endMs(), l.effectiveCost(), l.billedCost(), l.currency(), l.resourceId(),
                l.skuId(), l.consumedQuantity(), l.consumedUnit(), tags, l.file(), l.row());
    }

    /** The tag's value: exact key, then any case, then AWS's user-tag prefixes. */
    static String find(Map<String, String> tags, String key) {
        String exact = tags.get(key);
        if (exact != null) {
            return exact;
        }
        String k = key.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String t = e.getKey().toLowerCase(Locale.ROOT);
            if (t.equals(k) || t.equals("user:" + k) || t.equals("user_" + k)) {
                return e.getValue();
            }
        }
        return null;
    }
}
