package dev.scalewise.lint;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Static lint must stay fast and Spark-free: the lint packages never reach Spark, jobs or the CLI. */
class LintArchitectureTest {
    @Test
    void lintImportsNeitherSparkNorJobsNorCli() {
        JavaClasses lint = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scalewise.lint");
        noClasses().that().resideInAPackage("dev.scalewise.lint..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..",
                        "dev.scalewise.jobs..", "dev.scalewise.cli..")
                .check(lint);
    }
}
