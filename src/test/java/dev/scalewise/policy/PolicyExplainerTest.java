package dev.scalewise.policy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One sentence per example policy; the numbers in each are worked out in the row's comment. */
class PolicyExplainerTest {
    static PolicySet set;

    @BeforeAll
    static void load() {
        set = PolicyLoader.load(List.of("policies"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Knative rps: aim = target 5 x utilization 0.7 = 3.5; panic window = 120 s x 10 % = 12 s
            "Service/llm-code | keeps 2-40 replicas at 3.5 requests per second per replica (70 % of 5) averaged over "
                    + "120 s, panicking on a 12 s window above 200 %; each 2 s tick scales up at most 1000x and down at "
                    + "most 2x after a 600 s scale-down delay",
            // KServe kpa: aim = 4 x 0.7 = 2.8; panic window = 60 s x 10 % = 6 s; min 0 -> scale to zero after 30 s grace
            "InferenceService/rerank | keeps 0-30 replicas at 2.8 concurrent requests per replica (70 % of 4) averaged "
                    + "over 60 s, panicking on a 6 s window above 200 %; each 2 s tick scales up at most 1000x and down "
                    + "at most 2x; scales to zero 30 s after the last request",
            // Ray: initial = min = 4; delays 30 s (default) up, 600 s down
            "ServeConfig/chat/llm-chat | keeps 4-120 replicas (starting at 4) at 6 ongoing requests per replica, "
                    + "measured every 10 s over 30 s; scales up after 30 s and down after 600 s of sustained need",
            // tuned HPA behavior: both scale-up policies share the 60 s period, so max(...) per 60 s
            "HorizontalPodAutoscaler/llm-chat | keeps 4-120 replicas so that concurrency (vllm:num_requests_running) "
                    + "stays near 6 per replica (tolerance 10 %, every 15 s); scales up at most max(4 pods, 100 %) per "
                    + "60 s immediately; scales down at most 10 % per 60 s after a 600 s stabilization window",
            // KEDA min 3: no activation from zero; its HPA has the defaulted scaleUp and a 120 s scaleDown window
            "ScaledObject/embed-search | polls every 30 s; its HPA keeps 3-80 replicas so that rps (s0-prometheus) "
                    + "stays near 84 per replica (active above 1); scales up at most max(4 pods, 100 %) per 15 s "
                    + "immediately; scales down at most 100 % per 15 s after a 120 s stabilization window",
    })
    void describes(String kindAndName, String sentence) {
        PolicySpec p = set.policies().stream()
                .filter(x -> (x.meta().sourceKind() + "/" + x.meta().name()).equals(kindAndName)).findFirst().orElseThrow();
        assertEquals(sentence, PolicyExplainer.describe(p));
    }
}
