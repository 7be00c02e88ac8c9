package dev.scalewise.report;

/** A named, typed column of a {@link Table}. */
public record Column(String name, Type type) {
    /**
     * TEXT holds String; INTEGER holds Long or Integer; NUMBER holds Double (NaN = unknown);
     * DATE holds LocalDate or Instant.
     */
    public enum Type { TEXT, INTEGER, NUMBER, DATE }

    public static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    public static Column integer(String name) {
        return new Column(name, Type.INTEGER);
    }

    public static Column number(String name) {
        return new Column(name, Type.NUMBER);
    }

    public static Column date(String name) {
        return new Column(name, Type.DATE);
    }

    public boolean numeric() {
        return type == Type.INTEGER || type == Type.NUMBER;
    }
}
