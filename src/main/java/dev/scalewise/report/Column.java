package dev.scalewise.report;

/**
 * A named, typed column of a {@link Table}.
 *
 * @param detail shown by every format but the default terminal table (its --wide form shows it)
 */
public record Column(String name, Type type, boolean detail) {
    /**
     * TEXT holds String; INTEGER holds Long or Integer; NUMBER, MONEY, PERCENT (already in percent) and
     * RATIO (two decimals, e.g. budget burn) hold Double (NaN = unknown); DATE holds LocalDate or Instant.
     * The type says how a person reads the value; json and csv keep it at full precision.
     */
    public enum Type { TEXT, INTEGER, NUMBER, MONEY, PERCENT, RATIO, DATE }

    public Column(String name, Type type) {
        this(name, type, false);
    }

    /** This column, shown only by --wide tables and the other formats. */
    public Column asDetail() {
        return new Column(name, type, true);
    }

    public static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    public static Column integer(String name) {
        return new Column(name, Type.INTEGER);
    }

    public static Column number(String name) {
        return new Column(name, Type.NUMBER);
    }

    public static Column money(String name) {
        return new Column(name, Type.MONEY);
    }

    public static Column percent(String name) {
        return new Column(name, Type.PERCENT);
    }

    public static Column ratio(String name) {
        return new Column(name, Type.RATIO);
    }

    public static Column date(String name) {
        return new Column(name, Type.DATE);
    }

    public boolean numeric() {
        return type != Type.TEXT && type != Type.DATE;
    }
}
