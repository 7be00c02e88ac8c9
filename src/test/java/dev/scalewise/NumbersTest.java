package dev.scalewise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 20's rules for numbers people read, and plain() for numbers machines read back. */
class NumbersTest {
    @ParameterizedTest(name = "readable({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "0.00276093|0.00276", "-25.7997|-25.8", "737121000|737,121,000", "0|0", "-0.0|0", "999.6|1,000", "99.96|100", "123.456|123",
            "12.345|12.3", "1234.5|1,235", "0.000123456789|0.000123", "NaN|-", "Infinity|inf", "-0.0001|-0.0001"})
    void readableKeepsThreeSignificantDigitsWithoutExponent(double v, String expected) {
        assertEquals(expected, Numbers.readable(v));
    }

    @ParameterizedTest(name = "money({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "44491.1|44,491 USD", "5728.73|5,729 USD", "942.1|942.10 USD", "0.896945|0.897 USD",
            "0.00276093|0.00276 USD", "-0.001|-0.001 USD", "NaN|-"})
    void moneyReadsAsMoney(double v, String expected) {
        assertEquals(expected, Numbers.money(v, "USD"));
    }

    @ParameterizedTest(name = "percent({0}) = {1}")
    @CsvSource(delimiter = '|', value = {"16.7624|16.8 %", "-25.7997|-25.8 %", "0.04|0.0 %", "-0.04|0.0 %",
            "1234.56|1,234.6 %", "NaN|-"})
    void percentHasOneDecimal(double v, String expected) {
        assertEquals(expected, Numbers.percent(v));
    }

    @ParameterizedTest(name = "count({0}) = {1}")
    @CsvSource(delimiter = '|', value = {"0|0", "999|999", "80670|80,670", "-1234567|-1,234,567"})
    void countsAreGroupedNeverScientific(long v, String expected) {
        assertEquals(expected, Numbers.count(v));
    }

    @ParameterizedTest(name = "plain({0}) = {1}")
    @CsvSource(delimiter = '|', value = {"3|3", "2.5|2.5", "0.125|0.125", "0.00001|0.00001", "1e20|100000000000000000000",
            "-0.0|0", "0.1|0.1", "80|80"})
    void plainIsExactAndNeverExponential(double v, String expected) {
        assertEquals(expected, Numbers.plain(v));
    }
}
