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
}
