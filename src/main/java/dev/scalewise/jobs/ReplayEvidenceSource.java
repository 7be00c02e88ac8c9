package dev.scalewise.jobs;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.lint.EvidenceSource;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.lint.ReplayedEvidence;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Evidence for `lint --data DIR`: reads the exports with Spark, brings the histories of the services the
 * linted policies serve to the driver (a change touches a few services, never the fleet), and replays
 * each policy over the last days.
 */
public final class ReplayEvidenceSource implements EvidenceSource {
    private final SparkSessions.Settings spark;
    private final String dataDir;
    private final int days;
    private final int stepSeconds;
    private final String costTag;
    private final Consumer<String> notes;

    public ReplayEvidenceSource(SparkSessions.Settings spark, String dataDir, int days, int stepSeconds, String costTag,
                                Consumer<String> notes) {
        this.spark = spark;
        this.dataDir = dataDir;
        this.days = days;
        this.stepSeconds = stepSeconds;
        this.costTag = costTag;
        this.notes = notes;
    }

    @Override
    public List<PolicyEvidence> evidence(LintContext ctx) {
        Map<Manifest, PolicySpec> policies = ctx.policies();
        Set<String> services = new LinkedHashSet<>();
        policies.values().forEach(p -> services.add(p.meta().service()));
        if (services.isEmpty()) {
            return List.of();
        }
        HistoryJob.Result read;
        try (SparkSessions.Handle session = SparkSessions.open(spark)) {
            read = HistoryJob.histories(session, dataDir, services, Optional.empty(), Optional.empty(),
                    stepSeconds, costTag);
        }
        read.quality().lines().forEach(notes);
        List<PolicyEvidence> out = new ArrayList<>();
        policies.forEach((m, p) -> {
            String service = p.meta().service();
            ServiceHistory h = read.histories().get(service);
            if (h == null) {
                notes.accept(m.location() + ": no data for service '" + service + "' under " + dataDir
                        + "; evidence rules skip " + m);
                return;
            }
            ServiceSpec spec = ctx.service(service).orElse(ServiceSpec.defaults(service));
            Optional<PolicyEvidence> e = ReplayedEvidence.of(m, p, spec, h, days);
            if (e.isEmpty()) {
                notes.accept(m.location() + ": service '" + service + "' cannot be replayed (capacity or price"
                        + " unknown); evidence rules skip " + m);
            }
            e.ifPresent(out::add);
        });
        return out;
    }
}
