package dev.scalewise.sample;

import dev.scalewise.policy.Slo;
import dev.scalewise.policy.Slo.Percentile;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The profile table of the synthetic fleet (documented, with the same numbers, in sample-data/README.md).
 * Prices are illustrative on-demand-like USD per GPU-hour, not quotes.
 */
public final class FleetProfiles {
    /** The service whose maxReplicas is too low for its weekday peaks: it breaches its SLO at peak. */
    public static final String UNDER_PROVISIONED = "rerank";
    /** The LLM server simulated in tokens (prompt and output tokens, TTFT and TPOT, KV cache). */
    public static final String TOKEN_SERVICE = "llm-api";
    /** The service that gets the product-launch spike. */
    public static final String LAUNCH_SERVICE = "llm-chat";

    private static final double OBJECTIVE = 0.99;

    /** In this order; `--services N` takes the first N, then clones. */
    public static final List<ServiceProfile> ALL = List.of(
            // name, team, zone, sku, $/h, discount, cap@SLO rps, p50 base ms, p95x, p99x, SLO,
            // startup s, peak rps, trough, weekend, growth/wk, bursts/day, min, max, model GiB
            new ServiceProfile("llm-chat", "assistant", ZoneId.of("America/New_York"), "p4d.24xlarge", 3.70,
                    0.20, 2.4, 1500, 2.0, 2.8, slo(Percentile.P95, 8000), 540, 40,
                    0.25, 0.70, 0.010, 2, 4, 120, 38),
            new ServiceProfile("embed-search", "search", ZoneId.of("Europe/Berlin"), "g6.xlarge", 0.80,
                    0.0, 120, 25, 2.0, 3.2, slo(Percentile.P99, 250), 90, 2400,
                    0.15, 0.55, 0.010, 4, 3, 80, 3),
            new ServiceProfile(UNDER_PROVISIONED, "search", ZoneId.of("America/Los_Angeles"), "g5.xlarge", 1.01,
                    0.0, 60, 40, 2.2, 3.0, slo(Percentile.P95, 300), 120, 1250,
                    0.20, 0.60, 0.015, 3, 2, 20, 6),
            new ServiceProfile("vision-ocr", "documents", ZoneId.of("Asia/Tokyo"), "g6e.xlarge", 1.86,
                    0.15, 8, 350, 1.8, 2.6, slo(Percentile.P95, 2000), 240, 140,
                    0.10, 0.35, 0.005, 2, 2, 40, 22),
            new ServiceProfile("llm-code", "devtools", ZoneId.of("Europe/London"), "p5.48xlarge", 6.90,
                    0.25, 5, 900, 1.9, 2.7, slo(Percentile.P95, 5000), 600, 60,
                    0.10, 0.30, 0.020, 2, 2, 40, 70),
            llmApi(),
            new ServiceProfile("speech-asr", "media", ZoneId.of("Asia/Kolkata"), "g6.xlarge", 0.80,
                    0.0, 12, 180, 2.0, 3.0, slo(Percentile.P95, 1000), 150, 200,
                    0.20, 0.80, 0.010, 2, 2, 40, 10),
            new ServiceProfile("moderation", "trust-safety", ZoneId.of("UTC"), "g4dn.xlarge", 0.53,
                    0.0, 200, 12, 2.5, 4.0, slo(Percentile.P95, 80), 60, 3000,
                    0.30, 0.90, 0.010, 3, 2, 40, 2),
            new ServiceProfile("image-gen", "creative", ZoneId.of("America/Sao_Paulo"), "p4d.24xlarge", 3.70,
                    0.20, 0.6, 4000, 1.5, 2.0, slo(Percentile.P95, 15000), 420, 12,
                    0.20, 1.10, 0.020, 1, 1, 60, 24));

    private FleetProfiles() {
    }

    /**
     * An open-weights chat model behind vLLM on one A100 80GB per replica, held to a TTFT and a TPOT target.
     * Its rps_per_replica HPA target is 0.7 x the capacity at the mean token mix, as a team would set it from a
     * load test in requests; the mix then moves under it.
     */
    private static ServiceProfile llmApi() {
        // prompt median, log-sd, output median, log-sd, mix sigma, mix tau s, prompt weight, saturation tok/s,
        // prefill tok/s, scheduler ms, TTFT p95x, p99x, TPOT base ms, slope, p95x, p99x, frame buffer GiB
        LlmProfile llm = new LlmProfile(800, 1.0, 180, 0.85, 0.18, 90, 0.25, 3000, 12_000, 150, 2.2, 3.5, 14, 2.0,
                1.4, 1.8, 80);
        Slo slo = new Slo(Percentile.P95, 1500, OBJECTIVE, Slo.Metric.TTFT,
                List.of(new Slo.Target(Slo.Metric.TPOT, Percentile.P95, 52)));
        double capacityRps = llm.capacityTokensAtSlo(slo) / llm.meanWorkPerRequest();
        return new ServiceProfile(TOKEN_SERVICE, "platform", ZoneId.of("America/Chicago"), "p4de.24xlarge", 5.12,
                0.20, capacityRps, Double.NaN, Double.NaN, Double.NaN, slo, 420, 36,
                0.20, 0.50, 0.015, 3, 2, 40, 16, llm);
    }

    private static Slo slo(Percentile p, double thresholdMs) {
        return new Slo(p, thresholdMs, OBJECTIVE);
    }

    /**
     * The first {@code count} profiles; beyond the table, clones named {@code NAME-k} with demand
     * (and maxReplicas) scaled by a seeded factor in [0.6, 1.4], for fleets large enough to load a cluster.
     */
    public static List<ServiceProfile> first(int count, long seed) {
        List<ServiceProfile> out = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            ServiceProfile base = ALL.get(i % ALL.size());
            int generation = i / ALL.size();
            out.add(generation == 0 ? base
                    : base.scaled(base.name() + "-" + (generation + 1), 0.6 + 0.8 * random.nextDouble()));
        }
        return out;
    }
}
