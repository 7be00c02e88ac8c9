package dev.scalewise.recommend;

import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.recommend.Recommendation.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24: `recommend --emit yaml` round-trips every format the cloud kinds are read from. Each knob is
 * moved, the recommendation written into the real-shaped file, the file read back with exactly the moved
 * values; then the opposite recommendation restores the original bytes (every other byte was kept), up to
 * how a whole number is written.
 */
class CloudEmitRoundTripTest {
    private static final String FIXTURES = "src/test/resources/fixtures/";

    @ParameterizedTest
    @ValueSource(strings = {"aws/cloudformation.yaml", "aws/cloudformation.json", "aws/terraform-plan.json",
            "aws/terraform.tfstate", "aws/describe.json", "aws/lambda-cloudformation.json",
            "aws/lambda-terraform-plan.json", "aws/lambda-terraform.tfstate", "aws/lambda-describe.json", "aws/sagemaker.tf.json",
            "gcp/cloud-run-service.yaml"})
    void everyKnobIsWrittenBackIntoTheSameFormatKeepingEveryOtherByte(String fixture, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(Path.of(fixture).getFileName());
        String original = Files.readString(Path.of(FIXTURES + fixture));
        Files.writeString(file, original);
        PolicySpec policy = only(file);
        Tuner tuner = tuner(policy);
        assertTrue(tuner.knobs.size() >= 2, fixture + ": " + tuner.knobs);
        double[] moved = EmitRoundTripTest.moveEveryKnob(tuner);
        Recommendation r = recommendation(tuner, tuner.changes(moved));
        assertEquals(tuner.knobs.size() + (tuner.maxKnob.isPresent() ? 1 : 0), r.changes().size(), fixture + " moves every knob");

        String edited = ManifestEditor.apply(original, file.toString(), r);
        Files.writeString(file, edited);
        Tuner reloaded = tuner(only(file));
        for (int i = 0; i < tuner.knobs.size(); i++) {
            assertEquals(moved[i], reloaded.knobs.get(i).current(), 1e-9, fixture + " " + tuner.knobs.get(i).name());
        }
        assertEquals(tuner.maxFor(moved), reloaded.current.maxReplicas(), fixture + " maxReplicas");

        List<KnobChange> back = r.changes().stream().map(k -> new KnobChange(k.name(), k.path(), k.aliases(),
                k.recommended(), k.current(), k.format())).toList();
        // the editor writes 70 where the file had 70.0: the same number, the only other difference allowed
        assertEquals(wholeNumbers(original), wholeNumbers(ManifestEditor.apply(edited, file.toString(),
                recommendation(tuner, back))), fixture);
    }

    @Test
    void aCooldownMissingFromAJsonTemplateIsInsertedAsJsonOnALineOfItsOwn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cloudformation.json");
        String original = Files.readString(Path.of(FIXTURES + "aws/cloudformation.json"))
                .replace("          \"ScaleInCooldown\": 600,\n", "");
        Files.writeString(file, original);
        Tuner tuner = tuner(only(file));
        Knob in = tuner.knobs.stream().filter(k -> k.name().equals("scaleInCooldownSeconds")).findFirst().orElseThrow();
        assertEquals(300, in.current(), "AWS's default for SageMaker");
        String edited = ManifestEditor.apply(original, file.toString(), recommendation(tuner, List.of(in.change(900))));
        assertEquals(original.replace("\"ScaleOutCooldown\": 60\n", "\"ScaleOutCooldown\": 60,\n          \"ScaleInCooldown\": 900\n"),
                edited);
        Files.writeString(file, edited);
        assertEquals(900, tuner(only(file)).knobs.stream().filter(k -> k.name().equals("scaleInCooldownSeconds"))
                .findFirst().orElseThrow().current());
    }

    /**
     * A Lambda function's utilization target is searched as the busy share of a provisioned environment at each
     * searched fraction of capacity: fractions within (0, 1], never a percent or a request rate.
     */
    @Test
    void aProvisionedConcurrencyTargetIsSearchedAsAFraction() {
        Tuner tuner = tuner(only(Path.of(FIXTURES + "aws/lambda-describe.json")));
        Knob target = tuner.knobs.stream().filter(k -> k.name().equals("targetValue")).findFirst().orElseThrow();
        assertEquals(0.7, target.current());
        assertTrue(target.values().length >= 5, java.util.Arrays.toString(target.values()));
        for (double v : target.values()) {
            assertTrue(v > 0 && v <= 1, "candidate " + v + " of " + java.util.Arrays.toString(target.values()));
        }
    }

    /** How many instances the step policy adds when leaving zero is searched, and replayed as moved. */
    @Test
    void theStepPolicysScaleOutAdjustmentIsAKnob() {
        Tuner tuner = tuner(only(Path.of(FIXTURES + "aws/describe.json")));
        int i = java.util.stream.IntStream.range(0, tuner.knobs.size())
                .filter(k -> tuner.knobs.get(k).name().equals("stepScalingAdjustment")).findFirst().orElseThrow();
        Knob k = tuner.knobs.get(i);
        assertEquals(1, k.current());
        assertEquals("ScalingPolicies[1].StepScalingPolicyConfiguration.StepAdjustments[0].ScalingAdjustment", k.path());
        double[] v = tuner.values(tuner.currentPoint());
        v[i] = 4;
        dev.scalewise.policy.AppAutoScalingPolicy moved = (dev.scalewise.policy.AppAutoScalingPolicy) tuner.apply(v);
        assertEquals(4, moved.stepScaling().get(0).steps().get(0).scalingAdjustment());
        assertEquals(0, moved.stepScaling().get(0).steps().get(0).lowerBound());
    }

    /** A candidate bills as its platform bills the current policy: the tuners carry the app's plan and the instance's shape. */
    @Test
    void theCandidatesKeepHowTheirPlatformBills() {
        dev.scalewise.policy.KedaPolicy app = (dev.scalewise.policy.KedaPolicy) only(Path.of("policies/azure-container-app-llm-chat.yaml"));
        Tuner apps = tuner(app);
        dev.scalewise.policy.KedaPolicy movedApp = (dev.scalewise.policy.KedaPolicy) apps.apply(EmitRoundTripTest.moveEveryKnob(apps));
        assertTrue(movedApp.containerApp().isPresent());
        assertEquals(app.containerApp(), movedApp.containerApp());
        dev.scalewise.policy.CloudRunPolicy run = (dev.scalewise.policy.CloudRunPolicy) only(Path.of(FIXTURES + "gcp/cloud-run-service.yaml"));
        Tuner runs = tuner(run);
        assertEquals(run.shape(), ((dev.scalewise.policy.CloudRunPolicy) runs.apply(EmitRoundTripTest.moveEveryKnob(runs))).shape());
    }

    private static String wholeNumbers(String text) {
        return text.replaceAll("(\\d)\\.0\\b", "$1");
    }

    private static PolicySpec only(Path file) {
        List<PolicySpec> all = PolicyLoader.load(List.of(file.toString())).policies();
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static Tuner tuner(PolicySpec p) {
        return Tuners.of(p, EmitRoundTripTest.MODEL, Fixtures.spec(false), EmitRoundTripTest.TRAIN, RecommendOptions.defaults());
    }

    private static Recommendation recommendation(Tuner t, List<KnobChange> knobs) {
        return new Recommendation("llm-chat", t.current.meta().name(), t.manifestKind(), t.manifestName(), t.manifestFile(),
                Status.RECOMMENDED, "test", knobs, "", Optional.empty());
    }
}
