package dev.scalewise.backtest;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.Render;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.ReplayResult;
import dev.scalewise.sim.TimelineRow;
import dev.scalewise.sim.autoscaler.PolicyReplay;

import java.util.List;

/**
 * `replay`, the debugging view of one policy on one service: read the service's history, fit its model,
 * replay the policy with a timeline of what the controller saw (the first signal the policy reads, or
 * the request rate) and did.
 */
public final class SingleReplay {
    private SingleReplay() {
    }

    /** Where a service's history comes from: the exports, read by a job, or a test's own. */
    @FunctionalInterface
    public interface Histories {
        ServiceHistory of(String service);
    }

    /** The history replayed, the fitted model, the signal the timeline shows, the timeline and the outcome. */
    public record Result(ServiceHistory history, ServiceModel model, Signal shown, List<TimelineRow> timeline,
                         Outcome total) {
        public Result {
            timeline = List.copyOf(timeline);
        }
    }

    public static Result run(PolicySpec policy, ServiceSpec spec, Histories histories) {
        ServiceHistory h = histories.of(policy.meta().service());
        ServiceModel model = ServiceModelFitter.fit(h, spec);
        List<Signal> signals = Render.signals(policy);
        Signal shown = signals.isEmpty() ? Signal.RPS : signals.get(0);
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        ReplayResult result = PolicyReplay.run(policy, h, model, spec,
                ReplayOptions.of(PolicyId.of(policy).label()).withTimeline(timeline, shown));
        return new Result(h, model, shown, timeline.rows(), result.total());
    }
}
