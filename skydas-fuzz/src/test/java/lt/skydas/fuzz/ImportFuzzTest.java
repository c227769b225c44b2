package lt.skydas.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.PolicyFile;
import lt.skydas.registry.exchange.RegistryExchange;
import lt.skydas.registry.exchange.RegistryExchange.Format;

/**
 * Every importer under a coverage-guided fuzzer (issue 18): registry imports (GeoJSON, KML, CSV,
 * GeoPackage), plan files, site edits, policy files and region layers. In the build each target
 * runs on its committed corpus ({@code
 * src/test/resources/lt/skydas/fuzz/ImportFuzzTestInputs/<target>/}, one file per input, crashes
 * found kept there as regression inputs); {@code tools/fuzz} fuzzes them for real. Contract: read,
 * or one {@code SkydasProblem}.
 */
class ImportFuzzTest {
  private static final ObstacleCatalog CATALOG = ObstacleCatalog.defaults();

  @FuzzTest(maxDuration = "30s")
  void geoJsonImport(byte[] data) {
    Path f = Targets.file("in.geojson", data);
    Targets.readsOrRefuses(() -> RegistryExchange.read(f, Format.GEOJSON));
  }

  @FuzzTest(maxDuration = "30s")
  void gzippedGeoJsonImport(byte[] data) {
    Path f = Targets.file("in.geojson.gz", data);
    Targets.readsOrRefuses(() -> RegistryExchange.read(f, Format.GEOJSON));
  }

  @FuzzTest(maxDuration = "30s")
  void kmlImport(byte[] data) {
    Path f = Targets.file("in.kml", data);
    Targets.readsOrRefuses(() -> RegistryExchange.read(f, Format.KML));
  }

  @FuzzTest(maxDuration = "30s")
  void csvImport(byte[] data) {
    Path f = Targets.file("in.csv", data);
    Targets.readsOrRefuses(() -> RegistryExchange.read(f, Format.CSV));
  }

  @FuzzTest(maxDuration = "30s")
  void geoPackageImport(byte[] data) {
    Path f = Targets.file("in.gpkg", data);
    Targets.readsOrRefuses(() -> RegistryExchange.read(f, Format.GEOPACKAGE));
  }

  @FuzzTest(maxDuration = "30s")
  void planFile(byte[] data) {
    Path f = Targets.file("plan.geojson", data);
    Targets.readsOrRefuses(() -> new BarrierPlanReader(CATALOG, null).read(f));
  }

  @FuzzTest(maxDuration = "30s")
  void policyFile(byte[] data) {
    Path f = Targets.file("policy.json", data);
    Targets.readsOrRefuses(() -> PolicyFile.read(f, CATALOG));
  }

  /** Site edits ({@code optimize --sites}): forbid, pin, add and existing, over no candidates. */
  @FuzzTest(maxDuration = "30s")
  void siteEdits(byte[] data) {
    Path f = Targets.file("sites.geojson", data);
    Targets.readsOrRefuses(() -> SITES.read(f, java.util.List.of()));
  }

  private static final lt.skydas.optimize.edits.SiteEditsReader SITES =
      new lt.skydas.optimize.edits.SiteEditsReader(
          CATALOG,
          null,
          lt.skydas.core.geo.Crs.LKS94,
          new lt.skydas.plan.HumanitarianCheck(java.util.List.of()),
          lt.skydas.plan.PlanPolicy.DEFAULT);

  @FuzzTest(maxDuration = "30s")
  void regionLayer(byte[] data) {
    Path f = Targets.file("layer.geojson", data);
    Targets.readsOrRefuses(
        () -> GeoJsonReader.read(f, feature -> {}, null, new java.util.LinkedHashMap<>()));
  }
}
