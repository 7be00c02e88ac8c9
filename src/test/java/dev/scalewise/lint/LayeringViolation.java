package dev.scalewise.lint;

/** A deliberate break of the layering, for arch.LayeringTest only: lint using the backtest, a sibling of lint. */
public final class LayeringViolation {
    static Class<?> uses() {
        return dev.scalewise.backtest.ServiceBacktest.class;
    }
}
