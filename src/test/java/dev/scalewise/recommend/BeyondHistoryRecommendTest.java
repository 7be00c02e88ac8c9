package dev.scalewise.recommend;

import dev.scalewise.sim.Outcome;
import dev.scalewise.testkit.GenAiTrace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 item 2: where the capacity is only a lower bound (the real GenAI trace), {@code recommend} never
 * recommends a setting that runs above the busiest load per replica history shows; it says the cut is not
 * identifiable instead. Before issue 17 it recommended 2 replicas for a ~110-replica fleet (98 % "savings")
 * on a capacity extrapolated to 1e13 rps.
 */
class BeyondHistoryRecommendTest {
    @Test
    void noCutRestsOnLoadNobodyObserved() {
        Recommendation r = Recommender.recommend(GenAiTrace.history(60), GenAiTrace.spec(""), GenAiTrace.gpuHpa(),
                RecommendOptions.defaults());
        Recommendation.Evidence e = r.evidence().orElseThrow();
        Outcome train = e.train().recommended();
        assertAll(r.reason(),
                () -> assertTrue(r.status() != Recommendation.Status.RECOMMENDED
                        || (train.aboveObservedMinutes() == 0 && e.holdout().recommended().aboveObservedMinutes() == 0)),
                () -> assertTrue(e.train().current().aboveObservedMinutes() > 0, "the current GPU target runs beyond"),
                () -> assertNotEquals("trusted", e.calibration().trust().label()),
                () -> assertTrue(train.maxReplicas() > 20, "not a cut to a handful of replicas: " + train.maxReplicas()),
                () -> assertTrue(r.status() != Recommendation.Status.RECOMMENDED
                        || r.explanation().contains("is set by what the load history shows"), r.explanation()),
                () -> assertFalse(r.explanation().contains(" 1 minutes"), r.explanation()));
    }

    /** With the capacity stated, the same search may go where the load test went. */
    @Test
    void aStatedCapacityLiftsTheRestriction() {
        Recommendation r = Recommender.recommend(GenAiTrace.history(60), GenAiTrace.spec(GenAiTrace.LOAD_TESTS),
                GenAiTrace.gpuHpa(), RecommendOptions.defaults());
        assertEquals("stated", r.evidence().orElseThrow().calibration().model().capacityPerReplica().basis().label());
        assertTrue(!r.reason().contains("not identifiable"), r.reason());
    }
}
