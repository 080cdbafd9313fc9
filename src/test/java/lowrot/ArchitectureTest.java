package lowrot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import lowrot.core.step.ActivityMask;
import lowrot.core.step.Engine;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, each with its reason. Core's sub-packages form layers of their own:
 * util and step at the bottom (they use no other core package), then data, model, train and margin, then
 * experiment, then claims.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lowrot");

    @Test
    void coreIsPureMathematics() {
        noClasses()
                .that()
                .resideInAPackage("lowrot.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..", "org.jfree..", "com.google.gson..", "java.io..", "java.nio.file..", "picocli..")
                .because("the mathematics must run and be tested without a UI, a file system or a serialiser")
                .check(CLASSES);
    }

    @Test
    void theMathematicsReadsNoClock() {
        noClasses()
                .that()
                .resideInAPackage("lowrot.core..")
                .should()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("java.time..")
                .because("the same config and seeds give the same bits on any machine")
                .check(CLASSES);
    }

    @Test
    void layersPointDownwards() {
        com.tngtech.archunit.library.Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("app")
                .definedBy("lowrot.app..")
                .layer("cli")
                .definedBy("lowrot.cli..")
                .layer("report")
                .definedBy("lowrot.report..")
                .layer("render")
                .definedBy("lowrot.render..")
                .layer("io")
                .definedBy("lowrot.io..")
                .layer("run")
                .definedBy("lowrot.run..")
                .layer("core")
                .definedBy("lowrot.core..")
                .whereLayer("app")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("render")
                .mayOnlyBeAccessedByLayers("app", "cli", "report")
                .whereLayer("io")
                .mayOnlyBeAccessedByLayers("app", "cli", "report")
                .whereLayer("run")
                .mayOnlyBeAccessedByLayers("app", "cli")
                .because("app and cli sit on render, run and io, which sit on core; render draws core values only")
                .check(CLASSES);
    }

    @Test
    void onlyIoTouchesFilesAndJson() {
        noClasses()
                .that()
                .resideInAnyPackage("lowrot.core..", "lowrot.run..", "lowrot.render..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.google.gson..", "java.nio.file..")
                .because("the mathematics, a run and the drawing neither read files nor parse JSON; io, and the cli,"
                        + " report and app that use it, do")
                .check(CLASSES);
    }

    @Test
    void coreDependsOnNoOtherProjectPackage() {
        noClasses()
                .that()
                .resideInAPackage("lowrot.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("lowrot.run..", "lowrot.io..", "lowrot.render..", "lowrot.app..", "lowrot.cli..")
                .because("arrows point downwards only: app → render, run, io → core")
                .check(CLASSES);
    }

    @Test
    void coreSubPackagesAreFreeOfCycles() {
        slices().matching("lowrot.core.(*)..")
                .should()
                .beFreeOfCycles()
                .because("each concern of the mathematics can be read, tested and changed from the bottom up")
                .check(CLASSES);
    }

    @Test
    void coreLayersPointDownwards() {
        com.tngtech.archunit.library.Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("claims")
                .definedBy("lowrot.core.claims..")
                .layer("experiment")
                .definedBy("lowrot.core.experiment..")
                .layer("train")
                .definedBy("lowrot.core.train..")
                .layer("margin")
                .definedBy("lowrot.core.margin..")
                .layer("model")
                .definedBy("lowrot.core.model..")
                .layer("data")
                .definedBy("lowrot.core.data..")
                .layer("step")
                .definedBy("lowrot.core.step..")
                .layer("util")
                .definedBy("lowrot.core.util..")
                .whereLayer("claims")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("experiment")
                .mayOnlyBeAccessedByLayers("claims")
                .whereLayer("train")
                .mayOnlyBeAccessedByLayers("experiment", "claims")
                .whereLayer("margin")
                .mayOnlyBeAccessedByLayers("experiment", "claims")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("train", "margin", "experiment", "claims")
                .whereLayer("data")
                .mayOnlyBeAccessedByLayers("model", "train", "margin", "experiment", "claims")
                .whereLayer("step")
                .mayOnlyBeAccessedByLayers("train")
                .because("claims → experiment → train, margin → model → data → util; only training runs the step"
                        + " kernels, which (like util) use no other core package")
                .check(CLASSES);
    }

    @Test
    void outsideTheCoreOnlyTheEngineSwitchAndTheMaskSizeOfTheStepAreUsed() {
        noClasses()
                .that()
                .resideOutsideOfPackage("lowrot.core..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("lowrot.core.step..")
                        .and(DescribedPredicate.not(
                                JavaClass.Predicates.belongToAnyOf(Engine.class, ActivityMask.class))))
                .because("the step kernels are the trainer's business; bench picks an engine, the memory guard counts"
                        + " the activity bits")
                .check(CLASSES);
    }

    @Test
    void javaFxStaysInTheApp() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "lowrot.core..",
                        "lowrot.run..",
                        "lowrot.render..",
                        "lowrot.io..",
                        "lowrot.report..",
                        "lowrot.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .because("training, drawing, reports, files and the command line work without a display")
                .check(CLASSES);
    }

    @Test
    void theSessionModelHoldsNoNodes() {
        noClasses()
                .that()
                .haveFullyQualifiedName("lowrot.app.LabSession")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .because("the session model is tested with plain JUnit and a manual executor, without JavaFX")
                .check(CLASSES);
    }

    /**
     * Platform.runLater — called or passed as a method reference — appears in FxThread only: every other
     * crossing to the FX thread takes an Executor, so tests drive it without JavaFX.
     */
    @Test
    void onlyFxThreadHandsWorkToTheFxThread() {
        List<String> offenders = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                if (access.getTargetOwner().getFullName().equals("javafx.application.Platform")
                        && access.getName().equals("runLater")
                        && !access.getOriginOwner().getFullName().startsWith("lowrot.app.FxThread")) {
                    offenders.add(access.getDescription());
                }
            }
        }
        assertEquals(List.of(), offenders, "the named crossings take an Executor; FxThread alone calls runLater");
    }
}
