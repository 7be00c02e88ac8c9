package dev.scalewise.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN §2: the core is pure Java; Spark lives in jobs only; nothing depends on the CLI. */
class ArchitectureTest {
    private static final String[] CORE = {"dev.scalewise.data..", "dev.scalewise.policy..", "dev.scalewise.model..",
            "dev.scalewise.sim..", "dev.scalewise.recommend..", "dev.scalewise.lint..", "dev.scalewise.report..",
            "dev.scalewise.sample..", "dev.scalewise.yaml..", "dev.scalewise.backtest..", "dev.scalewise.importer..",
            "dev.scalewise.calibrate..", "dev.scalewise.loadtest.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scalewise");
    }

    @Test
    void coreNeverTouchesSpark() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(classes);
    }

    @Test
    void coreNeverImportsJobsOrCli() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.scalewise.jobs..", "dev.scalewise.cli..")
                .check(classes);
    }

    /**
     * A job's spark-submit {@code main} hands its arguments to the CLI's {@code Main.run}, so a job takes
     * exactly the flags of its command; nothing else in jobs may reach into the CLI.
     */
    @Test
    void jobsUseTheCliOnlyThroughItsEntryPoint() {
        noClasses().that().resideInAPackage("dev.scalewise.jobs..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.scalewise.cli..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Main"))))
                .check(classes);
    }
}
