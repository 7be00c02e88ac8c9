package dev.scalewise.report;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The renderers and the data records/aligner stay pure Java: no Spark, no jobs, no CLI. */
class PureJavaTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.scalewise.report", "dev.scalewise.data");

    @Test
    void reportAndDataDoNotImportSparkJobsOrCli() {
        noClasses().that().resideInAnyPackage("dev.scalewise.report..", "dev.scalewise.data..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "dev.scalewise.jobs..", "dev.scalewise.cli..")
                .check(CLASSES);
    }

    @Test
    void theAnalyzeMetricsAreSparkFreeToo() {
        noClasses().that().haveSimpleName("AnalyzeDay")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..")
                .check(new ClassFileImporter().importPackages("dev.scalewise.jobs"));
    }
}
