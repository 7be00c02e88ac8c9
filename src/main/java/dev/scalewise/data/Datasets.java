package dev.scalewise.data;

import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The data contract's schemas, shipped in the jar under schemas/ (the repository's schemas/ directory). */
public final class Datasets {
    /** Input datasets, in the order the reader loads them. */
    public static final List<String> INPUTS = List.of("requests", "latency", "gpu", "billing");

    private Datasets() {
    }

    /** Result datasets the jobs write. */
    public static final List<String> RESULTS = List.of("backtest_result", "backtest_problem", "calibration");

    /** Every schema the jar ships, inputs first. */
    public static List<String> schemaNames() {
        return java.util.stream.Stream.concat(INPUTS.stream(), RESULTS.stream()).toList();
    }

    public static String schemaText(String name) {
        try (InputStream in = Datasets.class.getResourceAsStream("/schemas/" + name + ".avsc")) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Schema schema(String name) {
        return new Schema.Parser().parse(schemaText(name));
    }
}
