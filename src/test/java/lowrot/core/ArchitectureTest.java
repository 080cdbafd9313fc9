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
    void coreDependsOnNoOtherProjectPackage() {
        noClasses().that().resideInAPackage("lowrot.core..")
                .should().dependOnClassesThat().resideInAnyPackage("lowrot.run..", "lowrot.io..", "lowrot.render..",
                        "lowrot.app..", "lowrot.cli..")
                .because("arrows point downwards only: app → render, run, io → core")
                .check(CLASSES);
    }
}
