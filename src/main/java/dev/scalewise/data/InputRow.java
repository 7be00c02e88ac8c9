package dev.scalewise.data;

/**
 * One raw row of any input dataset, written row by row (tests, small inputs); {@link InputBlock#of}
 * turns rows into the column blocks the {@link HistoryAligner} takes.
 *
 * @param service  service name ("" when the source had none: such rows are counted and dropped)
 * @param startMs  interval (or charge period) start, epoch ms; {@link #UNKNOWN_TIME} when null
 * @param endMs    exclusive end, epoch ms; {@link #UNKNOWN_TIME} when null
 * @param file     the file the row came from (for messages and within-file order)
 * @param fileOffset byte offset of the file split the row was read from (Spark may split a large file)
 * @param ordinal  position of the row in its split (increasing; gaps allowed)
 * @param pod      pod name, "" when the source has none (per-service rows)
 * @param values   numeric values in {@link DatasetKind#columns()} order; columns beyond its length are null
 * @param nulls    bit i set when values[i] was null in the source (values[i] is then NaN)
 * @param currency billing currency, "" for other datasets
 */
public record InputRow(DatasetKind dataset, String service, long startMs, long endMs, String file, long fileOffset, long ordinal,
                       String pod, double[] values, long nulls, String currency) {
    public static final long UNKNOWN_TIME = InputBlock.UNKNOWN_TIME;

    public InputRow {
        int width = dataset.columns().size();
        if (values.length < width) {
            int given = values.length;
            values = java.util.Arrays.copyOf(values, width);
            for (int c = given; c < width; c++) {
                values[c] = Double.NaN;
                nulls |= 1L << c;
            }
        }
    }

    public boolean isNull(int slot) {
        return (nulls & (1L << slot)) != 0;
    }
}
