package dev.scalewise.importer.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import found, per service: rows written per dataset, steps with a value per query, steps no
 * requests row covers (gaps), and the notes a user can act on ("no `vllm:num_requests_waiting` for
 * llm-chat: queue_depth left empty").
 */
public final class ImportSummary {
    /** Per service counts; points are keyed by query label (a column key, or p50_ms/p95_ms/p99_ms). */
    public static final class ServiceTally {
        long requestsRows;
        long latencyRows;
        long gpuRows;
        final Map<String, Long> points = new LinkedHashMap<>();
        double desiredSum;
        long desiredSteps;
        double readySum;
        long readySteps;

        public long requestsRows() {
            return requestsRows;
        }

        public long latencyRows() {
            return latencyRows;
        }

        public long gpuRows() {
            return gpuRows;
        }

        public long points(String label) {
            return points.getOrDefault(label, 0L);
        }

        /** Mean HPA desired replicas, NaN when kube-state-metrics had none for the service. */
        public double meanDesired() {
            return desiredSteps == 0 ? Double.NaN : desiredSum / desiredSteps;
        }

        public double meanReady() {
            return readySteps == 0 ? Double.NaN : readySum / readySteps;
        }
    }

    final Map<String, ServiceTally> services = new TreeMap<>();
    final List<String> notes = new ArrayList<>();
    long stepsInRange;
    int daysWritten;
    int daysSkipped;
    long unlabelledPoints;

    ServiceTally tally(String service) {
        return services.computeIfAbsent(service, s -> new ServiceTally());
    }

    public Map<String, ServiceTally> services() {
        return services;
    }

    /** Steps no requests row covers, per service (the range's steps minus its rows). */
    public long gaps(String service) {
        ServiceTally t = services.get(service);
        return stepsInRange - (t == null ? 0 : t.requestsRows);
    }

    public List<String> notes() {
        return notes;
    }

    public long stepsInRange() {
        return stepsInRange;
    }

    public int daysWritten() {
        return daysWritten;
    }

    public int daysSkipped() {
        return daysSkipped;
    }
}
