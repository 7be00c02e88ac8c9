package dev.scalewise.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many rows of each dataset had each {@link DataIssue}, with one example file, plus notes about
 * datasets that were absent. Executors count per service ({@link Counter}); the job sums the counts
 * per dataset, issue and column.
 */
public record DataQualityReport(List<Entry> entries, List<String> notes) {
    public DataQualityReport {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /**
     * @param column      the column at fault, "" when the issue concerns the whole row
     * @param exampleFile one file with such rows ("" when not tied to a file, e.g. gaps)
     */
    public record Entry(String dataset, DataIssue issue, String column, long count, String exampleFile) {
        String key() {
            return dataset + "\u0000" + issue + "\u0000" + column;
        }
    }

    public static DataQualityReport empty() {
        return new DataQualityReport(List.of(), List.of());
    }

    public long count(String dataset, DataIssue issue) {
        return entries.stream().filter(e -> e.dataset.equals(dataset) && e.issue == issue)
                .mapToLong(Entry::count).sum();
    }

    public DataQualityReport withNote(String note) {
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new DataQualityReport(entries, n);
    }

    /** One line per entry and note, for the CLI's stderr. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.dataset + ": " + e.count + " " + e.issue.unit() + e.issue.meaning()
                    + (e.column.isEmpty() ? "" : " in column '" + e.column + "'")
                    + (e.exampleFile.isEmpty() ? "" : " (e.g. " + e.exampleFile + ")")
                    + " -> " + e.issue.rule(e.dataset));
        }
        out.addAll(notes);
        return out;
    }

    /** Plain maps and lists, for JSON output. */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> issues = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", e.dataset);
            m.put("issue", e.issue.id());
            m.put("column", e.column);
            m.put("count", e.count);
            m.put("exampleFile", e.exampleFile);
            m.put("rule", e.issue.rule(e.dataset));
            issues.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issues", issues);
        m.put("notes", notes);
        return m;
    }

    private static List<Entry> sorted(java.util.Collection<Entry> es) {
        List<Entry> l = new ArrayList<>(es);
        l.sort(Comparator.comparing(Entry::dataset).thenComparing(Entry::issue).thenComparing(Entry::column));
        return l;
    }

    private static String minNonEmpty(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.compareTo(b) <= 0 ? a : b;
    }

    /** Mutable counter used while aligning one service. */
    public static final class Counter {
        private final Map<String, Entry> byKey = new LinkedHashMap<>();

        public void add(String dataset, DataIssue issue, String column, long count, String file) {
            if (count == 0) {
                return;
            }
            Entry e = new Entry(dataset, issue, column, count, file);
            byKey.merge(e.key(), e, (a, b) -> new Entry(a.dataset, a.issue, a.column, a.count + b.count,
                    minNonEmpty(a.exampleFile, b.exampleFile)));
        }

        public DataQualityReport report() {
            return new DataQualityReport(sorted(byKey.values()), List.of());
        }
    }
}
