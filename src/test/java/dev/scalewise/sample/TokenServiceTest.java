package dev.scalewise.sample;

import dev.scalewise.data.LlmSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's LLM server is token-true: its mix moves from minute to minute beyond what sampling alone
 * gives (as in the real Azure 2023 traces, stated in general terms in sample-data/README.md), its TTFT
 * follows the work in weighted tokens, not the requests, and its GPU, KV-cache and memory series behave as a
 * continuous-batching server's do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenServiceTest {
    ServiceSeries s;
    LlmProfile p;

    @BeforeAll
    void generate() {
        s = FleetGenerator.generate(FleetInvariantsTest.SAMPLE).stream().filter(x -> x.llm() != null)
                .findFirst().orElseThrow();
        p = s.profile().llm();
    }

    /**
     * Per minute, the log of the mean tokens per request varies at least twice as much as the requests'
     * own spread would make it vary (the real traces: 3.6x and 2.4x), and the mean prompt and output per
     * request are the profile's over the two weeks.
     */
    @Test
    void theTokenMixMovesBeyondSamplingNoise() {
        LlmSeries llm = s.llm();
        double cv = Math.sqrt(Math.expm1(p.promptLogSd() * p.promptLogSd())); // the prompt's spread dominates
        double sumLog = 0;
        double sumSq = 0;
        double sampling = 0;
        int n = 0;
        long requests = 0;
        double prompt = 0;
        double generation = 0;
        for (int i = 0; i < s.steps(); i++) {
            requests += s.requests()[i];
            prompt += llm.promptTokens()[i];
            generation += llm.generationTokens()[i];
            if (s.requests()[i] < 100) {
                continue;
            }
            double l = Math.log((llm.promptTokens()[i] + llm.generationTokens()[i]) / s.requests()[i]);
            sumLog += l;
            sumSq += l * l;
            sampling += cv * cv / s.requests()[i];
            n++;
        }
        double sd = Math.sqrt(sumSq / n - (sumLog / n) * (sumLog / n));
        double samplingSd = Math.sqrt(sampling / n);
        assertTrue(n > 10_000 && sd > 2 * samplingSd, "log-sd " + sd + " vs sampling alone " + samplingSd);
        assertEquals(p.meanPrompt(), prompt / requests, 0.03 * p.meanPrompt());
        assertEquals(p.meanGeneration(), generation / requests, 0.03 * p.meanGeneration());
    }

    /**
     * Among minutes at the same requests per replica (the middle fifth of request load), those whose
     * requests bring the most weighted tokens have the higher TPOT, which only the batch's work moves, and the
     * higher TTFT: a capacity in requests misjudges them.
     */
    @Test
    void ttftFollowsTheTokensNotTheRequests() {
        List<Integer> minutes = new ArrayList<>();
        for (int i = 0; i < s.steps(); i++) {
            if (s.requests()[i] > 0 && s.readyReplicas()[i] > 0 && s.queueDepth()[i] == 0) {
                minutes.add(i);
            }
        }
        minutes.sort(Comparator.comparingDouble(i -> s.requests()[i] / s.readyReplicas()[i]));
        List<Integer> middle = new ArrayList<>(minutes.subList(minutes.size() * 2 / 5, minutes.size() * 3 / 5));
        middle.sort(Comparator.comparingDouble(this::workPerRequest));
        int q = middle.size() / 4;
        List<Integer> lightest = middle.subList(0, q);
        List<Integer> heaviest = middle.subList(middle.size() - q, middle.size());
        double light = mean(lightest, s.llm().tpotP50Ms());
        double heavy = mean(heaviest, s.llm().tpotP50Ms());
        assertTrue(heavy > 1.08 * light, "TPOT p50 of the heaviest quarter " + heavy + " vs lightest " + light);
        assertTrue(mean(heaviest, s.llm().ttftP95Ms()) > 1.15 * mean(lightest, s.llm().ttftP95Ms()), "TTFT p95");
    }

    private double workPerRequest(int i) {
        return (p.promptTokenWeight() * s.llm().promptTokens()[i] + s.llm().generationTokens()[i]) / s.requests()[i];
    }

    private static double mean(List<Integer> minutes, double[] series) {
        return minutes.stream().mapToDouble(i -> series[i]).average().orElseThrow();
    }

    /** A backlog's wait shows in TTFT, never in TPOT: TPOT stays within its curve's top (plus noise). */
    @Test
    void theBacklogDelaysTheFirstTokenOnly() {
        double tpotTop = p.latency().tpotMs(dev.scalewise.policy.Slo.Percentile.P95, Double.MAX_VALUE);
        double ttftTop = p.latency().ttftMs(dev.scalewise.policy.Slo.Percentile.P95, Double.MAX_VALUE, 2 * p.meanPrompt());
        int queued = 0;
        int ttftAboveTop = 0;
        for (int i = 0; i < s.steps(); i++) {
            assertTrue(!(s.llm().tpotP95Ms()[i] > 1.15 * tpotTop), "minute " + i + ": TPOT " + s.llm().tpotP95Ms()[i]);
            if (s.queueDepth()[i] > 1) {
                queued++;
                ttftAboveTop += s.llm().ttftP95Ms()[i] > ttftTop ? 1 : 0;
            }
        }
        assertTrue(queued > 0 && ttftAboveTop > 0, queued + " queued minutes, " + ttftAboveTop + " with TTFT above the curve");
    }

    /**
     * GPU utilization reads near its top from a light load on (SW117's point), SM activity and the KV cache
     * follow the load, and vLLM's frame buffer is taken at start whatever the load.
     */
    @Test
    void gpuSignalsBehaveAsAContinuousBatchingServers() {
        LlmSeries llm = s.llm();
        Integer[] order = new Integer[s.steps()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> llm.smActive()[i]));
        int q = order.length / 4;
        double kvLow = 0;
        double kvHigh = 0;
        double gpuLow = 0;
        for (int k = 0; k < q; k++) {
            kvLow += llm.kvCacheUtil()[order[k]] / q;
            kvHigh += llm.kvCacheUtil()[order[order.length - 1 - k]] / q;
            gpuLow += s.gpuUtil()[order[k]] / q;
        }
        assertTrue(kvHigh > 1.5 * kvLow, "KV cache " + kvLow + " -> " + kvHigh);
        assertTrue(gpuLow > 0.85, "GPU utilization of the quietest quarter " + gpuLow);
        double memMin = Arrays.stream(llm.gpuMemUtil()).min().orElseThrow();
        double memMax = Arrays.stream(llm.gpuMemUtil()).max().orElseThrow();
        assertTrue(memMin > LlmProfile.GPU_MEMORY_UTILIZATION && memMax - memMin < 0.01, memMin + ".." + memMax);
    }
}
