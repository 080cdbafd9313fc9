package lowrot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lowrot");

    @Test
    void coreIsPureMathematics() {
        noClasses().that().resideInAPackage("lowrot.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "com.google.gson..",
                        "java.io..", "java.nio.file..", "picocli..")
                .because("the mathematics must run and be tested without a UI, a file system or a serialiser")
                .check(CLASSES);
    }

    @Test
    void layersPointDownwards() {
        com.tngtech.archunit.library.Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("lowrot.app..")
                .layer("cli").definedBy("lowrot.cli..")
                .layer("render").definedBy("lowrot.render..")
                .layer("io").definedBy("lowrot.io..")
                .layer("run").definedBy("lowrot.run..")
                .layer("core").definedBy("lowrot.core..")
                .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("render").mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("run").mayOnlyBeAccessedByLayers("app", "cli", "render")
                .because("app and cli sit on render, run and io, which sit on core")
                .check(CLASSES);
    }

    @Test
    void onlyIoTouchesFilesAndJson() {
        noClasses().that().resideInAnyPackage("lowrot.core..", "lowrot.run..", "lowrot.render..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.gson..", "java.nio.file..")
                .because("io is the only user of Gson and of the file system")
                .check(CLASSES);
    }

    @Test
    void coreDependsOnNoOtherProjectPackage() {
        noClasses().that().resideInAPackage("lowrot.core..")
                .should().dependOnClassesThat().resideInAnyPackage("lowrot.run..", "lowrot.io..", "lowrot.render..",
                        "lowrot.app..", "lowrot.cli..")
                .because("arrows point downwards only: app → render, run, io → core")
                .check(CLASSES);
    }
}
