package dev.scalewise.lint.rules;

/** Small formatting shared by rule messages. */
final class Rules {
    private Rules() {
    }

    /** 240.0 as "240", 2.5 as "2.5". */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
