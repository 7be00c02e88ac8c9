package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.data.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** Prints the data contract. Starts no Spark. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Prints the data contract: the Avro schema of a dataset, or all of them.",
        footer = {"", "Examples:", "  scalewise schema", "  scalewise schema billing"})
final class SchemaCommand implements Runnable, SparkFree {
    @Parameters(arity = "0..1", paramLabel = "NAME",
            description = "requests, latency, gpu, billing, or a result schema; all when omitted.")
    String name;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            for (String n : Datasets.schemaNames()) {
                out.println("# " + n);
                out.println(Datasets.schemaText(n));
            }
        } else if (Datasets.schemaNames().contains(name)) {
            out.println(Datasets.schemaText(name));
        } else {
            throw new UserError("unknown schema '" + name + "'; expected one of " + Datasets.schemaNames());
        }
        out.flush();
    }
}
