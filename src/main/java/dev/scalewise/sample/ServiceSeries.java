package dev.scalewise.sample;

/**
 * One simulated service, aggregated to the output step (index i covers [start + i x step, + step)).
 * Arrays, not lists, like {@link dev.scalewise.data.ServiceHistory}; callers must not mutate them.
 *
 * @param demandRps          mean arriving requests per second (the truth behind {@code requests})
 * @param requests           requests completed in the step, failed ones included
 * @param errors             requests that failed (overload errors and queue timeouts), a subset of requests
 * @param readyReplicas      mean ready (serving) replicas over the step
 * @param p50Ms              NaN when the step completed no request
 * @param replicaHoursByHour provisioned (billed) replica-hours in each UTC hour: starting pods cost money
 */
public record ServiceSeries(ServiceProfile profile, long startEpochSecond, int stepSeconds, double[] demandRps,
                            long[] requests, long[] errors, double[] inFlight, double[] queueDepth,
                            double[] readyReplicas, double[] p50Ms, double[] p95Ms, double[] p99Ms,
                            double[] gpuUtil, double[] smActive, long[] fbUsedBytes, double[] cpuUtil,
                            double[] memUtil, double[] replicaHoursByHour) {
    public int steps() {
        return requests.length;
    }

    /** The modeled SLO percentile of step i. */
    public double sloLatencyMs(int i) {
        return switch (profile.slo().percentile()) {
            case P50 -> p50Ms[i];
            case P95 -> p95Ms[i];
            case P99 -> p99Ms[i];
        };
    }

    /** Steps whose SLO percentile exceeds the threshold (steps without requests never breach). */
    public int breachSteps() {
        int n = 0;
        for (int i = 0; i < steps(); i++) {
            if (sloLatencyMs(i) > profile.slo().thresholdMs()) {
                n++;
            }
        }
        return n;
    }

    public long totalRequests() {
        long sum = 0;
        for (long r : requests) {
            sum += r;
        }
        return sum;
    }

    public double totalReplicaHours() {
        double sum = 0;
        for (double h : replicaHoursByHour) {
            sum += h;
        }
        return sum;
    }

    public double maxReadyReplicas() {
        double max = 0;
        for (double r : readyReplicas) {
            max = Math.max(max, r);
        }
        return max;
    }
}
