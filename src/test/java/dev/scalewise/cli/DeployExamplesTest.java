package dev.scalewise.cli;

import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark operator example cannot run here (no Kubernetes): what can be checked without one is that
 * it starts a class of ours that has a main, and hands it arguments its command accepts. The crontab
 * and jobs/*.sh run for real in StandaloneClusterIT.
 */
class DeployExamplesTest {
    @Test
    void theSparkOperatorExampleStartsOurJobWithArgumentsItsCommandAccepts() throws Exception {
        List<YamlDoc> docs = SafeYaml.load("jobs/schedule/backtest-sparkapplication.yaml");
        assertEquals(1, docs.size());
        YNode app = docs.get(0).root().get("spec").get("template");
        String mainClass = app.get("mainClass").requireText();
        Method main = Class.forName(mainClass).getMethod("main", String[].class);
        assertTrue(Modifier.isStatic(main.getModifiers()), mainClass + ".main is not static");
        assertEquals("local:///opt/scalewise/scalewise-0.1.0.jar", app.get("mainApplicationFile").requireText());

        List<String> args = new ArrayList<>();
        for (YNode a : app.get("arguments").items()) {
            args.add(a.requireText());
        }
        assertEquals(Main.class.getName(), mainClass, "spark-submit starts the CLI (docs/decisions.md D7)");
        assertEquals("backtest", args.get(0));
        assertDoesNotThrow(() -> Main.commandLine().parseArgs(args.toArray(String[]::new)));
    }
}
