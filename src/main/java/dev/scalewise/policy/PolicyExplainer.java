package dev.scalewise.policy;

import dev.scalewise.Numbers;
import dev.scalewise.policy.ScalingRules.ScalingPolicy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One sentence of what the controller will do with a policy, in the controller's own terms, e.g.
 * "scales up at most max(4 pods, 100 %) per 15 s immediately; scales down at most 100 % per 15 s
 * after a 300 s stabilization window".
 */
public final class PolicyExplainer {
    private PolicyExplainer() {
    }

    public static String describe(PolicySpec p) {
        return switch (p.kind()) {
            case HPA -> hpa((HpaPolicy) p);
            case KEDA -> keda((KedaPolicy) p);
            case KPA -> kpa((KpaPolicy) p);
            case RAY_SERVE -> ray((RayServePolicy) p);
            case SCHEDULED -> scheduled((ScheduledPolicy) p);
            case PREDICTIVE -> predictive((PredictivePolicy) p);
            case APP_AUTO_SCALING -> appAutoScaling((AppAutoScalingPolicy) p);
            case CLOUD_RUN -> cloudRun((CloudRunPolicy) p);
        };
    }

    private static String hpa(HpaPolicy h) {
        String targets = h.metrics().stream().map(PolicyExplainer::target).collect(Collectors.joining(" and "));
        return "keeps " + range(h.minReplicas(), h.maxReplicas()) + " replicas so that " + targets
                + " (tolerance " + pct(h.tolerance()) + ", every " + h.syncPeriodSeconds() + " s); "
                + behavior(h.behavior());
    }

    /** The part shared by HPAs and the HPA a KEDA ScaledObject drives. */
    private static String behavior(Optional<Behavior> behavior) {
        if (behavior.isEmpty()) {
            // pkg/controller/podautoscaler/horizontal.go: normalizeDesiredReplicas (scaleUpLimitFactor 2,
            // scaleUpLimitMinimum 4) and the 5 min downscale stabilization flag
            return "no behavior set, so the legacy path: scales up to at most max(2 x current, 4) replicas per step "
                    + "immediately; scales down to the highest recommendation of the last 300 s, without a rate limit";
        }
        Behavior b = behavior.get();
        return direction("up", b.scaleUp()) + "; " + direction("down", b.scaleDown());
    }

    static String direction(String dir, ScalingRules r) {
        if (r.selectPolicy() == ScalingRules.SelectPolicy.DISABLED) {
            return "never scales " + dir;
        }
        List<ScalingPolicy> ps = r.policies();
        boolean samePeriod = ps.stream().mapToInt(ScalingPolicy::periodSeconds).distinct().count() == 1;
        String limits = ps.stream().map(x -> amount(x) + (samePeriod ? "" : " per " + x.periodSeconds() + " s"))
                .collect(Collectors.joining(", "));
        if (ps.size() > 1) {
            limits = (r.selectPolicy() == ScalingRules.SelectPolicy.MAX ? "max(" : "min(") + limits + ")";
        }
        if (samePeriod) {
            limits += " per " + ps.get(0).periodSeconds() + " s";
        }
        String when = r.stabilizationWindowSeconds() == 0 ? "immediately"
                : "after a " + r.stabilizationWindowSeconds() + " s stabilization window";
        return "scales " + dir + " at most " + limits + " " + when;
    }

    private static String amount(ScalingPolicy p) {
        return p.type() == ScalingPolicy.Type.PODS ? p.value() + (p.value() == 1 ? " pod" : " pods") : p.value() + " %";
    }

    private static String keda(KedaPolicy k) {
        String triggers = k.triggers().stream().map(t -> target(t.metric())
                + (t.activationThreshold() > 0 ? " (active above " + Numbers.plain(t.activationThreshold()) + ")" : ""))
                .collect(Collectors.joining(" and "));
        String zero = k.minReplicas() == 0
                ? "activates from 0 when a trigger is active (checked every " + k.pollingIntervalSeconds()
                + " s) and returns to 0 after " + k.cooldownPeriodSeconds() + " s inactive; "
                : "polls every " + k.pollingIntervalSeconds() + " s; ";
        return zero + "its HPA keeps " + range(Math.max(1, k.minReplicas()), k.maxReplicas()) + " replicas so that "
                + triggers + "; " + behavior(k.behavior());
    }

    private static String kpa(KpaPolicy k) {
        String metric = k.metric() == KpaPolicy.Metric.RPS ? "requests per second" : "concurrent requests";
        double aim = k.target() * k.targetUtilization();
        double panicWindow = k.stableWindowSeconds() * k.panicWindowPercentage() / 100;
        return "keeps " + range(k.minReplicas(), k.maxReplicas()) + " replicas at " + Numbers.plain(round(aim)) + " "
                + metric + " per replica (" + pct(k.targetUtilization()) + " of " + Numbers.plain(k.target())
                + ") averaged over " + k.stableWindowSeconds() + " s, panicking on a " + Numbers.plain(round(panicWindow))
                + " s window above " + Numbers.plain(k.panicThresholdPercentage()) + " %; each " + k.tickSeconds()
                + " s tick scales up at most " + Numbers.plain(k.maxScaleUpRate()) + "x and down at most "
                + Numbers.plain(k.maxScaleDownRate()) + "x"
                + (k.scaleDownDelaySeconds() > 0 ? " after a " + k.scaleDownDelaySeconds() + " s scale-down delay" : "")
                + (k.minReplicas() == 0 ? "; scales to zero " + k.scaleToZeroGracePeriodSeconds()
                + " s after the last request" : "");
    }

