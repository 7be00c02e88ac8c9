package dev.scalewise.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.scalewise.backtest.ServiceBacktest;
import dev.scalewise.jobs.output.PartitionedParquet;
import dev.scalewise.policy.PolicySpec;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house's layering, written once (docs/ARCHITECTURE.md): a package uses only the tiers below its
 * own, never one above or beside it; Spark stays in jobs (the CLI gets core records from them), and
 * Hadoop and Parquet files are touched there and by the importers (which read cost exports and write the
 * contract's files).
 */
class LayeringTest {
    /** Bottom to top; the packages of one tier do not use each other. */
    static final List<List<String>> TIERS = List.of(
            List.of("base"),
            List.of("report", "data", "yaml", "loadtest"),
            List.of("policy"),
            List.of("model"),
            List.of("sim"),
            List.of("calibrate"),
            List.of("backtest", "lint", "sample", "importer"),
            List.of("recommend"),
            List.of("charts"),
            List.of("jobs"),
            List.of("cli"));

    /** The only packages that may use Spark (and Scala). */
    static final String[] SPARK_EDGE = {"dev.scalewise.jobs.."};

    /** The only packages that may read or write files through Hadoop or Parquet: those, and the importers. */
    static final String[] FILE_EDGE = {"dev.scalewise.jobs..", "dev.scalewise.importer.."};

    static ArchRule layering(boolean optionalLayers) {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(optionalLayers);
        for (List<String> tier : TIERS) {
            for (String name : tier) {
                layers = layers.layer(name).definedBy(name.equals("base") ? "dev.scalewise" : "dev.scalewise." + name + "..");
            }
        }
        for (int i = 0; i < TIERS.size(); i++) {
            List<String> above = new ArrayList<>();
            TIERS.subList(i + 1, TIERS.size()).forEach(above::addAll);
            for (String name : TIERS.get(i)) {
                layers = above.isEmpty() ? layers.whereLayer(name).mayNotBeAccessedByAnyLayer()
                        : layers.whereLayer(name).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
        }
        ArchRule sparkAtTheEdge = noClasses().that().resideOutsideOfPackages(SPARK_EDGE)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("the core is pure Java: Spark runs the jobs, at the edge");
        ArchRule filesAtTheEdge = noClasses().that().resideOutsideOfPackages(FILE_EDGE)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.hadoop..", "org.apache.parquet..")
                .because("Parquet files are read and written at the edge: the core gets records");
        return CompositeArchRule.of(layers).and(sparkAtTheEdge).and(filesAtTheEdge);
    }

    @Test
    void theCodeKeepsItsLayers() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scalewise");
        layering(false).check(main);
    }

    @Test
    void aLowerLayerUsingAHigherOneFails() {
        assertViolation(dev.scalewise.yaml.LayeringViolation.class, PolicySpec.class);
    }

    @Test
    void theCoreUsingSparkFails() {
        assertViolation(dev.scalewise.model.LayeringViolation.class, Row.class);
    }

    @Test
    void theCoreUsingTheJobsFails() {
        assertViolation(dev.scalewise.policy.LayeringViolation.class, PartitionedParquet.class);
    }

    @Test
    void aSiblingUsingASiblingFails() {
        assertViolation(dev.scalewise.lint.LayeringViolation.class, ServiceBacktest.class);
    }

    /** Each fixture (test code, never in the main check) breaks the rule in one way, and only that. */
    private static void assertViolation(Class<?> fixture, Class<?> used) {
        JavaClasses both = new ClassFileImporter().importClasses(fixture, used);
        AssertionError e = assertThrows(AssertionError.class, () -> layering(true).check(both));
        assertTrue(e.getMessage().contains(fixture.getName()) && e.getMessage().contains(used.getName()), e.getMessage());
    }
}
