package lt.skydas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.observe.ClutterTable;
import lt.skydas.observe.CoverageReport;
import lt.skydas.observe.CoverageWriter;
import lt.skydas.observe.DemResampler;
import lt.skydas.observe.LineCoverage;
import lt.skydas.observe.SiteProtection;
import lt.skydas.observe.Surface;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.TargetClass;
import lt.skydas.raster.GeoTiff;
import lt.skydas.region.Region;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What a plan's sensors observe, and which stretches of the hostile borders nobody watches. */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Coverage of a plan's sensor sites over the region, per target (vehicle, person, small UAS):",
      "line of sight over the ground (a DEM, or flat ground with Earth curvature) plus land-cover",
      "clutter (forest, buildings), targets hidden in forest or built-up cells, arcs and ranges",
      "from the sensor catalog; how much of the region's hostile borders (Lithuania: LT-BY and",
      "LT-RU) is observed and the gaps.",
      "Writes coverage.json, gaps.geojson and coverage_<target>.tif (sensors per cell)."
    })
final class CoverageCommand implements Callable<Integer> {
  @Option(
      names = "--plan",
      required = true,
      paramLabel = "PLAN.geojson",
      description = "Plan with sensor sites (features whose type is a sensor catalog type).")
  Path plan;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (replaced when complete).")
  Path out;

  @Mixin RegionOptions region = new RegionOptions();

  @Option(
      names = "--target",
      split = ",",
      paramLabel = "TARGET",
      description = "Target classes: vehicle, person, small_uas (default all).")
  List<String> targets;

  @Option(
      names = "--dem",
      paramLabel = "DEM.tif",
      description =
          "Ground elevation (GeoTIFF in a projected CRS, resampled onto the region grid)."
              + " Default: the region pack's DEM (region build --dem), else flat ground with"
              + " Earth curvature and refraction 1/7.")
  Path dem;

  @Option(
      names = "--clutter",
      paramLabel = "FILE",
      description = "Clutter heights per land-cover class, CSV (default: built-in clutter.csv).")
  Path clutter;

  @Option(
      names = "--sensors-file",
      paramLabel = "FILE",
      description = "Sensor catalog JSON (default: built-in sensors.json).")
  Path sensorsFile;

