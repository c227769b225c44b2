package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.civil.Evacuation;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.region.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * {@code assess --rear FILE}: where evacuees go (docs/civilians.md). A GeoJSON layer (WGS84) of
 * assembly points, or of rear lines taken as an assembly point every {@link #LINE_STEP_M} along
 * them (and at their ends); {@code name} names them. All or nothing: another CRS, a polygon, a
 * point outside the home countries or more than {@link #MAX_POINTS} points refuses the file, naming
 * it and the feature.
 */
final class RearReader {
  /** Spacing of the assembly points along a rear line. */
  static final double LINE_STEP_M = 2000;

  /** The most assembly points (a typo guard). */
  static final int MAX_POINTS = 10_000;

  private RearReader() {}

  static List<Evacuation.Assembly> read(Path file, Region region) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such rear layer");
    }
    HomeGround ground = new HomeGround(region);
    GeometryFactory gf = new GeometryFactory();
    List<Evacuation.Assembly> out = new ArrayList<>();
    GeoJsonReader.read(
        file,
        f -> {
          Geometry g = f.geometry();
          Object n = f.properties().get("name");
          String label = n != null ? n.toString() : f.id() != null ? f.id() : f.label();
          if (g instanceof Point p) {
            Point m = ground.point(name, f.label(), p);
            out.add(new Evacuation.Assembly(label, m.getX(), m.getY()));
          } else if (g instanceof Lineal) {
            for (int k = 0; k < g.getNumGeometries(); k++) {
              LineString ll = (LineString) g.getGeometryN(k);
              for (Coordinate c : ll.getCoordinates()) {
                ground.point(name, f.label(), gf.createPoint(c));
              }
              Geometry m = ground.crs().toMetric(ll);
              LengthIndexedLine line = new LengthIndexedLine(m);
              double len = m.getLength();
              int steps = Math.max(1, (int) Math.ceil(len / LINE_STEP_M));
              for (int s = 0; s <= steps; s++) {
                Coordinate c = line.extractPoint(len * s / steps);
                out.add(
                    new Evacuation.Assembly(
                        String.format(Locale.ROOT, "%s km %.1f", label, len * s / steps / 1000),
                        c.x,
                        c.y));
              }
            }
          } else {
            throw SkydasProblem.badInput(
                name,
                f.label(),
                "the rear is assembly points or lines, not a "
                    + (g == null ? "missing geometry" : g.getGeometryType()));
          }
          if (out.size() > MAX_POINTS) {
            throw SkydasProblem.badInput(
                name, f.label(), "more than " + MAX_POINTS + " assembly points");
          }
        },
        null);
    if (out.isEmpty()) {
      throw SkydasProblem.badInput(name, null, "no assembly points");
    }
    return out;
  }
}
