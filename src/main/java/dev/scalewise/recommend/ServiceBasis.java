package dev.scalewise.recommend;

import dev.scalewise.calibrate.Calibration;
import dev.scalewise.calibrate.Calibrator;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.AsRun;
import dev.scalewise.sim.Outcome;

import java.util.Optional;

/**
 * What every policy of one service is judged against, worked out once per service however many policies
 * it has: the train / holdout split, the service model fitted on the training part, and — when that model
 * can be replayed — the observed run on both periods and the calibration of the model against it.
 *
 * @param unreplayable why no policy of this service can be replayed (then {@code observed} is empty)
 */
public record ServiceBasis(Split split, ServiceModel model, ServiceSpec spec, Optional<String> unreplayable,
                           Optional<Observed> observed) {

    /** The fleet as it ran, replayed by the model on each period, and how well the model matched it on train. */
    public record Observed(Outcome train, Outcome holdout, Calibration calibration) {
    }

    /** Splits the history and fits the model on its training part. */
    public static ServiceBasis fit(ServiceHistory history, ServiceSpec spec, double holdoutFraction) {
        Split split = Split.of(history, holdoutFraction);
        ServiceModel model = ServiceModelFitter.fit(split.train(), spec);
        Optional<String> unreplayable = Recommender.unreplayable(model, history);
        return unreplayable.isPresent() ? new ServiceBasis(split, model, spec, unreplayable, Optional.empty())
                : of(split, model, spec);
    }

    /** With a stated model (tests, what-ifs): the model is taken as it is. */
    public static ServiceBasis of(Split split, ServiceModel model, ServiceSpec spec) {
        Observed observed = new Observed(AsRun.outcomes(split.train(), model, spec).total(),
                AsRun.outcomes(split.holdout(), model, spec).total(), Calibrator.calibrate(split.train(), model, spec));
        return new ServiceBasis(split, model, spec, Optional.empty(), Optional.of(observed));
    }
}