  @Option(
      names = "--protect",
      paramLabel = "SITES.geojson",
      description =
          "Named sites to protect against small UAS (points: bridges, control points, depots,"
              + " shelters): each is protected when a drone over it is both detected and within"
              + " reach of a counter-drone effector or jammer.")
  Path protect;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: the available processors).")
  Integer threads;

  @Option(names = "--quiet", description = "Print only errors and the output path.")
  boolean quiet;

  @Override
  public Integer call() {
    List<TargetClass> asked = targets();
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 256) {
      throw new SkydasProblem(ProblemCode.USAGE, "--threads must be within 1..256");
    }
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    RegionStore.Loaded loaded = region.load(progress);
    Region pack = loaded.pack();
    BarrierPlan p = AssessCommand.readPlan(plan, null, sensorsFile, loaded.region(), null);
    ClutterTable table = clutter == null ? ClutterTable.defaults() : ClutterTable.load(clutter);
    Surface surface =
        dem == null
            ? Surface.of(pack, table)
            : Surface.of(
                pack.grid(),
                pack.landCover(),
                table,
                DemResampler.onto(GeoTiff.readFloat(dem), pack.grid(), dem.toString()));
    // the lines whose coverage is reported: the borders an attack would cross
    Map<String, Geometry> lines = new LinkedHashMap<>();
    for (String b : pack.definition().hostileBorders()) {
      Geometry g = pack.borders().get(b);
      if (g != null) {
        lines.put(b, g);
      }
    }
    progress.begin("coverage of " + p.sensors().size() + " sensor site(s)", asked.size());
    List<SiteProtection.NamedPoint> points =
        protect == null ? List.of() : namedPoints(protect, pack.grid());
    CoverageReport r = CoverageReport.compute(surface, p.sensors(), asked, lines, points, workers);
    progress.end();
    CoverageWriter.write(out, r, surface);
    if (!quiet) {
      print(p, r);
    }
    System.out.println("Coverage: " + out.toAbsolutePath());
    return 0;
  }

  /**
   * The points of a GeoJSON layer in the grid's map CRS, each named by its name property or its id.
   */
  static List<SiteProtection.NamedPoint> namedPoints(Path file, GridSpec grid) {
    List<SiteProtection.NamedPoint> out = new ArrayList<>();
    for (Feature f : GeoJsonReader.readAll(file)) {
      if (!(f.geometry() instanceof Point pt)) {
        throw SkydasProblem.badInput(
            file.toString(),
            f.label(),
            "a site to protect must be a Point, not a "
                + (f.geometry() == null ? "null geometry" : f.geometry().getGeometryType()));
      }
      Point metric = (Point) Crs.of(grid.epsg()).toMetric(pt);
      if (grid.cellAt(metric.getX(), metric.getY()) < 0) {
        throw SkydasProblem.badInput(file.toString(), f.label(), "lies outside the region");
      }
      String id = f.id() != null ? f.id() : "site-" + f.index();
      String name = f.string("name") != null ? f.string("name") : id;
      out.add(new SiteProtection.NamedPoint(id, name, metric));
    }
    return out;
  }

  private List<TargetClass> targets() {
    if (targets == null || targets.isEmpty()) {
      return List.of(TargetClass.values());
    }
    List<TargetClass> out = new ArrayList<>();
    for (String t : targets) {
      TargetClass c = null;
      for (TargetClass x : TargetClass.values()) {
        if (x.id().equals(t.trim().toLowerCase(Locale.ROOT))) {
          c = x;
        }
      }
      if (c == null) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "--target names an unknown target \"" + t + "\" (vehicle, person, small_uas)");
      }
      out.add(c);
    }
    return out;
  }

  private static void print(BarrierPlan p, CoverageReport r) {
    if (p.sensors().isEmpty()) {
      System.out.println("The plan has no sensor sites: nothing is observed.");
    }
    for (CoverageReport.TargetCoverage t : r.targets()) {
      System.out.printf(
          Locale.ROOT,
          "%s (%.1f m above the surface): %.0f km2 observed%n",
          t.target().id(),
          t.targetHeight_m(),
          t.grid().observedArea_km2());
      for (Map.Entry<String, LineCoverage> e : t.lines().entrySet()) {
        LineCoverage lc = e.getValue();
        System.out.printf(
            Locale.ROOT,
            "  border %s: %.1f of %.1f km observed (%.0f %%), mean %.1f sensors; %d gap(s)%s%n",
            e.getKey(),
            lc.observed_m() / 1000,
            lc.length_m() / 1000,
            100 * lc.observedShare(),
            lc.meanSensors(),
            lc.gaps().size(),
            lc.gaps().isEmpty()
                ? ""
                : String.format(
                    Locale.ROOT, ", the longest %.1f km", lc.gaps().get(0).length_m() / 1000));
      }
    }
    for (String n : r.notes()) {
      System.out.println("Note: " + n);
    }
    for (var c : r.conflicts()) {
      System.out.println("Conflict: " + c.describe());
    }
    if (!r.protection().isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "Protected against small UAS: %d of %d sites (%.0f %%)%n",
          r.protection().stream().filter(SiteProtection::isProtected).count(),
          r.protection().size(),
          100 * SiteProtection.protectedShare(r.protection()));
      for (SiteProtection sp : r.protection()) {
        if (!sp.isProtected()) {
          System.out.printf(
              Locale.ROOT,
              "  %s: %s%n",
              sp.name(),
              sp.detectedBy() == 0 ? "a drone over it is not detected" : "no effector reaches it");
        }
      }
    }
    for (var b : r.blankets()) {
      System.out.printf(
          Locale.ROOT,
          "Jammer %s also denies our own %s within %.0f km%n",
          b.jammerId(),
          String.join(", ", b.systems()),
          b.radius_m() / 1000);
    }
  }
}
