package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.ScheduledPolicy;
import dev.scalewise.policy.ScheduledPolicy.Window;
import dev.scalewise.policy.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static dev.scalewise.sim.autoscaler.Fixtures.cpuUtilization;
import static dev.scalewise.sim.autoscaler.Fixtures.hpa;
import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduledTest {
    // Monday 2026-11-30 05:50 UTC = 06:50 in Berlin (UTC+1 in winter)
    static final Instant START = Instant.parse("2026-11-30T05:50:00Z");

    static Scheduled scheduled(Window... windows) {
        ScheduledPolicy p = new ScheduledPolicy(meta("sched"), hpa(1, 20, Optional.empty(), cpuUtilization(50)),
                ZoneId.of("Europe/Berlin"), List.of(windows));
        return (Scheduled) Autoscalers.create(p, new ReplayContext(START, 60));
    }

    /**
     * Base HPA on 10 % CPU against 50 % wants 1 pod. Window "0 7 * * 1-5" for 1 h, floor 5, Berlin time:
     * 06:59:45 -> 1; 07:00:00 -> 5 (replay second 600); 07:59:45 -> 5; 08:00:00 (second 4200) -> the
     * window has lasted its 3600 s, the HPA's recommendations are all 1 -> 1.
     */
    @ParameterizedTest(name = "{0} s after 06:50 Berlin -> {1}")
    @CsvSource({"585, 1", "600, 5", "4185, 5", "4200, 1"})
    void floorWhileTheWindowIsActive(long at, int expected) {
        Scheduled s = scheduled(new Window("office", "0 7 * * 1-5", 3600, 5, Window.Mode.MIN));
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.CPU_UTIL, 0.1);
        int replicas = 1;
        for (long t = 0; t < at; t += 15) {
            replicas = s.decide(t, replicas, replicas, m);
        }
        assertEquals(expected, s.decide(at, replicas, replicas, m));
    }

    @Test
    void setPinsTheCountEvenAgainstTheBase() {
        Scheduled s = scheduled(new Window("freeze", "30 6 * * *", 7200, 3, Window.Mode.SET));
        // started 06:30, before the replay: active from the first decision; the base wants
        // ceil(4 x 200/50 ...) -> capped at max(2 x 4, 4) = 8, but SET says 3
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.CPU_UTIL, 2.0);
        assertEquals(3, s.decide(0, 4, 4, m));
        assertEquals(true, s.active(0, 0));
    }

    @Test
    void weekendDoesNotMatch() {
        Scheduled s = scheduled(new Window("office", "0 7 * * 1-5", 3600, 5, Window.Mode.MIN));
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.CPU_UTIL, 0.1);
        // Saturday 2026-12-05 07:30 Berlin
        long saturday = Duration.between(START, Instant.parse("2026-12-05T06:30:00Z")).getSeconds();
        assertEquals(1, s.decide(saturday, 1, 1, m));
        assertEquals(false, s.active(0, saturday));
    }
}
