package dev.scalewise.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real request traces in {@code ../shared/traces} (Azure LLM inference 2023, Mooncake; sources and
 * licenses in that folder's README), as arrival times, binned into request counts per interval. Binning
 * starts at the minute of the first request, so a minute without requests is a real zero.
 */
public final class Traces {
    public static final Path DIR = Path.of("..", "shared", "traces");
    public static final String AZURE_CONV = "azure-llm-2023-conv.csv";
    public static final String AZURE_CODE = "azure-llm-2023-code.csv";
    public static final String MOONCAKE = "mooncake-conversation.jsonl";

    private static final DateTimeFormatter AZURE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSS");
    private static final Pattern MOONCAKE_TIME = Pattern.compile("\"timestamp\":\\s*(\\d+)");

    private Traces() {
    }

    public static boolean available() {
        return Files.isDirectory(DIR);
    }

    /** Arrival times in milliseconds since the trace's first minute began, in file order. */
    public static long[] arrivalsMs(String trace) {
        try (Stream<String> lines = Files.lines(DIR.resolve(trace))) {
            List<String> rows = lines.filter(l -> !l.isBlank()).toList();
            long[] ms = trace.endsWith(".jsonl") ? mooncake(rows) : azure(rows.subList(1, rows.size()));
            long first = Long.MAX_VALUE;
            for (long t : ms) {
                first = Math.min(first, t);
            }
            long origin = Math.floorDiv(first, 60_000) * 60_000;
            for (int i = 0; i < ms.length; i++) {
                ms[i] -= origin;
            }
            return ms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests per interval of {@code stepSeconds}, up to the interval of the last request. */
    public static double[] perInterval(String trace, int stepSeconds) {
        long[] ms = arrivalsMs(trace);
        long last = 0;
        for (long t : ms) {
            last = Math.max(last, t);
        }
        double[] counts = new double[(int) (last / (stepSeconds * 1000L)) + 1];
        for (long t : ms) {
            counts[(int) (t / (stepSeconds * 1000L))]++;
        }
        return counts;
    }

    private static long[] azure(List<String> rows) {
        long[] ms = new long[rows.size()];
        for (int i = 0; i < ms.length; i++) {
            String time = rows.get(i).substring(0, rows.get(i).indexOf(','));
            ms[i] = LocalDateTime.parse(time, AZURE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return ms;
    }

    private static long[] mooncake(List<String> rows) {
        long[] ms = new long[rows.size()];
        for (int i = 0; i < ms.length; i++) {
            Matcher m = MOONCAKE_TIME.matcher(rows.get(i));
            if (!m.find()) {
                throw new IllegalArgumentException(MOONCAKE + " line " + (i + 1) + ": no timestamp");
            }
            ms[i] = Long.parseLong(m.group(1));
        }
        return ms;
    }
}
