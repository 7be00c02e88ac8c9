package dev.scalewise.badinput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One row of cases.md: {@code | id | setup | command | exit | message | checks |}. Setup steps and
 * checks are separated by {@code ;} ({@link Workspace} runs them); words of the command are separated by
 * spaces; {@code $TMP}, {@code $DATA} and the other variables of {@link Workspace#expand} are replaced.
 */
record BadInputCase(String id, List<String> setup, String command, int exit, String message, List<String> checks) {
    static List<BadInputCase> read(Path table) throws IOException {
        List<BadInputCase> out = new ArrayList<>();
        for (String line : Files.readAllLines(table)) {
            if (!line.startsWith("| ") || line.startsWith("| id ")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("(?<!\\\\)\\|", -1);
            if (cells.length != 6) {
                throw new IllegalArgumentException(table + ": expected 6 cells: " + line);
            }
            String[] c = Arrays.stream(cells).map(s -> s.strip().replace("\\|", "|").replace("`", "")).toArray(String[]::new);
            out.add(new BadInputCase(c[0], steps(c[1]), c[2], Integer.parseInt(c[3]), c[4], steps(c[5])));
        }
        return out;
    }

    private static List<String> steps(String cell) {
        return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
