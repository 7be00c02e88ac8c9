package dev.scalewise.recommend;

import dev.scalewise.UserError;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Confidence;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.SignalCurve;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySet;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.recommend.Recommendation.Status;
import dev.scalewise.yaml.YamlPath;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every example policy in policies/ (HPA with and without behavior, KEDA, KServe, Knative, Ray Serve,
 * scheduled, predictive, AWS Application Auto Scaling, Cloud Run): move every knob to another candidate value, emit the manifest, load the whole
 * set back through the policy loader, and find exactly the moved values; a line diff touches only
 * lines of the moved fields (and the parents created for them).
 */
class EmitRoundTripTest {
    static final ServiceHistory TRAIN = Fixtures.history(3, 3, m -> 20 + 30 * ((m / 60) % 2));
    static final ServiceModel MODEL = Fixtures.model()
            .withGpuUtil(new SignalCurve("gpu_util", 0.05, 0.045, 0, 1, 100, Confidence.HIGH, "test"));

    static Stream<String> policies() {
        return PolicyLoader.load(List.of("policies")).policies().stream().map(p -> p.meta().name());
    }

    @ParameterizedTest
    @MethodSource("policies")
    void emittedManifestLoadsBackWithExactlyTheRecommendedValues(String name, @TempDir Path dir) throws IOException {
        copyExamples(dir);
        PolicySet set = PolicyLoader.load(List.of(dir.toString()));
        PolicySpec policy = named(set, name);
        // a scheduled window raising this policy's floor bounds its max from below, as the job does
        RecommendOptions opts = RecommendOptions.defaults().withMaxFloor(Recommender.maxFloorFor(policy, set.policies()));
        Tuner tuner = Tuners.of(policy, MODEL, Fixtures.spec(false), TRAIN, opts);
        double[] moved = moveEveryKnob(tuner);
        List<KnobChange> knobs = tuner.changes(moved);
        Recommendation r = new Recommendation("svc", name, tuner.manifestKind(), tuner.manifestName(), tuner.manifestFile(),
                Status.RECOMMENDED,
                "test", knobs, "", Optional.empty());
        assertFalse(r.changes().isEmpty(), "nothing to move for " + name);

        Path file = applyToTheFileHoldingIt(dir, r);
        assertEquals(file.toString(), r.manifestFile(), "the recommendation names the file to edit");

        Tuner reloaded = Tuners.of(named(PolicyLoader.load(List.of(dir.toString())), name), MODEL, Fixtures.spec(false),
                TRAIN, opts);
        for (int i = 0; i < tuner.knobs.size(); i++) {
            assertEquals(moved[i], reloaded.knobs.get(i).current(), 1e-9, name + " " + tuner.knobs.get(i).name());
        }
        reloaded.maxKnob.ifPresent(k -> assertEquals(tuner.maxFor(moved), k.current(), name + " maxReplicas"));
        assertOnlyFieldsChanged(Files.readString(Path.of("policies").resolve(file.getFileName())), Files.readString(file),
                r.changes());
    }

    /** Each knob to the candidate farthest from its current value (so it surely changes when it can). */
    static double[] moveEveryKnob(Tuner t) {
        double[] v = new double[t.knobs.size()];
        for (int i = 0; i < v.length; i++) {
            Knob k = t.knobs.get(i);
            double first = k.value(0);
            double last = k.value(k.size() - 1);
            v[i] = Math.abs(last - k.current()) >= Math.abs(first - k.current()) ? last : first;
        }
        return v;
    }

    static void copyExamples(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("policies"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }

    static PolicySpec named(PolicySet set, String name) {
        return set.policies().stream().filter(p -> p.meta().name().equals(name)).findFirst().orElseThrow();
    }

    static Path applyToTheFileHoldingIt(Path dir, Recommendation r) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f);
                try {
                    Files.writeString(f, ManifestEditor.apply(text, f.toString(), r));
                    return f;
                } catch (UserError notThisFile) {
                    // the manifest lives in another file
                }
            }
        }
        throw new AssertionError("no file holds " + r.kind() + " " + r.manifest());
    }

    /** Lines outside the longest common subsequence must each name a key of a changed path. */
    static void assertOnlyFieldsChanged(String before, String after, List<KnobChange> changes) {
        Set<String> keys = new HashSet<>();
        for (KnobChange c : changes) {
            for (YamlPath.Segment s : YamlPath.parse(c.path()).segments()) {
                if (s instanceof YamlPath.Key k) {
                    keys.add(k.name());
                }
            }
            c.aliases().forEach(a -> keys.add(a.substring(a.lastIndexOf('.') + 1).replaceAll("[\\[\\]\"]", "")));
        }
        for (String line : diff(before.split("\n", -1), after.split("\n", -1))) {
            assertTrue(keys.stream().anyMatch(line::contains), "unexpected changed line: " + line);
        }
    }

    static List<String> diff(String[] a, String[] b) {
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add(b[j++]);
            } else {
                out.add(a[i++]);
            }
        }
        return out;
    }
}
