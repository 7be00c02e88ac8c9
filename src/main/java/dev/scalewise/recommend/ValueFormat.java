package dev.scalewise.recommend;

import dev.scalewise.Numbers;
import java.math.BigDecimal;

/** How a knob's value is written in its manifest: a YAML number, or a string where the field is one. */
public enum ValueFormat {
    /** A YAML integer: {@code minReplicas: 3}. */
    INT(false),
    /** A YAML number: {@code target_ongoing_requests: 2.5}. */
    NUMBER(false),
    /** An integer in a string field: Knative annotations, KEDA trigger metadata ({@code "3"}). */
    INT_STRING(true),
    /** A number in a string field ({@code "12.5"}). */
    NUMBER_STRING(true),
    /** Seconds as a Go duration in a string field (Knative {@code window: "60s"}). */
    DURATION_STRING(true);

    private final boolean string;

    /** A whole number in this manifest field: a YAML integer, or in a string field (an annotation) a string. */
    public static ValueFormat integer(dev.scalewise.policy.ManifestField field) {
        return field.text() ? INT_STRING : INT;
    }

    ValueFormat(boolean string) {
        this.string = string;
    }

    /** True when the field is a string in its schema, so an inserted value must be quoted. */
    public boolean string() {
        return string;
    }

    /** The value's text, without quotes. */
    public String text(double value) {
        return switch (this) {
            case INT, INT_STRING -> Long.toString(Math.round(value));
            case NUMBER, NUMBER_STRING -> Numbers.plain(value);
            case DURATION_STRING -> Math.round(value) + "s";
        };
    }
}
