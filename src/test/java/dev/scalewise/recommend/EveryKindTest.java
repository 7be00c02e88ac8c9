package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.recommend.Recommendation.Status;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end for every example policy (every kind): recommend on a diurnal service that none of them is
 * tuned for, then, when the recommendation stands, emit it and load it back with exactly its values.
 * A service that is not latency-critical has floor 0: scale-to-zero kinds may recommend min 0. Every changed
 * knob says why (KnobReasons).
 */
class EveryKindTest {
    static final ServiceHistory HISTORY = RecommenderPropertiesTest.diurnal(11, 30, 4);

    static Stream<String> policies() {
        return EmitRoundTripTest.policies();
    }

    @ParameterizedTest
    @MethodSource("policies")
    void recommendsAndEmitsForEveryKind(String name, @TempDir Path dir) throws IOException {
        EmitRoundTripTest.copyExamples(dir);
        List<PolicySpec> set = PolicyLoader.load(List.of(dir.toString())).policies();
        PolicySpec policy = EmitRoundTripTest.named(PolicyLoader.load(List.of(dir.toString())), name);
        // a base policy of a schedule keeps a max above the schedule's windows (llm-chat: 8)
        RecommendOptions opts = RecommendOptions.defaults().withMaxFloor(Recommender.maxFloorFor(policy, set));
        Recommendation r = Recommender.recommend(Split.of(HISTORY, 0.25), EmitRoundTripTest.MODEL, Fixtures.spec(false),
                policy, opts);
        assertNotEquals(Status.CANNOT_RECOMMEND, r.status());
        assertTrue(r.evidence().orElseThrow().candidatesEvaluated() > 1, name);
        if (r.status() != Status.RECOMMENDED) {
            assertTrue(r.changes().isEmpty());
            return;
        }
        assertTrue(r.evidence().orElseThrow().holdout().recommended().meetsSlo());
        for (KnobChange k : r.changes()) {
            assertFalse(k.why().isEmpty(), name + ": " + k.name() + " changes without a reason");
        }
        EmitRoundTripTest.applyToTheFileHoldingIt(dir, r);
        PolicySpec reread = EmitRoundTripTest.named(PolicyLoader.load(List.of(dir.toString())), name);
        Tuner again = Tuners.of(reread, EmitRoundTripTest.MODEL, Fixtures.spec(false), Split.of(HISTORY, 0.25).train(), opts);
        for (KnobChange k : r.knobs()) {
            double loaded = k.name().equals("maxReplicas") ? reread.maxReplicas()
                    : again.knobs.stream().filter(x -> x.name().equals(k.name())).findFirst().orElseThrow().current();
            assertEquals(k.recommended(), loaded, 1e-9, name + " " + k.name());
        }
    }
}
