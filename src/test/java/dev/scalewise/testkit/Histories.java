package dev.scalewise.testkit;

import dev.scalewise.data.ServiceHistory;

import java.time.Instant;
import java.util.Arrays;

/** Builds {@link ServiceHistory} values for tests: every series NaN (unknown) unless set. */
public final class Histories {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final int steps;
    private Instant start = START;
    private int stepSeconds = 60;
    private double[] requests;
    private double[] replicas;
    private double[] inFlight;
    private double[] queueDepth;
    private double[] p50;
    private double[] p95;
    private double[] p99;
    private double[] gpu;
    private double[] cpu;
    private double[] mem;
    private double[] cost;

    private Histories(int steps) {
        this.steps = steps;
        requests = unknown();
        replicas = unknown();
        inFlight = unknown();
        queueDepth = unknown();
        p50 = unknown();
        p95 = unknown();
        p99 = unknown();
        gpu = unknown();
        cpu = unknown();
        mem = unknown();
        cost = unknown();
    }

    public static Histories of(int steps) {
        return new Histories(steps);
    }

    /** Requests per step as given; the number of steps is the array's length. */
    public static Histories requests(double... perStep) {
        return new Histories(perStep.length).withRequests(perStep);
    }

    private double[] unknown() {
        double[] a = new double[steps];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    public Histories start(Instant at) {
        this.start = at;
        return this;
    }

    public Histories stepSeconds(int seconds) {
        this.stepSeconds = seconds;
        return this;
    }

    public Histories withRequests(double[] a) {
        requests = a;
        return this;
    }

    public Histories replicas(double[] a) {
        replicas = a;
        return this;
    }

    public Histories replicas(double constant) {
        Arrays.fill(replicas, constant);
        return this;
    }

    public Histories p95(double[] a) {
        p95 = a;
        return this;
    }

    public Histories p50(double[] a) {
        p50 = a;
        return this;
    }

    public Histories queueDepth(double[] a) {
        queueDepth = a;
        return this;
    }

    public Histories gpu(double[] a) {
        gpu = a;
        return this;
    }

    public Histories inFlight(double[] a) {
        inFlight = a;
        return this;
    }

    public Histories cost(double[] a) {
        cost = a;
        return this;
    }

    public ServiceHistory build() {
        return new ServiceHistory("svc", start, stepSeconds, requests, replicas, inFlight, queueDepth, p50, p95, p99,
                gpu, cpu, mem, cost, "USD");
    }
}
