package dev.scalewise.report;

import java.io.PrintWriter;

/** Writes a {@link Table} in one output format. */
public interface Renderer {
    void render(Table table, PrintWriter out);
}
