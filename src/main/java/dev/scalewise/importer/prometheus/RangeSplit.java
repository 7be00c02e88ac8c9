package dev.scalewise.importer.prometheus;

import java.util.ArrayList;
import java.util.List;

/** Splits evaluation times first, first + step, ..., last into runs of at most maxPoints points. */
final class RangeSplit {
    private RangeSplit() {
    }

    /** Each element is {start, end}, both evaluation times (inclusive), on the same grid as first. */
    static List<long[]> split(long first, long last, long step, int maxPoints) {
        if (maxPoints < 1 || step < 1) {
            throw new IllegalArgumentException("maxPoints and step must be positive");
        }
        List<long[]> out = new ArrayList<>();
        for (long start = first; start <= last; start += maxPoints * step) {
            out.add(new long[]{start, Math.min(last, start + (maxPoints - 1) * step)});
        }
        return out;
    }
}