    private static String ray(RayServePolicy r) {
        return "keeps " + range(r.minReplicas(), r.maxReplicas()) + " replicas (starting at " + r.initialReplicas()
                + ") at " + Numbers.plain(r.targetOngoingRequests()) + " ongoing requests per replica, measured every "
                + Numbers.plain(r.metricsIntervalSeconds()) + " s over " + Numbers.plain(r.lookBackPeriodSeconds())
                + " s; scales up after " + Numbers.plain(r.upscaleDelaySeconds()) + " s and down after "
                + Numbers.plain(r.downscaleDelaySeconds()) + " s of sustained need"
                + (r.minReplicas() == 0 ? "; scales to zero when idle" + r.downscaleToZeroDelaySeconds().stream()
                .mapToObj(d -> " for " + Numbers.plain(d) + " s").findFirst().orElse("") : "");
    }

    private static String scheduled(ScheduledPolicy s) {
        String windows = s.windows().stream().map(w -> (w.mode() == ScheduledPolicy.Window.Mode.MIN
                ? "holds at least " : "pins ") + w.replicas() + " replicas for " + duration(w.durationSeconds())
                + " from '" + w.cron() + "'").collect(Collectors.joining(", "));
        return windows + " (" + s.timeZone().getId() + "); otherwise " + describe(s.base());
    }

    private static String predictive(PredictivePolicy p) {
        String season = switch (p.seasonality()) {
            case DAILY -> "daily";
            case WEEKLY -> "weekly";
            case DAILY_AND_WEEKLY -> "daily and weekly";
        };
        return "provisions " + p.leadSeconds() + " s ahead for the forecast requests per second (" + season
                + " seasonality from " + p.historyDays() + " days) / " + Numbers.plain(p.targetRpsPerReplica())
                + " per replica + " + pct(p.headroom()) + " headroom; never below what the base policy asks: "
                + describe(p.base());
    }

    /** AWS Application Auto Scaling: each policy's alarms and what they do, per docs/autoscalers.md. */
    private static String appAutoScaling(AppAutoScalingPolicy a) {
        List<String> parts = new java.util.ArrayList<>();
        for (AppAutoScalingPolicy.TargetTracking t : a.targetTracking()) {
            parts.add("keeps " + t.metric().name() + " near " + Numbers.plain(t.targetValue()) + ": scales out after "
                    + t.outDatapoints() + " minutes above it (then every minute, " + cooldown(t.scaleOutCooldownSeconds())
                    + " scale-out cooldown)" + (t.disableScaleIn() ? ", never scales in"
                    : ", scales in after " + t.inDatapoints() + " minutes below " + Numbers.plain(t.inThresholdRatio()
                    * t.targetValue()) + " (" + cooldown(t.scaleInCooldownSeconds()) + " scale-in cooldown)"));
        }
        for (AppAutoScalingPolicy.StepScaling s : a.stepScaling()) {
            AppAutoScalingPolicy.Alarm al = s.alarm();
            parts.add("steps " + s.adjustmentType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " when "
                    + al.metric().name() + " " + (al.comparison().name().startsWith("GREATER") ? ">" : "<") + " "
                    + Numbers.plain(al.threshold()) + " for " + al.datapointsToAlarm() + " of " + al.evaluationPeriods()
                    + " periods of " + al.periodSeconds() + " s (cooldown " + cooldown(s.cooldownSeconds()) + ")");
        }
        String bounds = range(a.minReplicas(), a.maxReplicas()) + (a.provisionedConcurrency()
                ? " provisioned environments (requests beyond them run on demand, each new environment starting cold)"
                : " instances");
        return parts.isEmpty() ? "has no scaling policy: AWS keeps " + bounds
                : "keeps " + bounds + "; " + String.join("; ", parts)
                + "; one scaling activity at a time, the largest capacity asked wins";
    }

    private static String cloudRun(CloudRunPolicy c) {
        return "keeps " + range(c.minReplicas(), c.maxReplicas()) + " instances so that requests in flight stay at "
                + pct(c.concurrencyTarget()) + " of " + c.containerConcurrency() + " per instance and CPU at "
                + pct(c.cpuTarget()) + " (one-minute means), one instance as soon as a request arrives; keeps an"
                + " instance no longer needed " + duration(c.idleRetentionSeconds()) + " (Cloud Run: up to 15 min); "
                + (c.cpuAlwaysAllocated() ? "CPU always allocated (instance-based billing)"
                : "CPU only during requests (request-based billing)")
                + (c.startupCpuBoost() ? ", startup CPU boost" : "");
    }

    /** A cooldown as a duration, "no" for 0. */
    private static String cooldown(int seconds) {
        return seconds == 0 ? "no" : duration(seconds);
    }

    private static String target(MetricTarget m) {
        String what = m.signal().id() + (m.metricName().equals(m.signal().id()) ? "" : " (" + m.metricName() + ")");
        return switch (m.targetType()) {
            case UTILIZATION -> what + " stays near " + Numbers.plain(m.target()) + " % of requests";
            case AVERAGE_VALUE -> what + " stays near " + Numbers.plain(m.target()) + " per replica";
            case VALUE -> what + " stays near " + Numbers.plain(m.target()) + " in total";
        };
    }

    private static String range(int min, int max) {
        String hi = max == Integer.MAX_VALUE ? "unlimited" : Integer.toString(max);
        return min + "-" + hi;
    }

    private static String pct(double share) {
        return Numbers.plain(round(share * 100)) + " %";
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String duration(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
