package lt.skydas.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.plan.CivilianFeature;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.ProtectedArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * The registry's ground for the humanitarian rules, read from a layers folder in the shipped schema
 * ({@code settlements}, {@code residential_areas}, {@code buildings} or {@code
 * buildings_border_zone}, {@code protected_areas}; each {@code .geojson} or {@code .geojson.gz})
 * and projected into the national grid. A missing layer contributes nothing; a feature the reader
 * rejects is skipped (the region build reports the same data's faults).
 */
final class CivilianLayers {
  private CivilianLayers() {}

  static HumanitarianCheck load(Path dir, int epsg) {
    Crs crs = Crs.of(epsg);
    List<CivilianFeature> civilians = new ArrayList<>();
    List<ProtectedArea> areas = new ArrayList<>();
    if (dir == null || find(dir, "settlements") == null) {
      throw new lt.skydas.core.problem.SkydasProblem(
          lt.skydas.core.problem.ProblemCode.NOT_FOUND,
          (dir == null ? "no layers folder" : dir + ": no settlements layer")
              + ": the humanitarian rules need the civilian layers beside the countries layer"
              + " (settlements, residential_areas, buildings_border_zone, protected_areas)");
    }
    {
      read(
          dir,
          "settlements",
          (g, f) ->
              civilians.add(
                  new CivilianFeature(
                      f.string("name") == null ? "(unnamed)" : f.string("name"),
                      f.string("place") == null ? "settlement" : f.string("place"),
                      crs.toMetric(g))));
      read(
          dir,
          "residential_areas",
          (g, f) -> civilians.add(new CivilianFeature("residential area", "a", polygon(crs, g))));
      read(
          dir,
          find(dir, "buildings") != null ? "buildings" : "buildings_border_zone",
          (g, f) ->
              civilians.add(
                  new CivilianFeature(
                      String.format(
                          java.util.Locale.ROOT,
                          "building at %.5f N %.5f E",
                          g.getCoordinate().y,
                          g.getCoordinate().x),
                      "a",
                      crs.toMetric(g.getDimension() == 2 ? g.getInteriorPoint() : g))));
      read(
          dir,
          "protected_areas",
          (g, f) -> {
            String cls = f.string("class");
            areas.add(
                new ProtectedArea(
                    f.string("name"),
                    cls == null || cls.isBlank() ? "protected area" : cls.replace('_', ' '),
                    polygon(crs, g)));
          });
    }
    return new HumanitarianCheck(civilians, areas, epsg);
  }

  private interface Each {
    void accept(Geometry g, lt.skydas.core.geojson.Feature f);
  }

  private static Geometry polygon(Crs crs, Geometry g) {
    Geometry m = crs.toMetric(g);
    return m instanceof Polygonal && !m.isValid() ? GeometryFixer.fix(m) : m;
  }

  private static Path find(Path dir, String name) {
    for (String ext : new String[] {".geojson", ".geojson.gz"}) {
      Path p = dir.resolve(name + ext);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static void read(Path dir, String name, Each each) {
    Path p = find(dir, name);
    if (p == null) {
      return;
    }
    GeoJsonReader.read(p, f -> each.accept(f.geometry(), f), (index, id, reason, raw) -> {});
  }
}
