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

    /** The files read and checked (a bad one stops here, before Spark starts), with at least one policy. */
    PolicyBundle bundle() {
        PolicyBundle bundle = PolicyBundle.read(policies, Optional.ofNullable(services));
        if (bundle.policySet().policies().isEmpty()) {
            throw new UserError("no autoscaling policy found in " + String.join(" ", policies));
        }
        return bundle;
    }
}
