package org.vein2vein;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vein2vein");
    }

    @Test
    void the_domain_model_is_imported() {
        assertThat(classes.containPackage("org.vein2vein.batch.domain")).isTrue();
        assertThat(classes.containPackage("org.vein2vein.custody.domain")).isTrue();
    }

    @Test
    void domain_classes_depend_on_no_framework() {
        ArchRule rule = noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "javax.persistence..", "javax.ws..", "io.quarkus..", "io.smallrye..",
                        "org.hibernate..", "com.fasterxml..", "org.apache.kafka..", "io.vertx..",
                        "org.eclipse.microprofile..")
                .because("the domain model is plain Java, testable without a container");
        rule.check(classes);
    }

    @Test
    void domain_classes_depend_only_on_the_jdk_and_other_domain_classes() {
        ArchRule rule = classes().that().resideInAPackage("..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..domain..");
        rule.check(classes);
    }

    @Test
    void domain_does_not_depend_on_api_persistence_or_application() {
        ArchRule rule = noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..persistence..", "..application..");
        rule.check(classes);
    }

    @Test
    void persistence_does_not_access_the_api_layer() {
        ArchRule rule = noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAPackage("..api..");
        rule.check(classes);
    }
}
