package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.sim.ReplayResult;
import dev.scalewise.sim.StopRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The premise on which {@link Search} lends a replay to a point that differs only in maxReplicas' headroom
 * ({@link ReplayResult#mostAsked}): a replay that never reached its maxReplicas, nor the other point's, is
 * that point's replay too, bit for bit. Checked on every example policy (every kind) whose space has the
 * headroom dimension, over demand that reaches the bounds and demand that does not, starting below and
 * above maxReplicas, run to the end and cut short.
 */
class MaxThatNeverBindsTest {
    private static final List<StopRule> RULES = List.of(StopRule.NEVER, new StopRule(1.0, Long.MAX_VALUE));

    @Test
    void aReplayThatNeverReachedEitherMaxIsTheOtherPointsReplay() {
        List<ServiceHistory> histories = List.of(Fixtures.history(3, 1, m -> 3 + 2 * Math.sin(m / 200.0)),
                RecommenderPropertiesTest.diurnal(4, 2, 3),
                RecommenderPropertiesTest.diurnal(1, 12, 3),
                RecommenderPropertiesTest.diurnal(2, 60, 3), RecommenderPropertiesTest.diurnal(3, 200, 3),
                Fixtures.history(3, 40, m -> (m % 1440) < 600 ? 20 : 90));
        Map<String, int[]> lentAndNot = new TreeMap<>();
        List<PolicySpec> examples = PolicyLoader.load(List.of("policies")).policies();
        for (PolicySpec policy : examples) {
            for (ServiceHistory h : histories) {
                Tuner tuner = Tuners.of(policy, EmitRoundTripTest.MODEL, Fixtures.spec(false), h,
                        RecommendOptions.defaults().withMaxFloor(Recommender.maxFloorFor(policy, examples)));
                int room = tuner.headroomIndex();
                if (room == Tuner.NONE) {
                    continue;
                }
                for (int[] p : points(tuner)) {
                    for (StopRule rule : RULES) {
                        List<PolicySpec> policies = new ArrayList<>();
                        List<ReplayResult> runs = new ArrayList<>();
                        for (int r = 0; r < tuner.size(room); r++) {
                            PolicySpec at = tuner.apply(tuner.values(Search.with(p, room, r)));
                            policies.add(at);
                            runs.add(Recommender.periodReplay(h, EmitRoundTripTest.MODEL, Fixtures.spec(false))
                                    .run(at, rule));
                        }
                        int[] counts = lentAndNot.computeIfAbsent(policy.kind().name(), k -> new int[2]);
                        for (int a = 0; a < runs.size(); a++) {
                            for (int b = 0; b < runs.size(); b++) {
                                int ownMax = policies.get(a).maxReplicas();
                                int otherMax = policies.get(b).maxReplicas();
                                if (a == b || ownMax == otherMax) {
                                    continue;
                                }
                                if (runs.get(a).sameUnderMax(ownMax, otherMax)) {
                                    String what = policy.meta().name() + " max " + ownMax + " for " + otherMax + " under " + rule;
                                    assertEquals(runs.get(b).total(), runs.get(a).total(), what);
                                    assertEquals(runs.get(b).cutShort(), runs.get(a).cutShort(), what);
                                    assertEquals(runs.get(b).mostAsked(), runs.get(a).mostAsked(), what);
                                    counts[0]++;
                                } else {
                                    counts[1]++;
                                }
                            }
                        }
                    }
                }
            }
        }
        // the Ray Serve, Cloud Run and scheduled examples ask for their derived max in every history here
        // (idle retention, windows at the max floor): never lent, the safe side
        long kindsLent = lentAndNot.values().stream().filter(c -> c[0] > 0).count();
        long kindsNot = lentAndNot.values().stream().filter(c -> c[1] > 0).count();
        assertTrue(kindsLent >= 5 && kindsNot >= 5, "pairs lent and not, per kind: " + lentAndNot.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).toList());
    }

    /** The current point and the target with the least headroom (max binds most there), min as it is and lowest. */
    private static List<int[]> points(Tuner tuner) {
        int[] current = tuner.currentPoint();
        List<int[]> out = new ArrayList<>(List.of(current));
        int t = tuner.targetIndex;
        if (t != Tuner.NONE) {
            out.add(Search.with(current, t, tuner.headroomSign(t) > 0 ? 0 : tuner.size(t) - 1));
        }
        if (tuner.minIndex != Tuner.NONE) {
            out.add(Search.with(out.get(out.size() - 1), tuner.minIndex, 0));
        }
        return out;
    }
}

