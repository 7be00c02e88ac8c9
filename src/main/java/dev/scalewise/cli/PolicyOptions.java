package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.jobs.PolicyBundle;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/** The policy inputs of `backtest` and `recommend` (picocli mixin). */
final class PolicyOptions {
    @Option(names = "--policies", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Policy manifests: files, directories (recursive *.yaml) or - for stdin.")
    List<String> policies;

    @Option(names = "--services", paramLabel = "FILE",
            description = "services.yaml (SLOs, startup, price); default: services files among --policies.")
    String services;

    /**
     * The files read (an unreadable one stops here, before Spark starts); they are parsed on another
     * thread while the command starts Spark, and {@link #check} waits for that.
     */
    PolicyBundle bundle() {
        return PolicyBundle.read(policies, Optional.ofNullable(services));
    }

    /** Waits for the parse: a bad file, or no policy at all, stops the command here, before any data is read. */
    PolicyBundle check(PolicyBundle bundle) {
        if (bundle.policySet().policies().isEmpty()) {
            throw new UserError("no autoscaling policy found in " + String.join(" ", policies));
        }
        return bundle;
    }
}
