package dev.scalewise.backtest;

import dev.scalewise.sim.Outcome;

/** One policy's (or the observed baseline's) outcome for one service and one day. */
public record PolicyOutcome(PolicyId policy, Outcome outcome) {
}
