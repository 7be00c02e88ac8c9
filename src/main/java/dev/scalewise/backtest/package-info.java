/**
 * The per-service backtest, pure Java: fit the service's model once, compute the observed ("as run")
 * baseline, replay every policy that applies, and return one {@link dev.scalewise.backtest.PolicyOutcome}
 * per policy and day, plus the problems that kept a policy or a service from being replayed. The Spark
 * job calls this inside executors, one service at a time; tests and the CLI call it directly. Must not
 * import Spark, jobs or cli.
 */
package dev.scalewise.backtest;
