package dev.scalewise.jobs;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.Slo;
import dev.scalewise.sim.OutcomeTally;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The as-run baseline of `analyze`: per UTC day, what the fleet really did (requests, cost, replicas,
 * SLO breaches, GPU use, idle share), computed from one {@link ServiceHistory}. Pure Java (no Spark),
 * so the shared as-run baseline of the replay helper can replace it later.
 *
 * <p>Rules (docs/analyze.md):
 * <ul>
 *   <li>Steps without requests data (gaps) are left out of every total and reported as unknown minutes,
 *       so a gap neither adds cost nor lowers the request count behind cost per 1k.</li>
 *   <li>A step is judged against the SLO when its latency percentile is known; a step of k minutes
 *       counts k breach minutes when it breaches (the step must be a whole number of minutes).</li>
 *   <li>Capacity per replica is the load a replica was <em>seen</em> to carry without breaching: the
 *       95th percentile (nearest rank) of requests per second per ready replica over the service's
 *       non-breaching steps of the whole analysed range. Without latency data it is taken over all
 *       steps ("all_minutes" basis). It is a demonstrated lower bound, not the saturation point, so the
 *       idle share it gives is conservative. A step's idle replicas = replicas - demand / capacity,
 *       floored at 0.</li>
 * </ul>
 */
public final class ObservedDays {
    static final double CAPACITY_PERCENTILE = 0.95;
    private static final long DAY_SECONDS = 86_400;

    private ObservedDays() {
    }

    public static List<AnalyzeDay> of(ServiceHistory h, Slo slo) {
        if (h.stepSeconds() % 60 != 0) {
            throw new IllegalArgumentException("analyze needs a step of whole minutes, got " + h.stepSeconds() + " s");
        }
        double[] latency = latencySeries(h, slo.percentile());
        Capacity capacity = capacity(h, latency, slo.thresholdMs());
        long minutesPerStep = h.stepSeconds() / 60;
        boolean costKnown = h.steps() == 0 || !Double.isNaN(h.cost()[0]);

        TreeMap<Long, Day> days = new TreeMap<>();
        for (int i = 0; i < h.steps(); i++) {
            long epochDay = Math.floorDiv(h.timeOf(i).getEpochSecond(), DAY_SECONDS);
            Day d = days.computeIfAbsent(epochDay, k -> new Day());
            double req = h.requests()[i];
            if (Double.isNaN(req)) {
                d.unknownMinutes += minutesPerStep;
                continue;
            }
            double replicas = h.replicas()[i];
            double cost = costKnown ? h.cost()[i] : 0;
            double neededReplicas = req / h.stepSeconds() / capacity.rpsPerReplica;
            double idleReplicas = Double.isNaN(neededReplicas) ? Double.NaN : Math.max(0, replicas - neededReplicas);
            double idleFraction = replicas > 0 ? idleReplicas / replicas : 0;
            d.tally.addStep(h.stepSeconds(), req, replicas, cost, Double.isNaN(idleFraction) ? 0 : cost * idleFraction);
            d.idleReplicaSeconds += (replicas > 0 ? idleReplicas : 0) * h.stepSeconds();
            d.replicaSeconds += replicas * h.stepSeconds();
            d.tally.addGpuUtil(h.gpuUtil()[i]);
            if (!Double.isNaN(latency[i])) {
                boolean breached = latency[i] > slo.thresholdMs();
                for (long m = 0; m < minutesPerStep; m++) {
                    d.tally.addSloMinute(breached);
                }
            }
        }

        List<AnalyzeDay> out = new ArrayList<>();
        days.forEach((epochDay, d) -> {
            Instant dayStart = Instant.ofEpochSecond(epochDay * DAY_SECONDS);
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            double idleShare = Double.isNaN(capacity.rpsPerReplica) ? Double.NaN
                    : d.replicaSeconds > 0 ? d.idleReplicaSeconds / d.replicaSeconds : 0;
            out.add(new AnalyzeDay(date, d.tally.toOutcome(h.service(), "observed", dayStart,
                    dayStart.plusSeconds(DAY_SECONDS), h.currency(), slo), costKnown, idleShare,
                    capacity.rpsPerReplica, capacity.basis, d.unknownMinutes));
        });
        return out;
    }

    static double[] latencySeries(ServiceHistory h, Slo.Percentile p) {
        return switch (p) {
            case P50 -> h.p50Ms();
            case P95 -> h.p95Ms();
            case P99 -> h.p99Ms();
        };
    }

    record Capacity(double rpsPerReplica, String basis) {
    }

    static Capacity capacity(ServiceHistory h, double[] latency, double thresholdMs) {
        boolean anyLatency = Arrays.stream(latency).anyMatch(v -> !Double.isNaN(v));
        double[] samples = new double[h.steps()];
        int n = 0;
        for (int i = 0; i < h.steps(); i++) {
            double req = h.requests()[i];
            double replicas = h.replicas()[i];
            boolean usable = !Double.isNaN(req) && replicas > 0 && req > 0
                    && (!anyLatency || (!Double.isNaN(latency[i]) && latency[i] <= thresholdMs));
            if (usable) {
                samples[n++] = req / h.stepSeconds() / replicas;
            }
        }
        if (n == 0) {
            return new Capacity(Double.NaN, "none");
        }
        Arrays.sort(samples, 0, n);
        int rank = (int) Math.ceil(CAPACITY_PERCENTILE * n);
        return new Capacity(samples[Math.max(rank, 1) - 1], anyLatency ? "slo_met_minutes" : "all_minutes");
    }

    private static final class Day {
        final OutcomeTally tally = new OutcomeTally();
        double idleReplicaSeconds;
        double replicaSeconds;
        long unknownMinutes;
    }
}
