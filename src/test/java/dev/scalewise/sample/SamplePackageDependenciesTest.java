package dev.scalewise.sample;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The generator is core: it must run without Spark and must not reach up into the CLI or the jobs. */
class SamplePackageDependenciesTest {
    @Test
    void sampleDependsOnNeitherSparkNorCliNorJobs() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scalewise.sample");
        noClasses().that().resideInAPackage("dev.scalewise.sample..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "dev.scalewise.cli..",
                        "dev.scalewise.jobs..")
                .check(classes);
    }
}
