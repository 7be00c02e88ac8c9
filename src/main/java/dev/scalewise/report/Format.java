package dev.scalewise.report;

import java.util.function.Supplier;

/** The output formats of analyze/backtest/recommend (--format). */
public enum Format {
    TABLE(TableRenderer::new), JSON(JsonRenderer::new), CSV(CsvRenderer::new), MARKDOWN(MarkdownRenderer::new);

    private final Supplier<Renderer> renderer;

    Format(Supplier<Renderer> renderer) {
        this.renderer = renderer;
    }

    public Renderer renderer() {
        return renderer.get();
    }

    /** The renderer, for a table: the full width with every column when {@code wide} (--wide). */
    public Renderer renderer(boolean wide) {
        return this == TABLE && wide ? new TableRenderer(0) : renderer.get();
    }
}
