package dev.scalewise.cli;

import dev.scalewise.jobs.SparkSessions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The Spark flags every data command shares (picocli mixin). */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (e.g. yarn, spark://host:7077, k8s://...); default: embedded local[*]. "
                    + "On a cluster the CLI ships its own jar to the executors (docs/cluster.md).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "Spark configuration, repeatable (e.g. --conf spark.executor.memory=4g).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "Show Spark's own logging (INFO; otherwise errors, and warnings on a cluster) "
                    + "and stack traces of internal errors.")
    boolean verbose;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public SparkSessions.Settings settings() {
        return new SparkSessions.Settings(Optional.ofNullable(master), conf, verbose, command.qualifiedName());
    }
}
