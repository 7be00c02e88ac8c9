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
                        "date        service  minutes  cost_per_1k",
                        "2026-01-05  chat           5    0.0925926",
                        "2026-01-05  a,b         1234            -", "")),
                Arguments.of(Format.CSV, String.join("\r\n",
                        "date,service,minutes,cost_per_1k",
                        "2026-01-05,chat,5,0.09259259259259259",
                        "2026-01-05,\"a,b\",1234,", "")),
                Arguments.of(Format.MARKDOWN, String.join("\n",
                        "| date | service | minutes | cost_per_1k |",
                        "|---|---|---:|---:|",
                        "| 2026-01-05 | chat | 5 | 0.0925926 |",
                        "| 2026-01-05 | a,b | 1234 | - |", "")),
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

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("numbers")
    void humanNumbersKeepSixSignificantDigits(double v, String expected) {
        assertEquals(expected, Cells.human(v));
    }

    static Stream<Arguments> numbers() {
        return Stream.of(Arguments.of(0.0, "0"), Arguments.of(20.0, "20"), Arguments.of(1234567.891, "1234570"),
                Arguments.of(0.000123456789, "0.000123457"), Arguments.of(-0.0, "0"), Arguments.of(Double.NaN, "-"),
                Arguments.of(1.0 / 3, "0.333333"));
    }

}
