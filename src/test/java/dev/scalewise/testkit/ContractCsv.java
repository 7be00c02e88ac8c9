package dev.scalewise.testkit;

import dev.scalewise.data.AlignedService;
import dev.scalewise.data.DatasetKind;
import dev.scalewise.data.HistoryAligner;
import dev.scalewise.data.InputBlock;
import dev.scalewise.data.InputRow;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.loadtest.LoadTestReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A directory in the data contract as CSV (requests/, latency/, gpu/, billing/ with a header each), read
 * without Spark and aligned at any step by the same {@link HistoryAligner} the jobs use: the real
 * Alibaba trace in {@code ../shared/traces/alibaba-genai-2026} at its native 57 s step or at 60 s.
 * Billing is attributed by the {@code "service"} key of the Tags JSON.
 */
public final class ContractCsv {
    public static final Path ALIBABA = Traces.DIR.resolve("alibaba-genai-2026");

    private ContractCsv() {
    }

    public static boolean alibabaAvailable() {
        return Files.isDirectory(ALIBABA.resolve("requests"));
    }

    /** One service's history aligned at {@code stepSeconds}, over the whole data. */
    public static ServiceHistory history(Path dir, String service, int stepSeconds) {
        List<InputRow> rows = new ArrayList<>();
        EnumSet<DatasetKind> present = EnumSet.noneOf(DatasetKind.class);
        for (DatasetKind kind : DatasetKind.values()) {
            Path d = dir.resolve(kind.datasetName());
            if (!Files.isDirectory(d)) {
                continue;
            }
            present.add(kind);
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    read(kind, f, service, rows);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        AlignedService aligned = new HistoryAligner(stepSeconds, OptionalLong.empty(), OptionalLong.empty(), present)
                .align(service, InputBlock.of(rows));
        return aligned.history().orElseThrow(() -> new IllegalStateException("no requests for " + service + " in " + dir));
    }

    private static void read(DatasetKind kind, Path file, String service, List<InputRow> out) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = split(lines.get(0));
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            at.put(header.get(c), c);
        }
        List<DatasetKind.ValueColumn> columns = kind.columns();
        boolean billing = kind == DatasetKind.BILLING;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = split(lines.get(i));
            String rowService = billing ? tagService(cells.get(at.get("Tags"))) : cells.get(at.get("service"));
            if (!rowService.equals(service)) {
                continue;
            }
            long start;
            long end;
            if (billing) {
                start = Instant.parse(cells.get(at.get("ChargePeriodStart"))).toEpochMilli();
                end = Instant.parse(cells.get(at.get("ChargePeriodEnd"))).toEpochMilli();
            } else {
                start = Instant.parse(cells.get(at.get("interval_start"))).toEpochMilli();
                end = start + (long) (Double.parseDouble(cells.get(at.get("interval_seconds"))) * 1000);
            }
            double[] values = new double[columns.size()];
            long nulls = 0;
            for (int c = 0; c < columns.size(); c++) {
                Integer col = at.get(columns.get(c).name());
                String cell = col == null || col >= cells.size() ? "" : cells.get(col);
                if (cell.isEmpty()) {
                    values[c] = Double.NaN;
                    nulls |= 1L << c;
                } else {
                    values[c] = Double.parseDouble(cell);
                }
            }
            String pod = at.containsKey("pod") ? cells.get(at.get("pod")) : "";
            String currency = billing ? cells.get(at.get("BillingCurrency")) : "";
            out.add(new InputRow(kind, service, start, end, file.toString(), 0, i, pod, values, nulls, currency));
        }
    }

    private static String tagService(String tagsJson) {
        int key = tagsJson.indexOf("\"service\"");
        if (key < 0) {
            return "";
        }
        int open = tagsJson.indexOf('"', tagsJson.indexOf(':', key) + 1);
        return tagsJson.substring(open + 1, tagsJson.indexOf('"', open + 1));
    }

    private static List<String> split(String line) {
        return LoadTestReader.csvCells(line);
    }
}
