package dev.scalewise.sample;

/** Totals of one service over the days written, for the command's closing table. */
public record ServiceSummary(ServiceProfile profile, long requests, double replicaHours, double maxReadyReplicas,
                             double breachMinutes) {
    static ServiceSummary of(ServiceSeries s) {
        return new ServiceSummary(s.profile(), s.totalRequests(), s.totalReplicaHours(), s.maxReadyReplicas(),
                s.breachSteps() * s.stepSeconds() / 60.0);
    }

    ServiceSummary plus(ServiceSeries s) {
        ServiceSummary day = of(s);
        return new ServiceSummary(profile, requests + day.requests, replicaHours + day.replicaHours,
                Math.max(maxReadyReplicas, day.maxReadyReplicas), breachMinutes + day.breachMinutes);
    }

    /** EffectiveCost: provisioned replica-hours x price. */
    public double effectiveCost() {
        return replicaHours * profile.pricePerReplicaHour();
    }
}
