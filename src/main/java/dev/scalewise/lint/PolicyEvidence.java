package dev.scalewise.lint;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Outcome;

import java.util.List;
import java.util.Optional;

/**
 * What replaying one configured policy showed.
 *
 * @param manifest  the object the policy was read from (findings point at it)
 * @param policy    the normalized policy that was replayed
 * @param service   the service's SLO, startup and price
 * @param daily     one outcome per replayed day, oldest first
 * @param observed  the as-run baseline over the same days, when the exports allow it
 * @param peakReplicasNeeded replicas the highest-demand minute needed to meet the SLO
 * @param rampSecondsToPeak  how long the replayed policy took to reach the replicas the steepest ramp needed
 * @param model     the service model the replay rested on (fitted, or stated in services.yaml); empty when the
 *                  evidence comes from a nightly backtest's results, which keep no model
 */
public record PolicyEvidence(Manifest manifest, PolicySpec policy, ServiceSpec service, List<Outcome> daily,
                             Optional<Outcome> observed, int peakReplicasNeeded, double rampSecondsToPeak,
                             Optional<ServiceModel> model) {
    public PolicyEvidence {
        daily = List.copyOf(daily);
    }
}
