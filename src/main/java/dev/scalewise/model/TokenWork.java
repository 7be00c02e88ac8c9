package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.StatedCapacity;

import java.util.Locale;

/**
 * The unit a replica's work is counted in (docs/tokens.md). Most services: one request is one unit, and
 * capacity is requests per second. An LLM server with continuous batching: a request is as much work as
 * its tokens, {@code promptWeight} x prompt tokens + 1 x generated tokens ("weighted tokens", an output
 * token the unit), and capacity is weighted tokens per second, because the tokens per request of real
 * traffic swing several-fold from minute to minute.
 *
 * <p>The replay keeps arrivals, request signals and cost per 1k in requests; what a replica serves, its
 * latency curve, capacity, saturation, busiest load and utilization curves are in this unit.
 *
 * @param tokens       whether the unit is weighted tokens (else requests)
 * @param promptWeight what one prompt (prefill) token costs a replica, in generated (decode) tokens: stated
 *                     or defaulted; NaN for requests
 */
public record TokenWork(boolean tokens, Fitted promptWeight) {
    /** One unit per request. */
    public static final TokenWork REQUESTS = new TokenWork(false,
            Fitted.unknown(0, "the service is modeled in requests"));

    public static TokenWork tokens(Fitted promptWeight) {
        return new TokenWork(true, promptWeight);
    }

    /** Weighted tokens with the prompt weight stated, else the default ({@link StatedCapacity#DEFAULT_PROMPT_TOKEN_WEIGHT}). */
    public static TokenWork tokens(StatedCapacity stated) {
        if (!Double.isNaN(stated.promptTokenWeight())) {
            return tokens(Fitted.stated(stated.promptTokenWeight(), "services.yaml capacity.promptTokenWeight"));
        }
        return tokens(Fitted.byDefault(StatedCapacity.DEFAULT_PROMPT_TOKEN_WEIGHT, "default: a prompt token costs as much as a generated "
                + "one (the same FLOPs per token; vLLM's total_token_throughput); state capacity.promptTokenWeight"));
    }

    /** "rps" or "tokens/s": what a load per replica is in. */
    public String rateUnit() {
        return tokens ? "tokens/s" : "rps";
    }

    /** Units of work in a step with these counts (NaN when a count is unknown). */
    public double of(double requests, double promptTokens, double generationTokens) {
        return tokens ? promptWeight.value() * promptTokens + generationTokens : requests;
    }

    /**
     * Work per request in each step: the step's own where its requests and tokens are known and it has
     * requests; else the service's typical one ({@link #typicalPerRequest}). All 1 for requests.
     */
    public double[] perRequest(ServiceHistory h) {
        double[] out = new double[h.steps()];
        if (!tokens) {
            java.util.Arrays.fill(out, 1);
            return out;
        }
        double typical = typicalPerRequest(h).value();
        for (int i = 0; i < out.length; i++) {
            double r = h.requests()[i];
            double w = of(r, h.llm().promptTokens()[i], h.llm().generationTokens()[i]);
            out[i] = r > 0 && Double.isFinite(w) ? w / r : typical;
        }
        return out;
    }

    /**
     * Weighted tokens per request over every step whose requests and tokens are known (total over total); the
     * default prompt weight's 1 per token with no such step would be meaningless, so NaN then.
     */
    public Fitted typicalPerRequest(ServiceHistory h) {
        if (!tokens) {
            return Fitted.stated(1, "the unit: one request");
        }
        double work = 0;
        double requests = 0;
        long steps = 0;
        long unknown = 0;
        for (int i = 0; i < h.steps(); i++) {
            double r = h.requests()[i];
            double w = of(r, h.llm().promptTokens()[i], h.llm().generationTokens()[i]);
            if (Double.isFinite(r) && Double.isFinite(w)) {
                work += w;
                requests += r;
                steps++;
            } else if (r > 0) {
                unknown++;
            }
        }
        if (!(requests > 0)) {
            return Fitted.unknown(steps, "no step with both requests and tokens");
        }
        return Fitted.measured(work / requests, steps, String.format(Locale.ROOT,
                "weighted tokens / requests over %d steps with tokens; %d steps with requests but no tokens take it",
                steps, unknown));
    }

    /**
     * Prompt ([0]) and generated ([1]) tokens per request in each step, the step's own where its requests and
     * both counts are known, else the service's typical ones (totals over totals of such steps); null when no
     * step has both (the service has no tokens). What cost per million tokens counts, whatever the unit.
     */
    public static double[][] tokensPerRequest(ServiceHistory h) {
        double[] prompt = h.llm().promptTokens();
        double[] generated = h.llm().generationTokens();
        double p = 0;
        double g = 0;
        double r = 0;
        for (int i = 0; i < h.steps(); i++) {
            double q = h.requests()[i];
            if (Double.isFinite(q) && Double.isFinite(prompt[i]) && Double.isFinite(generated[i])) {
                p += prompt[i];
                g += generated[i];
                r += q;
            }
        }
        if (!(r > 0)) {
            return null;
        }
        double[][] out = new double[2][h.steps()];
        for (int i = 0; i < h.steps(); i++) {
            double q = h.requests()[i];
            boolean own = q > 0 && Double.isFinite(prompt[i]) && Double.isFinite(generated[i]);
            out[0][i] = own ? prompt[i] / q : p / r;
            out[1][i] = own ? generated[i] / q : g / r;
        }
        return out;
    }

    /**
     * The history with {@code requests} in this unit (requests x work per request; unknown stays unknown), what
     * the fitters read as load. The same history for requests.
     */
    public ServiceHistory view(ServiceHistory h) {
        if (!tokens) {
            return h;
        }
        double[] perRequest = perRequest(h);
        double[] work = new double[h.steps()];
        for (int i = 0; i < work.length; i++) {
            work[i] = h.requests()[i] * perRequest[i];
        }
        return new ServiceHistory(h.service(), h.start(), h.stepSeconds(), work, h.replicas(), h.inFlight(),
                h.queueDepth(), h.p50Ms(), h.p95Ms(), h.p99Ms(), h.gpuUtil(), h.cpuUtil(), h.memUtil(), h.cost(),
                h.currency(), h.llm());
    }
}
