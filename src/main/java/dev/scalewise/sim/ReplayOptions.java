package dev.scalewise.sim;

import dev.scalewise.policy.Signal;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How to run one replay.
 *
 * @param policyName      the name outcomes carry (a policy's metadata name)
 * @param initialReplicas replicas ready at the start; empty = the observed replicas at the first step
 * @param timeline        receives one row per decision period; {@link TimelineRecorder#NONE} for none
 * @param timelineSignal  which signal the timeline's "signal seen" column shows
 * @param minuteLog       receives every judged minute's verdict; {@link MinuteLog#NONE} for none
 * @param stop            when the replay may end early; {@link StopRule#NEVER} to replay the whole history
 */
public record ReplayOptions(String policyName, OptionalInt initialReplicas, TimelineRecorder timeline,
                            Signal timelineSignal, MinuteLog minuteLog, StopRule stop) {
    public ReplayOptions {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(initialReplicas, "initialReplicas");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(timelineSignal, "timelineSignal");
        Objects.requireNonNull(minuteLog, "minuteLog");
        Objects.requireNonNull(stop, "stop");
    }

    public static ReplayOptions of(String policyName) {
        return new ReplayOptions(policyName, OptionalInt.empty(), TimelineRecorder.NONE, Signal.RPS, MinuteLog.NONE,
                StopRule.NEVER);
    }

    public ReplayOptions withInitialReplicas(int replicas) {
        return new ReplayOptions(policyName, OptionalInt.of(replicas), timeline, timelineSignal, minuteLog, stop);
    }

    public ReplayOptions withTimeline(TimelineRecorder recorder, Signal signal) {
        return new ReplayOptions(policyName, initialReplicas, recorder, signal, minuteLog, stop);
    }

    public ReplayOptions withMinuteLog(MinuteLog log) {
        return new ReplayOptions(policyName, initialReplicas, timeline, timelineSignal, log, stop);
    }

    public ReplayOptions withStop(StopRule rule) {
        return new ReplayOptions(policyName, initialReplicas, timeline, timelineSignal, minuteLog, rule);
    }
}
