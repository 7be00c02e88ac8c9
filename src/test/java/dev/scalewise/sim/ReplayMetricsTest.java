package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Confidence;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.SignalCurve;
import dev.scalewise.policy.Signal;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the autoscaler sees at t = 15 s: means over [0, 15). Golden model: latency 100 + 90 x ms,
 * 10 rps/replica; GPU utilization 0.1 + 0.05 x.
 */
class ReplayMetricsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // 5 rps on 1 replica: load 5, latency 550 ms, in flight 5 x 0.55 = 2.75, GPU 0.35.
                Arguments.of(300.0, 1, Map.of(Signal.RPS, 5.0, Signal.RPS_PER_REPLICA, 5.0, Signal.CONCURRENCY, 2.75,
                        Signal.QUEUE_DEPTH, 0.0, Signal.GPU_UTIL, 0.35)),
                // 30 rps on 2 replicas (20 rps capacity): 10 served per replica at 1000 ms; the backlog grows
                // 0 -> 150 over 15 s, mean 75; in flight 10 x 1.0 + 75 / 2 = 47.5; with requests queued the
                // replicas are saturated and utilization follows the demand per replica, 15: GPU 0.1 + 0.75 = 0.85
                // (at the served 10 it would read 0.6 however deep the queue, and a GPU HPA would never scale up).
                Arguments.of(1800.0, 2, Map.of(Signal.RPS, 30.0, Signal.RPS_PER_REPLICA, 15.0, Signal.CONCURRENCY, 47.5,
                        Signal.QUEUE_DEPTH, 75.0, Signal.GPU_UTIL, 0.85)),
                // No replica at all: per-replica signals show the whole service; in flight = waiting = 45.
                Arguments.of(360.0, 0, Map.of(Signal.RPS, 6.0, Signal.RPS_PER_REPLICA, 6.0, Signal.CONCURRENCY, 45.0,
                        Signal.QUEUE_DEPTH, 45.0, Signal.GPU_UTIL, 0.4)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void signalsAreMeansOfThePeriodThatJustEnded(double requestsPerMinute, int replicas, Map<Signal, Double> expected) {
        ServiceHistory h = Histories.requests(requestsPerMinute).replicas(replicas).build();
        ServiceModel model = ReplayGoldenTest.model(120)
                .withGpuUtil(new SignalCurve("gpu_util", 0.1, 0.05, 0, 1, 10, Confidence.HIGH, "test"));
        Map<Signal, Double> seen = new EnumMap<>(Signal.class);
        Autoscaler spy = TestAutoscalers.schedule(15, t -> replicas);
        Autoscaler recording = new Autoscaler() {
            @Override
            public int periodSeconds() {
                return 15;
            }

            @Override
            public int decide(long now, int current, int ready, MetricsView metrics) {
                if (now == 15) {
                    for (Signal s : expected.keySet()) {
                        seen.put(s, metrics.value(s));
                    }
                }
                return spy.decide(now, current, ready, metrics);
            }
        };
        Replay.run(h, model, ReplayGoldenTest.spec(), recording, ReplayOptions.of("spy"));
        expected.forEach((signal, value) -> assertEquals(value, seen.get(signal), 1e-9, signal.id()));
    }
}
