package dev.scalewise.jobs;

import java.math.BigDecimal;
import java.util.Locale;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A service's SLO in a form Spark can ship to executors ({@link Slo} and {@link ServiceSpec} are not
 * Serializable and carry Optionals).
 */
record SloTerms(Slo.Percentile percentile, double thresholdMs, double objective) implements Serializable {
    static SloTerms of(Slo slo) {
        return new SloTerms(slo.percentile(), slo.thresholdMs(), slo.objective());
    }

    Slo slo() {
        return new Slo(percentile, thresholdMs, objective);
    }

    /** "p95<=1000ms@99%": how the output names the SLO a row was judged against. */
    String label() {
        return percentile.name().toLowerCase(Locale.ROOT) + "<=" + fmt(thresholdMs) + "ms@"
                + fmt(objective * 100) + "%";
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static HashMap<String, SloTerms> of(Map<String, ServiceSpec> services) {
        HashMap<String, SloTerms> m = new HashMap<>();
        services.forEach((name, spec) -> m.put(name, of(spec.slo())));
        return m;
    }
}
