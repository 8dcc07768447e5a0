package io.schemagov.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the rules pure functions: no frameworks, no I/O, no clock, no logging. */
class ArchitectureTest {

    private final JavaClasses rules = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.schemagov.rules");

    @Test
    void rulesDependOnNoFrameworkIoClockOrLogging() {
        noClasses().that().resideInAPackage("io.schemagov.rules..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "co.elastic..", "java.sql..", "java.net..",
                        "java.nio.file..", "org.slf4j..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .because("rules must stay pure functions of the event they are given")
                .check(rules);
    }
}
