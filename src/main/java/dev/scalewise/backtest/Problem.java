package dev.scalewise.backtest;

/**
 * Why a service, or one policy on it, has no result. The rest of the fleet still completes.
 *
 * @param policy the policy label, or "" when the whole service could not be backtested
 */
public record Problem(String service, String policy, String problem) {
}
