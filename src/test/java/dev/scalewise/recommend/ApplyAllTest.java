package dev.scalewise.recommend;

import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySet;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.recommend.Recommendation.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@link ManifestEditor#applyAll} (one parse per document) writes exactly the text that applying the same
 * recommendations one by one to the whole file writes ({@link ManifestEditor#apply}), whatever stands
 * between the documents.
 */
class ApplyAllTest {

    /**
     * A fleet file as people write it: a comment before the first document, a document ended by "...",
     * an empty document, "---" with a comment after it, and a scheduled policy whose base is the HPA
     * before it (so two recommendations edit one document, the later winning).
     */
    static final String FLEET = """
            # fleet policies
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: a}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: a}
              minReplicas: 2
              maxReplicas: 10
              metrics:
                - type: Pods
                  pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "5"}}
            ...
            ---
            --- # the second service
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: b}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: b}
              minReplicas: 1
              maxReplicas: 8
              metrics:
                - type: Pods
                  pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "3"}}
            ---
            apiVersion: scalewise.dev/v1alpha1
            kind: ScheduledScaling
            metadata: {name: b-scheduled}
            spec:
              timeZone: UTC
              basePolicy: {name: b}
              windows: [{name: day, cron: "0 8 * * *", duration: 10h, replicas: 4}]
            """;

    @Test
    void everyExampleFileWithEveryPolicyMovedGivesTheOneByOneText(@TempDir Path dir) throws IOException {
        EmitRoundTripTest.copyExamples(dir);
        PolicySet set = PolicyLoader.load(List.of(dir.toString()));
        Map<String, List<Recommendation>> byFile = new LinkedHashMap<>();
        for (PolicySpec p : set.policies()) {
            Recommendation r = moved(p, set, 0);
            byFile.computeIfAbsent(r.manifestFile(), f -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Recommendation>> e : byFile.entrySet()) {
            String text = Files.readString(Path.of(e.getKey()));
            String oneByOne = oneByOne(text, e.getKey(), e.getValue());
            assertNotEquals(text, oneByOne, e.getKey());
            assertEquals(oneByOne, ManifestEditor.applyAll(text, e.getKey(), e.getValue()), e.getKey());
        }
    }

    @Test
    void documentsSeparatedEveryWayYamlAllows(@TempDir Path dir) throws IOException {
        assertEquals(4, YamlNodes.documentTexts(FLEET).size());
        assertEquals(FLEET, String.join("", YamlNodes.documentTexts(FLEET)));
        assertEveryPolicyMovedGivesTheOneByOneText(dir, FLEET);
    }

    /** A %YAML directive belongs to the document after it: no split, the one-by-one path, the same text. */
    @Test
    void aDirectiveIsNotSplitFromItsDocument(@TempDir Path dir) throws IOException {
        String text = "%YAML 1.1\n---\n" + FLEET;
        assertEquals(List.of(), YamlNodes.documentTexts(text));
        assertEveryPolicyMovedGivesTheOneByOneText(dir, text);
    }

    /** {@code text} as a file of {@code dir}; every policy in it moved (alternating ends), both ways. */
    private static void assertEveryPolicyMovedGivesTheOneByOneText(Path dir, String text) throws IOException {
        Path file = dir.resolve("fleet.yaml");
        Files.writeString(file, text);
        PolicySet set = PolicyLoader.load(List.of(dir.toString()));
        List<Recommendation> recs = new ArrayList<>();
        for (int i = 0; i < set.policies().size(); i++) {
            recs.add(moved(set.policies().get(i), set, i));
        }
        String oneByOne = oneByOne(text, file.toString(), recs);
        assertNotEquals(text, oneByOne);
        assertEquals(oneByOne, ManifestEditor.applyAll(text, file.toString(), recs));
    }

    /** Every knob moved as {@link EmitRoundTripTest} moves it, or to the other end on odd rounds. */
    private static Recommendation moved(PolicySpec p, PolicySet set, int round) {
        RecommendOptions opts = RecommendOptions.defaults().withMaxFloor(Recommender.maxFloorFor(p, set.policies()));
        Tuner t = Tuners.of(p, EmitRoundTripTest.MODEL, Fixtures.spec(false), EmitRoundTripTest.TRAIN, opts);
        double[] v = EmitRoundTripTest.moveEveryKnob(t);
        if (round % 2 == 1) {
            for (int i = 0; i < v.length; i++) {
                Knob k = t.knobs.get(i);
                v[i] = v[i] == k.value(0) ? k.value(k.size() - 1) : k.value(0);
            }
        }
        return new Recommendation("svc", p.meta().name(), t.manifestKind(), t.manifestName(), t.manifestFile(),
                Status.RECOMMENDED, "test", t.changes(v), "", Optional.empty());
    }

    private static String oneByOne(String text, String file, List<Recommendation> recs) {
        String out = text;
        for (Recommendation r : recs) {
            out = ManifestEditor.apply(out, file, r);
        }
        return out;
    }
}
