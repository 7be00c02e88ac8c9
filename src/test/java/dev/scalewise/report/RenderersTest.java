package dev.scalewise.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RenderersTest {
    static final Table TABLE = new Table(
            List.of(Column.date("date"), Column.text("service"), Column.integer("minutes"), Column.number("cost_per_1k")),
            List.of(List.of(LocalDate.parse("2026-01-05"), "chat", 5L, 0.5 / 5400 * 1000),
                    List.of(LocalDate.parse("2026-01-05"), "a,b", 1234L, Double.NaN)))
            .withSection("notes", List.of("gpu: no data"));

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(Format.TABLE, String.join("\n",
                        "date        service  minutes  cost per 1k",
                        "2026-01-05  chat           5       0.0926",
                        "2026-01-05  a,b        1,234            -", "")),
                Arguments.of(Format.CSV, String.join("\r\n",
                        "date,service,minutes,cost_per_1k",
                        "2026-01-05,chat,5,0.09259259259259259",
                        "2026-01-05,\"a,b\",1234,", "")),
                Arguments.of(Format.MARKDOWN, String.join("\n",
                        "| date | service | minutes | cost per 1k |",
                        "|---|---|---:|---:|",
                        "| 2026-01-05 | chat | 5 | 0.0926 |",
                        "| 2026-01-05 | a,b | 1,234 | - |", "")),
                Arguments.of(Format.JSON, String.join("\n",
                        "{",
                        "  \"rows\" : [ {",
                        "    \"date\" : \"2026-01-05\",",
                        "    \"service\" : \"chat\",",
                        "    \"minutes\" : 5,",
                        "    \"cost_per_1k\" : 0.09259259259259259",
                        "  }, {",
                        "    \"date\" : \"2026-01-05\",",
                        "    \"service\" : \"a,b\",",
                        "    \"minutes\" : 1234,",
                        "    \"cost_per_1k\" : null",
                        "  } ],",
                        "  \"notes\" : [ \"gpu: no data\" ]",
                        "}", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void rendersTheSameTableInEachFormat(Format format, String expected) {
        StringWriter sw = new StringWriter();
        format.renderer().render(TABLE, new PrintWriter(sw));
        assertEquals(expected, sw.toString().replace(System.lineSeparator(), "\n").replace("\r\n", "\r\n"));
    }

    @org.junit.jupiter.api.Test
    void aWideTableFitsItsWidthWithTwoLineHeadersCutTextDetailOnlyWhenWideAndATotalsRow() {
        Table t = new Table(List.of(Column.text("policy"), Column.money("cost_per_1k_now"),
                Column.percent("savings_pct"), Column.text("changes").asDetail()),
                List.of(List.of("scheduled/llm-chat-business-hours", 0.896945, 16.2737, "target 6->7.5"),
                        List.of("hpa/rerank", 0.00631502, -25.7997, "-")))
                .withTotals(List.of("total", 1.5, Double.NaN, ""));
        StringWriter narrow = new StringWriter();
        new TableRenderer(30).render(t, new PrintWriter(narrow));
        assertEquals(String.join("\n",
                "             cost per  savings",
                "policy         1k now      pct",
                "scheduled/…     0.897   16.3 %",
                "hpa/rerank    0.00632  -25.8 %",
                "------------------------------",
                "total            1.50        -", ""), narrow.toString().replace(System.lineSeparator(), "\n"));
        StringWriter wide = new StringWriter();
        new TableRenderer(0).render(t, new PrintWriter(wide));
        assertEquals(String.join("\n",
                "policy                             cost per 1k now  savings pct  changes",
                "scheduled/llm-chat-business-hours            0.897       16.3 %  target 6->7.5",
                "hpa/rerank                                 0.00632      -25.8 %  -",
                "------------------------------------------------------------------------------",
                "total                                         1.50            -", ""),
                wide.toString().replace(System.lineSeparator(), "\n"));
    }
}
