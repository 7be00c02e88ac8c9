package dev.scalewise.backtest;

import dev.scalewise.calibrate.Calibration;
import dev.scalewise.calibrate.Calibrator;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.AsRun;
import dev.scalewise.sim.Outcome;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One row of `analyze`: the observed ("as run") outcome of one service on one UTC day, exactly the
 * {@code observed} row of a backtest ({@link AsRun} with the model {@link ServiceModelFitter} fits),
 * plus what analyze shows about the numbers behind it.
 *
 * @param costKnown  false when the cost is unknown: no billing row was attributed to the service and
 *                   services.yaml sets no pricePerReplicaHour (cost is then reported as unknown, not 0)
 * @param idleShare  idle cost / cost, where a step's idle replicas are those above demand / capacity
 *                   (NaN when the capacity or the cost is unknown)
 * @param capacity   the fitted capacity per replica behind idleShare, with its confidence and how it
 *                   was obtained (or why it is unknown)
 * @param calibration how far the service's model is to be trusted (the same for all its days)
 */
public record AnalyzeDay(LocalDate date, Outcome outcome, boolean costKnown, double idleShare, Fitted capacity,
                         Calibration calibration) {

    /**
     * The history's days. A model that cannot be fitted does not fail the service: its days are still
     * reported, with unknown capacity (idle share NaN) whose note says why.
     */
    public static List<AnalyzeDay> of(ServiceHistory h, ServiceSpec spec) {
        if (h.steps() == 0) {
            return List.of();
        }
        ServiceModel model = fitOrUnknown(h, spec);
        Calibration calibration = Calibrator.calibrate(h, model, spec);
        return AsRun.outcomes(h, model, spec).days().stream()
                .map(o -> new AnalyzeDay(LocalDate.ofInstant(o.periodStart(), ZoneOffset.UTC), o,
                        !Double.isNaN(o.cost()), o.idleShare(), model.capacityPerReplica(), calibration))
                .toList();
    }

    public static ServiceModel fitOrUnknown(ServiceHistory h, ServiceSpec spec) {
        try {
            return ServiceModelFitter.fit(h, spec);
        } catch (RuntimeException e) { // analyze reports what was observed even when no model fits
            String why = "no model fitted: " + e.getMessage();
            Fitted price = spec.pricePerReplicaHour().isPresent()
                    ? Fitted.stated(spec.pricePerReplicaHour().getAsDouble(), "services.yaml pricePerReplicaHour")
                    : Fitted.unknown(0, why);
            return ServiceModel.unknown(h.service(), spec.slo().percentile(), why, price, h.currency());
        }
    }
}
