package org.vein2vein;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    /** The domain slices, which the shared kernel and the platform serve and must not depend on. */
    private static final String[] SLICES = { "org.vein2vein.batch..", "org.vein2vein.clock..",
            "org.vein2vein.custody..", "org.vein2vein.genealogy..", "org.vein2vein.product..", "org.vein2vein.site..",
            "org.vein2vein.shipper..", "org.vein2vein.shipment..", "org.vein2vein.outbox.." };

    @Test
    void slices_depend_on_one_another_without_cycles() {
        slices().matching("org.vein2vein.(*)..").should().beFreeOfCycles()
                .because("a change to one slice must not ripple back into itself through another")
                .check(classes);
    }

    @Test
    void no_slice_touches_another_slices_persistence() {
        for (String slice : List.of("batch", "clock", "custody", "genealogy", "product", "site", "shipper", "shipment",
                "outbox")) {
            noClasses().that().resideInAPackage("org.vein2vein." + slice + "..")
                    .should().dependOnClassesThat(resideInAPackage("org.vein2vein.*.persistence..")
                            .and(not(resideInAPackage("org.vein2vein." + slice + "..")))
                            .and(not(resideInAPackage("org.vein2vein.platform.."))))
                    .because("a slice reads another slice's state through its application interface")
                    .check(classes);
        }
    }

    @Test
    void other_slices_use_the_shipper_registry_only_through_its_application_package() {
        noClasses().that().resideOutsideOfPackage("org.vein2vein.shipper..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vein2vein.shipper.domain..",
                        "org.vein2vein.shipper.persistence..", "org.vein2vein.shipper.api..")
                .because("packing asks ShipperRegistry whether a shipper is fit; how it decides stays the slice's own")
                .check(classes);
    }

    @Test
    void the_platform_and_the_kernel_depend_on_no_slice() {
        noClasses().that().resideInAnyPackage("org.vein2vein.platform..", "org.vein2vein.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(SLICES)
                .because("technical infrastructure and the shared vocabulary serve every slice")
                .check(classes);
    }

    @Test
    void the_kernel_is_plain_java() {
        classes().that().resideInAPackage("org.vein2vein.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.vein2vein.kernel..")
                .check(classes);
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
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..domain..", "org.vein2vein.kernel..");
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
