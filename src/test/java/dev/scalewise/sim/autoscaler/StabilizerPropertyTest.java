package dev.scalewise.sim.autoscaler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Stabilizer's running max/min agrees, decision by decision, with the rules read literally off
 * horizontal.go: scan every past recommendation and keep those inside the window (legacy: at or after
 * {@code now - window}; behavior: strictly after each cutoff). Random walks of recommendations, with
 * runs of equal values, steady climbs and falls, irregular gaps, and several window pairs.
 */
class StabilizerPropertyTest {
    /** One recorded recommendation of the reference history. */
    private record Rec(long t, int value) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long[][] windows = {{0, 300}, {0, 600}, {60, 0}, {60, 180}, {300, 300}, {600, 120}, {15, 15}};
        for (long seed = 1; seed <= 12; seed++) {
            for (long[] w : windows) {
                out.add(Arguments.of(seed, w[0], w[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}, up {1} s, down {2} s")
    @MethodSource("cases")
    void behaviorPathMatchesAFullScanOfTheHistory(long seed, long upWindow, long downWindow) {
        Stabilizer s = Stabilizer.withBehavior(upWindow, downWindow, 15);
        List<Rec> history = new ArrayList<>();
        SplittableRandom currents = new SplittableRandom(-seed);
        for (Rec now : decisions(seed)) {
            int current = 1 + currents.nextInt(30);
            int up = now.value();
            int down = now.value();
            for (Rec r : history) {
                if (r.t() > now.t() - upWindow) {
                    up = Math.min(up, r.value());
                }
                if (r.t() > now.t() - downWindow) {
                    down = Math.max(down, r.value());
                }
            }
            int expected = Math.min(Math.max(current, up), down);
            assertEquals(expected, s.stabilize(now.t(), now.value(), current),
                    "t " + now.t());
            history.add(now);
        }
    }

    @ParameterizedTest(name = "seed {0}, window {2} s")
    @MethodSource("cases")
    void legacyPathMatchesAFullScanOfTheHistory(long seed, long ignoredUp, long window) {
        Stabilizer s = Stabilizer.legacy(window, 15);
        List<Rec> history = new ArrayList<>();
        for (Rec now : decisions(seed)) {
            int expected = now.value();
            for (Rec r : history) {
                if (r.t() >= now.t() - window) {
                    expected = Math.max(expected, r.value());
                }
            }
            assertEquals(expected, s.stabilize(now.t(), now.value(), 1), "t " + now.t());
            history.add(now);
        }
    }

    /** 2,000 decisions: their times and raw recommendations. */
    private static List<Rec> decisions(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Rec> out = new ArrayList<>();
        long now = 0;
        int rec = 5;
        for (int step = 0; step < 2_000; step++) {
            now += nextGap(rnd);
            rec = nextRecommendation(rnd, rec);
            out.add(new Rec(now, rec));
        }
        return out;
    }

    /** Mostly the 15 s sync, sometimes a skipped sync, a long gap, or two decisions at the same second. */
    private static long nextGap(SplittableRandom rnd) {
        int kind = rnd.nextInt(20);
        return kind == 0 ? 0 : kind == 1 ? 15 + rnd.nextInt(700) : kind < 4 ? 30 : 15;
    }

    /** A random walk in [0, 40] with runs: flat, climbing, falling. */
    private static int nextRecommendation(SplittableRandom rnd, int rec) {
        int move = rnd.nextInt(10);
        int next = move < 4 ? rec : move < 7 ? rec + 1 + rnd.nextInt(3) : rec - 1 - rnd.nextInt(3);
        return Math.max(0, Math.min(40, next));
    }
}
