package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.KubeVersion;
import dev.scalewise.lint.LintConfig;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Linter;
import dev.scalewise.lint.RuleRegistry;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.PolicySet;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.yaml.SafeYaml;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22: our own lint holds for our own advice. For every example policy and randomized services
 * (startup, SLO threshold, latency-critical flag, traffic), whatever the recommender emits is linted with
 * the service's services.yaml entry: no finding of a rule about a knob it changed, and no finding the
 * manifest did not already have. The search is constrained (LintBounds), the rules are not suppressed.
 */
class LintHoldsForAdviceTest {
    /** The lint rules that judge each knob the recommender writes (docs/rules). */
    static final Map<String, Set<String>> RULES_OF_KNOB = Map.ofEntries(
            Map.entry("minReplicas", Set.of("SW101", "SW102", "SW103", "SW110", "SW116", "SW201", "SW202", "SW204",
                    "SW302", "SW402", "SW502", "SW504", "SW601")),
            Map.entry("maxReplicas", Set.of("SW101", "SW102", "SW104", "SW201")),
            Map.entry("target", Set.of("SW112", "SW301")),
            Map.entry("scaleDownStabilizationSeconds", Set.of("SW111", "SW203")),
            Map.entry("cooldownPeriodSeconds", Set.of("SW203")),
            Map.entry("stableWindowSeconds", Set.of("SW303")),
            Map.entry("scaleDownDelaySeconds", Set.of("SW303")),
            Map.entry("scaleInCooldownSeconds", Set.of("SW501")));
    static final int SERVICES_PER_POLICY = 3;

    static Stream<Arguments> cases() {
        return EmitRoundTripTest.policies().flatMap(name -> LongStream.range(0, SERVICES_PER_POLICY)
                .mapToObj(seed -> Arguments.of(name, seed * 7919 + name.hashCode())));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void emittedManifestsLintCleanForTheKnobsTheyChange(String name, long seed, @TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double startup = new double[] {20, 75, 150, 330, 700}[random.nextInt(5)];
        Slo slo = new Slo(Slo.Percentile.P95, new double[] {250, 600, 1500}[random.nextInt(3)], 0.99);
        boolean latencyCritical = random.nextBoolean();
        ServiceHistory history = RecommenderPropertiesTest.diurnal(random.nextLong(), random.nextDouble(8, 150), 6);
        ServiceModel model = ServiceModel.stated("svc", Fixtures.CURVE, slo, startup, Fixtures.PRICE);
        ServiceSpec spec = new ServiceSpec("svc", slo, OptionalDouble.of(startup), OptionalDouble.of(Fixtures.PRICE),
                latencyCritical);
        String what = name + " (startup " + startup + " s, SLO " + slo.thresholdMs() + " ms, latency-critical "
                + latencyCritical + ")";

        EmitRoundTripTest.copyExamples(dir);
        PolicySet set = PolicyLoader.load(List.of(dir.toString()));
        PolicySpec policy = EmitRoundTripTest.named(set, name);
        RecommendOptions opts = RecommendOptions.defaults().withMaxFloor(Recommender.maxFloorFor(policy, set.policies()));
        Recommendation r = Recommender.recommend(Split.of(history, 0.25), model, spec, policy, opts);
        if (r.changes().isEmpty()) {
            return;
        }
        Map<String, ServiceSpec> services = set.policies().stream().map(p -> p.meta().service()).distinct()
                .collect(Collectors.toMap(s -> s, s -> new ServiceSpec(s, slo, spec.startupSeconds(),
                        spec.pricePerReplicaHour(), latencyCritical), (a, b) -> a, TreeMap::new));
        Path file = Path.of(r.manifestFile());
        String before = Files.readString(file);
        Path edited = EmitRoundTripTest.applyToTheFileHoldingIt(dir, r);
        String after = Files.readString(edited);

        Set<String> changedRules = new HashSet<>();
        r.changes().forEach(k -> changedRules.addAll(RULES_OF_KNOB.getOrDefault(k.name(), Set.of())));
        Set<String> had = lint(before, services).stream().map(LintHoldsForAdviceTest::key).collect(Collectors.toSet());
        for (Finding f : lint(after, services)) {
            assertTrue(!changedRules.contains(f.ruleId()), what + ": " + f.ruleId() + " on a changed knob: " + f.message()
                    + "\nchanges " + r.changes());
            assertTrue(had.contains(key(f)), what + ": a finding the manifest did not have: " + f.ruleId() + " "
                    + f.message() + "\nchanges " + r.changes());
        }
    }

    static List<Finding> lint(String yaml, Map<String, ServiceSpec> services) {
        LintContext ctx = new LintContext(SafeYaml.parse("m.yaml", yaml.getBytes(StandardCharsets.UTF_8)),
                LintConfig.DEFAULT, KubeVersion.DEFAULT, Optional.of(services), PolicyReader::read);
        return new Linter(RuleRegistry.standard()).run(ctx, List.of("m.yaml"), Optional.empty()).findings();
    }

    private static String key(Finding f) {
        return f.ruleId() + " " + f.object().kind() + "/" + f.object().name();
    }
}
