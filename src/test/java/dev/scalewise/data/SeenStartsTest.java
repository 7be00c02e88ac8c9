package dev.scalewise.data;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SeenStarts} answers "first time?" exactly as a set would, whatever the order: rising runs (its
 * fast path), repeats, steps back in time (its hash set) and growth past the expected size.
 */
class SeenStartsTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void agreesWithASetOnMixedOrders(int seed) {
        Random rnd = new Random(seed);
        SeenStarts seen = new SeenStarts(rnd.nextInt(20)); // often far below the number of starts
        Set<Long> reference = new HashSet<>();
        long t = 1_767_225_600_000L;
        for (int i = 0; i < 5_000; i++) {
            int move = rnd.nextInt(10);
            if (move < 6) {
                t += 60_000; // the usual next minute
            } else if (move < 8) {
                t -= 60_000L * rnd.nextInt(50); // back in time: seen or not
            } else if (move < 9) {
                t += 60_000L * rnd.nextInt(5); // the same minute again, or a gap
            } else {
                t = 1_767_225_600_000L + 60_000L * rnd.nextInt(3_000); // anywhere
            }
            assertEquals(reference.add(t), seen.add(t), "start " + t + " at step " + i);
        }
    }
}
