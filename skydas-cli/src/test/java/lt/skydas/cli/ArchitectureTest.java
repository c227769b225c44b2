package lt.skydas.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

/** Keeps the module layering of ARCHITECTURE.md true. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("lt.skydas");

  @Test
  void modulesAreLayered() {
    Architectures.layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("lt.skydas..")
        .layer("core")
        .definedBy("lt.skydas.core..")
        .layer("raster")
        .definedBy("lt.skydas.raster..")
        .layer("costdist")
        .definedBy("lt.skydas.costdist..")
        .layer("terrain")
        .definedBy("lt.skydas.terrain..")
        .layer("region")
        .definedBy("lt.skydas.region..")
        .layer("mobility")
        .definedBy("lt.skydas.mobility..")
        .layer("plan")
        .definedBy("lt.skydas.plan..")
        .layer("observe")
        .definedBy("lt.skydas.observe..")
        .layer("assess")
        .definedBy("lt.skydas.assess..")
        .layer("emplace")
        .definedBy("lt.skydas.emplace..")
        .layer("optimize")
        .definedBy("lt.skydas.optimize..")
        .layer("registry")
        .definedBy("lt.skydas.registry..")
        .layer("server")
        .definedBy("lt.skydas.server..")
        .layer("cli")
        .definedBy("lt.skydas.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("optimize")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("server")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("registry")
        .mayOnlyBeAccessedByLayers("server", "cli")
        .whereLayer("emplace")
        .mayOnlyBeAccessedByLayers("optimize", "cli")
        .whereLayer("assess")
        .mayOnlyBeAccessedByLayers("emplace", "optimize", "cli")
        .whereLayer("observe")
        .mayOnlyBeAccessedByLayers("assess", "optimize", "server", "cli")
        .whereLayer("plan")
        .mayOnlyBeAccessedByLayers(
            "observe", "assess", "emplace", "optimize", "registry", "server", "cli")
        .whereLayer("mobility")
        .mayOnlyBeAccessedByLayers(
            "plan", "observe", "assess", "emplace", "optimize", "registry", "server", "cli")
        .whereLayer("region")
        .mayOnlyBeAccessedByLayers(
            "mobility",
            "plan",
            "observe",
            "assess",
            "emplace",
            "optimize",
            "registry",
            "server",
            "cli")
        .whereLayer("costdist")
        .mayOnlyBeAccessedByLayers("mobility", "assess", "optimize", "cli")
        .whereLayer("terrain")
        .mayOnlyBeAccessedByLayers("observe", "assess", "optimize", "cli")
        .whereLayer("raster")
        .mayOnlyBeAccessedByLayers("region", "observe", "assess", "optimize", "server", "cli")
        .check(CLASSES);
  }

  @Test
  void costDistanceEngineDependsOnNothingElse() {
    noClasses()
        .that()
        .resideInAPackage("lt.skydas.costdist..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "lt.skydas.core..",
            "lt.skydas.raster..",
            "lt.skydas.region..",
            "lt.skydas.mobility..",
            "lt.skydas.plan..",
            "lt.skydas.assess..",
            "lt.skydas.cli..",
            "org.locationtech..",
            "com.fasterxml..")
        .check(CLASSES);
  }

  @Test
  void noCyclesBetweenModules() {
    slices().matching("lt.skydas.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  /**
   * No cycle between the packages of one module either (say {@code lt.skydas.server} and {@code
   * lt.skydas.server.api}): each package is a slice of its own, sub-packages included separately.
   */
  @Test
  void noCyclesBetweenPackages() {
    slices().matching("lt.skydas.(**)").should().beFreeOfCycles().check(CLASSES);
  }
}
