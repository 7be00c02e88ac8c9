package dev.scalewise.sim;

/**
 * The replicas a replay pays for: ready ones and starting ones with the time they become ready. All
 * pods of a service share one startup time, so starting pods become ready in the order they were
 * started and a ring buffer (oldest at head) suffices. Grows only when more pods start than ever before.
 */
final class Pods {
    private int ready;
    private double[] readyAt = new double[64];
    private int head;
    private int starting;

    Pods(int readyReplicas) {
        this.ready = readyReplicas;
    }

    int ready() {
        return ready;
    }

    int starting() {
        return starting;
    }

    int paid() {
        return ready + starting;
    }

    /** When the oldest starting pod becomes ready; +Infinity when none is starting. */
    double nextReadyAt() {
        return starting > 0 ? readyAt[head] : Double.POSITIVE_INFINITY;
    }

    /** Starting pods whose startup has elapsed by {@code nowSeconds} become ready. */
    void promote(double nowSeconds) {
        if (oldestStartingReady(nowSeconds)) { // rarely: the loop stays out of the replay's step
            promoteDue(nowSeconds);
        }
    }

    private boolean oldestStartingReady(double nowSeconds) {
        return starting > 0 && readyAt[head] <= nowSeconds;
    }

    private void promoteDue(double nowSeconds) {
        while (oldestStartingReady(nowSeconds)) {
            head = (head + 1) & (readyAt.length - 1);
            starting--;
            ready++;
        }
    }

    /**
     * Starts pods (ready at {@code readyAtSeconds}) or removes them: starting pods first, newest first
     * (they are furthest from serving), then ready ones.
     */
    void scaleTo(int desired, double readyAtSeconds) {
        int paid = paid();
        if (desired > paid) {
            int add = desired - paid;
            ensureCapacity(starting + add);
            for (int k = 0; k < add; k++) {
                readyAt[(head + starting) & (readyAt.length - 1)] = readyAtSeconds;
                starting++;
            }
        } else if (desired < paid) {
            int remove = paid - desired;
            int fromStarting = Math.min(remove, starting);
            starting -= fromStarting;
            ready -= remove - fromStarting;
        }
    }

    /** Keeps the buffer a power of two so indices wrap with a mask. */
    private void ensureCapacity(int needed) {
        if (needed <= readyAt.length) {
            return;
        }
        int size = Integer.highestOneBit(needed - 1) << 1;
        double[] grown = new double[size];
        for (int k = 0; k < starting; k++) {
            grown[k] = readyAt[(head + k) & (readyAt.length - 1)];
        }
        readyAt = grown;
        head = 0;
    }

    @Override
    public String toString() {
        return "Pods[ready=" + ready + ", starting=" + starting + "]";
    }
}
