package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.ServiceSpec;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The constraints every candidate respects: the availability floor for minReplicas, the max cap, the
 * largest allowed change from the current value, the training peak that maxReplicas must cover, and
 * what our own lint says about the knobs ({@link LintBounds}).
 */
final class Limits {
    /** maxReplicas covers the training peak at the target with this much headroom (the +20 % what-if). */
    static final double PEAK_HEADROOM = 1.2;

    final int floor;
    final int cap;
    final OptionalDouble maxChange;
    /** Highest load of the training period per second, in the model's unit (rps, or weighted tokens/s). */
    final double peakLoad;
    /** maxReplicas never below this (a schedule window's replicas must fit under the base's max). */
    final int maxFloor;
    final LintBounds lint;

    Limits(int floor, int cap, OptionalDouble maxChange, double peakLoad, int maxFloor, LintBounds lint) {
        this.floor = floor;
        this.cap = cap;
        this.maxChange = maxChange;
        this.peakLoad = peakLoad;
        this.maxFloor = maxFloor;
        this.lint = lint;
    }

    /**
     * @param lowestMin the controller's own lowest minReplicas (1 for an HPA, 0 for scale-to-zero kinds)
     */
    static Limits of(RecommendOptions opts, ServiceSpec spec, ServiceModel model, ServiceHistory train, int lowestMin) {
        int floor = Math.max(lowestMin, opts.minFloor().orElse(spec.latencyCritical() ? 2 : 0));
        int cap = opts.maxCap().orElse(Integer.MAX_VALUE);
        double peak = 0;
        // in the unit the target's load is in: a token model's capacity is weighted tokens/s, not requests
        for (double r : model.work().view(train).requests()) {
            if (r > peak) {
                peak = r;
            }
        }
        return new Limits(Math.min(floor, cap), cap, opts.maxChange(), peak / train.stepSeconds(), opts.maxFloor(),
                LintBounds.of(model, spec));
    }

    /** The candidates within the allowed change of {@code current}, plus current itself, ascending. */
    double[] band(double current, double[] values) {
        TreeSet<Double> out = new TreeSet<>();
        out.add(current);
        for (double v : values) {
            if (allowed(current, v)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    boolean allowed(double current, double v) {
        if (maxChange.isEmpty()) {
            return true;
        }
        double m = maxChange.getAsDouble();
        return v >= current * (1 - m) - 1e-9 && v <= current * (1 + m) + 1e-9;
    }

    /**
     * minReplicas candidates: every integer from the floor up to what the training peak needs at the
     * lowest searched load, within the allowed change and what lint accepts; the floor wins over the
     * allowed change (the lowest value lint accepts above the floor stands in when the floor itself is not).
     *
     * @param lintAccepts whether lint accepts a changed minReplicas of this value
     */
    double[] minCandidates(int current, double lowestLoadRps, IntPredicate lintAccepts) {
        int lowest = floor;
        while (!lintAccepts.test(lowest) && lowest < cap) {
            lowest++;
        }
        int upper = (int) Math.min(cap, Math.max(lowest, Math.ceil(peakLoad * PEAK_HEADROOM / lowestLoadRps)));
        upper = Math.max(upper, Math.min(current, cap));
        TreeSet<Double> out = new TreeSet<>();
        for (int m = lowest; m <= upper; m++) {
            if (allowed(current, m) && lintAccepts.test(m)) {
                out.add((double) m);
            }
        }
        if (current >= floor && current <= cap) {
            out.add((double) current);
        }
        if (out.isEmpty()) {
            out.add((double) lowest);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * maxReplicas for a candidate: enough for the training peak at the target load with headroom, never
     * below min, within the cap and the allowed change of the current max.
     */
    int maxFor(double targetLoadRps, int min, int currentMax) {
        return maxFor(targetLoadRps, min, currentMax, PEAK_HEADROOM);
    }

    /** The same with {@code headroom} over the training peak (the holdout fallback raises it). */
    int maxFor(double targetLoadRps, int min, int currentMax, double headroom) {
        double needed = Math.ceil(peakLoad * headroom / targetLoadRps);
        long max = (long) Math.max(min, Math.max(1, needed));
        if (maxChange.isPresent() && currentMax < Integer.MAX_VALUE) {
            double m = maxChange.getAsDouble();
            max = Math.max((long) Math.ceil(currentMax * (1 - m) - 1e-9), Math.min(max, (long) Math.floor(currentMax * (1 + m) + 1e-9)));
        }
        max = Math.min(max, cap);
        // a manifest that would not load (schedule window above max) is never recommended, cap or not
        return (int) Math.max(Math.max(max, min), maxFloor);
    }

    static double[] union(double[] a, double... b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).distinct().sorted().toArray();
    }
}
