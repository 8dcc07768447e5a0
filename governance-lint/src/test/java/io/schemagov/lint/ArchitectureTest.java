package io.schemagov.lint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the lint a plain command-line tool over the model and the rules. */
class ArchitectureTest {

    private final JavaClasses lint = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.schemagov.lint");

    @Test
    void lintDependsOnNoFrameworkBrokerOrSearchEngine() {
        noClasses().that().resideInAPackage("io.schemagov.lint..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "co.elastic..", "org.elasticsearch..", "java.sql..")
                .because("the lint runs in CI with nothing but the migration files")
                .check(lint);
    }
}
