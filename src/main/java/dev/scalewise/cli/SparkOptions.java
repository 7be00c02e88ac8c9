package dev.scalewise.cli;

import dev.scalewise.jobs.SparkSessions;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The Spark flags every data command shares (picocli mixin). */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (e.g. yarn, spark://host:7077, k8s://...); default: embedded local[*].")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "Spark configuration, repeatable (e.g. --conf spark.executor.memory=4g).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "Show Spark's own logging (INFO) and stack traces of internal errors.")
    boolean verbose;

    public SparkSessions.Settings settings() {
        return new SparkSessions.Settings(Optional.ofNullable(master), conf, verbose);
    }
}
