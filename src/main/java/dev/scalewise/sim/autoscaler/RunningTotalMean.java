package dev.scalewise.sim.autoscaler;

/**
 * {@link MovingMean} with Knative's arithmetic ({@code pkg/autoscaler/aggregation/bucketing.go},
 * {@code TimedFloat64Buckets}): a running {@code windowTotal}, each number added as it comes and
 * subtracted as it leaves, back to 0 once the window holds no number (upstream resets it after a window
 * without data). Its last bits drift as upstream's do; a query costs O(1) instead of a pass over the
 * window (docs/decisions.md D17).
 */
final class RunningTotalMean extends MovingMean {
    private double total;

    RunningTotalMean(long windowSeconds, int expectedSamples) {
        super(windowSeconds, expectedSamples);
    }

    @Override
    void added(double value) {
        total += value;
    }

    @Override
    void removed(double value) {
        total = numbers() == 1 ? 0 : total - value; // the last one out leaves 0, not the drift
    }

    @Override
    double meanOver(long now, double divisor) {
        evictOutside(now);
        return ratio(total, numbers(), divisor);
    }
}
