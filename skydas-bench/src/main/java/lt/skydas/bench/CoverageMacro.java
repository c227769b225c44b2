package lt.skydas.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.observe.ClutterTable;
import lt.skydas.observe.Coverage;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.observe.LineCoverage;
import lt.skydas.observe.SensorPlacement;
import lt.skydas.observe.Surface;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorType;
import lt.skydas.plan.TargetClass;
import lt.skydas.region.Country;
import lt.skydas.region.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Macro benchmark of coverage on the real region: N sensors of one catalog type at seeded random
 * cells of Lithuania within D km of the LT–BY and LT–RU borders, their coverage for vehicles over
 * flat ground plus land-cover clutter (the default without a DEM), on T threads; then how much of
 * each hostile border they observe. Prints the time, cells/s, the observed area and the border
 * figures. The goal: 2,000 candidate sites in ≤ 60 s on 2 cores.
 *
 * <pre>
 * java -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.CoverageMacro \
 *     .skydas/packs/lt-100m [sensors=2000] [type=eoir_mast] [threads=2] [belt-km=20]
 * </pre>
 */
public final class CoverageMacro {
  private CoverageMacro() {}

  public static void main(String[] args) {
    Path pack = Path.of(args.length > 0 ? args[0] : ".skydas/packs/lt-100m");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    String typeId = args.length > 2 ? args[2] : "eoir_mast";
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    double belt_m = (args.length > 4 ? Double.parseDouble(args[4]) : 20) * 1000;
    long t0 = System.nanoTime();
    Region region = Region.load(pack);
    Surface surface = Surface.of(region, ClutterTable.defaults());
    double load_s = (System.nanoTime() - t0) / 1e9;
    SensorType type =
        SensorCatalog.defaults()
            .findType(typeId)
            .orElseThrow(() -> new IllegalArgumentException("no sensor type " + typeId));
    List<SensorPlacement> sensors = place(region, type, n, belt_m);
    long t1 = System.nanoTime();
    CoverageGrid cov =
        Coverage.compute(
            surface,
            sensors,
            TargetClass.VEHICLE,
            Coverage.DEFAULT_TARGET_HEIGHT_M.get(TargetClass.VEHICLE),
            threads);
    double cover_s = (System.nanoTime() - t1) / 1e9;
    GridSpec g = region.grid();
    double range_cells = type.range_m(TargetClass.VEHICLE) / g.cellSize();
    System.out.printf(
        Locale.ROOT,
        "coverage: %d x %s (%.0f m vehicle range, %.0f m mast) on %d x %d cells of %.0f m, %d"
            + " threads, %s%n  load %.1f s; coverage %.2f s (%.1f ms per sensor, %.1f M window"
            + " cells/s); observed %.0f km2; unplaced %d%n",
        sensors.size(),
        typeId,
        type.range_m(TargetClass.VEHICLE),
        type.height_m(),
        g.width(),
        g.height(),
        g.cellSize(),
        threads,
        System.getProperty("java.vm.version"),
        load_s,
        cover_s,
        cover_s * 1000 / sensors.size(),
        sensors.size() * 4 * range_cells * range_cells / cover_s / 1e6,
        cov.observedArea_km2(),
        cov.unplaced().size());
    for (String pair : List.of("LT-BY", "LT-RU")) {
      Geometry border = region.borders().get(pair);
      if (border == null) {
        continue;
      }
      LineCoverage lc = LineCoverage.of(cov, border, g.cellSize() / 2);
      System.out.printf(
          Locale.ROOT,
          "  border %s: %.1f km, observed %.1f km (%.0f %%), mean %.1f sensors, %d gaps, longest"
              + " %.1f km%n",
          pair,
          lc.length_m() / 1000,
          lc.observed_m() / 1000,
          100 * lc.observedShare(),
          lc.meanSensors(),
          lc.gaps().size(),
          lc.gaps().isEmpty() ? 0 : lc.gaps().get(0).length_m() / 1000);
    }
  }

  /** N sensors at seeded random Lithuanian cells within {@code belt_m} of a hostile border. */
  private static List<SensorPlacement> place(Region region, SensorType type, int n, double belt_m) {
    GridSpec g = region.grid();
    GeometryFactory gf = new GeometryFactory();
    Geometry hostile =
        region.borders().get("LT-BY").union(region.borders().get("LT-RU")).buffer(belt_m);
    org.locationtech.jts.geom.prep.PreparedGeometry near =
        org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(hostile);
    SplittableRandom rnd = new SplittableRandom(2026);
    List<SensorPlacement> out = new ArrayList<>();
    while (out.size() < n) {
      int cell = rnd.nextInt(g.cellCount());
      if (region.country()[cell] != Country.LT.code()) {
        continue;
      }
      Point p =
          gf.createPoint(new Coordinate(g.centerX(cell % g.width()), g.centerY(cell / g.width())));
      if (near.contains(p)) {
        out.add(SensorPlacement.of("s" + out.size(), type, p, null, null, TargetClass.VEHICLE));
      }
    }
    return out;
  }
}
