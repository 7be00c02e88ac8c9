package dev.scalewise.testkit;

import dev.scalewise.policy.PolicyLoader;
import org.junit.jupiter.params.provider.Arguments;

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
    private static final Pattern MOONCAKE_INPUT = Pattern.compile("\"input_length\":\\s*(\\d+)");
    private static final Pattern MOONCAKE_OUTPUT = Pattern.compile("\"output_length\":\\s*(\\d+)");

    /**
     * One request of a trace.
     *
     * @param atMs             arrival, milliseconds since the trace's first minute began
     * @param promptTokens     Azure ContextTokens, Mooncake input_length
     * @param generatedTokens  Azure GeneratedTokens, Mooncake output_length
     */
    public record Request(long atMs, long promptTokens, long generatedTokens) {
    }

    private Traces() {
    }

    /** Each LLM trace with each example policy under policies/ (trace, policy, policy name): JUnit arguments. */
    public static Stream<Arguments> withEveryExamplePolicy() {
        return Stream.of(AZURE_CONV, AZURE_CODE, MOONCAKE).flatMap(trace -> PolicyLoader
                .load(List.of("policies")).policies().stream()
                .map(p -> Arguments.of(trace, p, p.meta().name())));
    }

    public static boolean available() {
        return Files.isDirectory(DIR);
    }

    /** Arrival times in milliseconds since the trace's first minute began, in file order. */
    public static long[] arrivalsMs(String trace) {
        return requests(trace).stream().mapToLong(Request::atMs).toArray();
    }

    /** The trace's requests with their tokens, in file order. */
    public static List<Request> requests(String trace) {
        try (Stream<String> lines = Files.lines(DIR.resolve(trace))) {
            List<String> rows = lines.filter(l -> !l.isBlank()).toList();
            boolean mooncake = trace.endsWith(".jsonl");
            List<String> data = mooncake ? rows : rows.subList(1, rows.size());
            long[] ms = mooncake ? mooncake(data) : azure(data);
            long first = Long.MAX_VALUE;
            for (long t : ms) {
                first = Math.min(first, t);
            }
            long origin = Math.floorDiv(first, 60_000) * 60_000;
            List<Request> out = new java.util.ArrayList<>(ms.length);
            for (int i = 0; i < ms.length; i++) {
                String row = data.get(i);
                long prompt;
                long generated;
                if (mooncake) {
                    prompt = field(MOONCAKE_INPUT, row, i);
                    generated = field(MOONCAKE_OUTPUT, row, i);
                } else {
                    String[] cells = row.split(",");
                    prompt = Long.parseLong(cells[1].trim());
                    generated = Long.parseLong(cells[2].trim());
                }
                out.add(new Request(ms[i] - origin, prompt, generated));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prompt ([0]) and generated ([1]) tokens per interval of {@code stepSeconds}, as {@link #perInterval}. */
    public static double[][] tokensPerInterval(String trace, int stepSeconds) {
        List<Request> requests = requests(trace);
        long last = requests.stream().mapToLong(Request::atMs).max().orElse(0);
        int n = (int) (last / (stepSeconds * 1000L)) + 1;
        double[][] out = new double[2][n];
        for (Request r : requests) {
            int i = (int) (r.atMs() / (stepSeconds * 1000L));
            out[0][i] += r.promptTokens();
            out[1][i] += r.generatedTokens();
        }
        return out;
    }

    private static long field(Pattern p, String row, int index) {
        Matcher m = p.matcher(row);
        if (!m.find()) {
            throw new IllegalArgumentException(MOONCAKE + " line " + (index + 1) + ": no " + p.pattern());
        }
        return Long.parseLong(m.group(1));
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
