package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.policy.Slo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzeCommandTest {
    @ParameterizedTest
    @CsvSource({"60s,60", "60,60", "5m,300", "1h,3600", "24h,86400", "120S,120"})
    void stepParses(String text, int seconds) {
        assertEquals(seconds, AnalyzeCommand.stepSeconds(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"45s", "0s", "25h", "1.5m", "fast", ""})
    void stepMustBeWholeMinutesUpToADay(String text) {
        UserError e = assertThrows(UserError.class, () -> AnalyzeCommand.stepSeconds(text));
        assertTrue(e.getMessage().startsWith("--step: expected whole minutes"), e.getMessage());
    }

    @Test
    void servicesFileGivesTheSloAndDefaultsTheRest(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("services.yaml"),
                "services:\n  embed:\n    slo: {latency: p99, thresholdMs: 100}\n  chat: {}\n");
        var specs = TemporaryServicesFile.load(f);
        assertEquals(new Slo(Slo.Percentile.P99, 100, Slo.DEFAULT.objective()), specs.get("embed").slo());
        assertEquals(Slo.DEFAULT, specs.get("chat").slo());
    }

    @Test
    void badSloValueNamesFileAndKey(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("services.yaml"),
                "services:\n  embed:\n    slo: {latency: p97}\n");
        UserError e = assertThrows(UserError.class, () -> TemporaryServicesFile.load(f));
        assertEquals(f + ": services.embed.slo.latency: expected p50, p95 or p99, found 'p97'", e.getMessage());
    }
}
