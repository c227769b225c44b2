package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.seam.SeamAnalysis.Seam;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The avenues of an assessment ({@code avenues.geojson} of {@code skydas assess}) that pass through
 * each seam: within half the gap (at least {@link #MIN_REACH_M}) of the segment joining the two
 * lines' ends, or, at an open seam, within half the radius of the tri-point. With a plan, its
 * avenues; without, the baseline's.
 */
final class SeamAvenues {
  /** Smallest reach around a gap, m: a gap narrower than a road still lets a column through. */
  static final double MIN_REACH_M = 500;

  private static final GeometryFactory GF = new GeometryFactory();

  private SeamAvenues() {}

  /**
   * One avenue through a seam.
   *
   * @param avoided_h what closing the seam's gap would cost the attacker toward the avenue's
   *     objective in its case ({@link SeamDelays}), hours; NaN when not timed
   */
  record Through(
      String objective,
      String vehicle,
      String season,
      String scenario,
      double time_h,
      double avoided_h) {
    Through withAvoided(double h) {
      return new Through(objective, vehicle, season, scenario, time_h, h);
    }
  }

  /** Per seam (in order), the avenues through it, fastest first. */
  static List<List<Through>> of(Path assessment, List<Seam> seams, Crs crs, double radius_m) {
    Path file = assessment.resolve("avenues.geojson");
    if (!Files.isRegularFile(file)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          file + ": no avenues (give the output directory of skydas assess or optimize)",
          Map.of("file", file.toString()));
    }
    List<Feature> all = GeoJsonReader.readAll(file);
    boolean plan = all.stream().anyMatch(f -> "plan".equals(f.string("scenario")));
    List<Feature> avenues =
        all.stream()
            .filter(f -> (plan ? "plan" : "baseline").equals(f.string("scenario")))
            .toList();
    List<Geometry> metric = avenues.stream().map(f -> crs.toMetric(f.geometry())).toList();
    List<List<Through>> out = new ArrayList<>();
    for (Seam s : seams) {
      Geometry zone = zone(s, radius_m);
      List<Through> through = new ArrayList<>();
      for (int i = 0; i < avenues.size(); i++) {
        if (zone != null && zone.intersects(metric.get(i))) {
          Feature f = avenues.get(i);
          through.add(
              new Through(
                  f.string("objective"),
                  f.string("vehicle"),
                  f.string("season"),
                  f.string("scenario"),
                  f.number("time_h"),
                  Double.NaN));
        }
      }
      through.sort(Comparator.comparingDouble(Through::time_h));
      out.add(through);
    }
    return out;
  }

  private static Geometry zone(Seam s, double radius_m) {
    return switch (s.status()) {
      case GAP ->
          GF.createLineString(new Coordinate[] {s.endA(), s.endB()})
              .buffer(Math.max(MIN_REACH_M, s.gap_m() / 2));
      case OPEN -> GF.createPoint(s.triPoint()).buffer(radius_m / 2);
      case JOINED -> null;
    };
  }
}
