package dev.scalewise.policy;

import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A normalized policy as a plain tree (maps, lists, strings, numbers, booleans) in record-component
 * order, the shape `policy show` prints as YAML or JSON. Field paths in the tree are the same paths
 * {@link PolicyMeta#defaulted()} lists, e.g. {@code behavior.scaleUp.policies}.
 */
public final class Render {
    /** Key under which a policy's tree lists its defaulted field paths. */
    public static final String DEFAULTED = "defaulted";

    private Render() {
    }

    /**
     * The policy's fields (without meta) after its kind and name, then the sorted list of defaulted
     * paths under {@link #DEFAULTED}; a nested base policy is rendered the same way.
     */
    public static Map<String, Object> tree(PolicySpec spec) {
        return record((Record) spec);
    }

    private static Map<String, Object> record(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals("meta")) {
                continue;
            }
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            value(v).ifPresent(x -> out.put(c.getName(), x));
        }
        if (r instanceof PolicySpec p && !out.isEmpty()) {
            // identify a nested base policy
            Map<String, Object> withId = new LinkedHashMap<>();
            withId.put("kind", p.kind().id());
            withId.put("name", p.meta().name());
            withId.putAll(out);
            withId.put(DEFAULTED, new ArrayList<>(new java.util.TreeSet<>(p.meta().defaulted())));
            return withId;
        }
        return out;
    }

    /** Empty for an absent optional (the field is then left out). */
    private static Optional<Object> value(Object v) {
        if (v instanceof Optional<?> o) {
            return o.flatMap(Render::value);
        }
        if (v instanceof OptionalInt o) {
            return o.isPresent() ? Optional.of(o.getAsInt()) : Optional.empty();
        }
        if (v instanceof OptionalDouble o) {
            return o.isPresent() ? Optional.of(o.getAsDouble()) : Optional.empty();
        }
        if (v instanceof Double d) {
            return Optional.of(d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) (double) d : d);
        }
        if (v instanceof Enum<?> e) {
            return Optional.of(enumText(e));
        }
        if (v instanceof ZoneId z) {
            return Optional.of(z.getId());
        }
        if (v instanceof Record r) {
            return Optional.of(record(r));
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                value(x).ifPresent(out::add);
            }
            return Optional.of(out);
        }
        return Optional.of(v);
    }

    /** SCALE_UP → "ScaleUp"-like upstream spelling: AVERAGE_VALUE → AverageValue, RPS → rps for signals. */
    static String enumText(Enum<?> e) {
        if (e instanceof Signal s) {
            return s.id();
        }
        StringBuilder b = new StringBuilder();
        for (String part : e.name().split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    /** The simulated signals a policy reads (a scheduled or predictive policy: its base policy's). */
    public static List<Signal> signals(PolicySpec p) {
        return switch (p.kind()) {
            case HPA -> ((HpaPolicy) p).metrics().stream().map(MetricTarget::signal).distinct().toList();
            case KEDA -> ((KedaPolicy) p).triggers().stream().map(t -> t.metric().signal()).distinct().toList();
            case KPA -> List.of(((KpaPolicy) p).metric() == KpaPolicy.Metric.RPS ? Signal.RPS_PER_REPLICA
                    : Signal.CONCURRENCY);
            case RAY_SERVE -> List.of(Signal.CONCURRENCY);
            case CLOUD_RUN -> List.of(Signal.CONCURRENCY, Signal.CPU_UTIL);
            case APP_AUTO_SCALING -> {
                AppAutoScalingPolicy a = (AppAutoScalingPolicy) p;
                yield java.util.stream.Stream.concat(a.targetTracking().stream().map(t -> t.metric().signal()),
                        a.stepScaling().stream().map(t -> t.alarm().metric().signal())).distinct().toList();
            }
            case SCHEDULED -> signals(((ScheduledPolicy) p).base());
            case PREDICTIVE -> {
                List<Signal> out = new ArrayList<>(List.of(Signal.RPS));
                signals(((PredictivePolicy) p).base()).stream().filter(x -> !out.contains(x)).forEach(out::add);
                yield out;
            }
        };
    }
}
