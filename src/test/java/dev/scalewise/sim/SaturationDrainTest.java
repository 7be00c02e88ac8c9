package dev.scalewise.sim;

import dev.scalewise.model.Fitted;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.Signal;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17 item 4: a backlog drains at the replica's saturation throughput, not at the load where it meets
 * the SLO. One replica, capacity 10 rps at the SLO (the golden model), saturation 15 rps; one minute of 30
 * rps, then none. Per 15 s: 450 arrive, 225 are served while the burst lasts (backlog 225, 450, 675, 900),
 * then 225 drain per sub-step: 675, 450, 225, 0. Draining at the capacity (150 per sub-step) would leave
 * 1200 after the burst and take twice as long.
 */
class SaturationDrainTest {
    @Test
    void backlogsDrainAtSaturation() {
        ServiceModel model = ReplayGoldenTest.model(60).withSaturation(Fitted.stated(15, "test"));
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        Replay.run(Histories.requests(1800, 0, 0).replicas(1).build(), model, ReplayGoldenTest.spec(),
                TestAutoscalers.always(1), ReplayOptions.of("one").withTimeline(timeline, Signal.RPS));
        List<Double> backlog = timeline.rows().stream().map(TimelineRow::backlogRequests).toList();
        assertEquals(List.of(225.0, 450.0, 675.0, 900.0, 675.0, 450.0, 225.0, 0.0, 0.0, 0.0, 0.0, 0.0), backlog);
    }

    /** Without a saturation above the capacity (the conservative default) the backlog drains at the capacity. */
    @Test
    void theDefaultDrainsAtTheCapacity() {
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        Replay.run(Histories.requests(1800, 0, 0).replicas(1).build(), ReplayGoldenTest.model(60),
                ReplayGoldenTest.spec(), TestAutoscalers.always(1), ReplayOptions.of("one").withTimeline(timeline, Signal.RPS));
        List<Double> backlog = timeline.rows().stream().map(TimelineRow::backlogRequests).toList();
        assertEquals(List.of(300.0, 600.0, 900.0, 1200.0, 1050.0, 900.0, 750.0, 600.0, 450.0, 300.0, 150.0, 0.0), backlog);
    }
}
