package lt.skydas.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.seam.SeamAnalysis.Seam;
import lt.skydas.assess.seam.SeamAnalysis.Status;
import lt.skydas.assess.seam.SeamDelay;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.PlanPolicy;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * The delay each avenue through a seam avoids ({@link SeamDelay}): the allies' lines (their
 * features of catalog obstacle types, every one in full) as one plan, and per seam with a gap a
 * closer from one line's end to the other's, of the weaker of the two ends' types (the nearest
 * obstacle of each line to the gap; weaker: the smaller crossing delay summed over the classes).
 * The avenues' objectives and cases are timed on the region's full model; an avenue whose objective
 * the region does not define is left untimed (NaN).
 */
final class SeamDelays {
  private static final GeometryFactory GF = new GeometryFactory();

  private SeamDelays() {}

  /** What was timed: the avenues with their delay avoided, and per seam its closer's type. */
  record Timed(List<List<SeamAvenues.Through>> through, List<String> closedWith) {}

  static Timed of(
      AssessmentRegion region,
      List<Seam> seams,
      Map<String, SeamLines.Read> lines,
      List<List<SeamAvenues.Through>> through,
      Progress progress) {
    List<Objective> objectives = ObjectivesReader.of(region.definition());
    Set<String> known = new HashSet<>();
    objectives.forEach(o -> known.add(o.id()));
    List<Obstacle> all = new ArrayList<>();
    lines.values().forEach(r -> all.addAll(r.obstacles()));
    BarrierPlan plan = new BarrierPlan("seams", "the allies' lines", PlanPolicy.DEFAULT, all);
    List<Obstacle> closers = new ArrayList<>();
    List<String> closedWith = new ArrayList<>();
    List<List<SeamDelay.Asked>> asked = new ArrayList<>();
    for (int k = 0; k < seams.size(); k++) {
      Seam s = seams.get(k);
      Set<SeamDelay.Asked> cases = new LinkedHashSet<>();
      for (SeamAvenues.Through t : through.get(k)) {
        if (known.contains(t.objective())) {
          cases.add(
              new SeamDelay.Asked(
                  VehicleClass.parse(t.vehicle(), "avenues.geojson"),
                  Season.parse(t.season(), "avenues.geojson"),
                  t.objective()));
        }
      }
      Obstacle closer = null;
      if (s.status() == Status.GAP && !cases.isEmpty()) {
        String[] ab = s.allies().split("-");
        ObstacleType type =
            weaker(nearest(lines.get(ab[0]), s.endA()), nearest(lines.get(ab[1]), s.endB()));
        if (type != null) {
          LineString m = GF.createLineString(new Coordinate[] {s.endA(), s.endB()});
          closer =
              new Obstacle(
                  "seam-" + s.allies() + "-" + s.hostile(),
                  "closes the seam " + s.allies() + " at " + s.hostile(),
                  type,
                  region.crs().toWgs84(m),
                  m,
                  0);
        }
      }
      closers.add(closer);
      closedWith.add(closer == null ? null : closer.type().id());
      asked.add(closer == null ? List.of() : new ArrayList<>(cases));
    }
    if (closers.stream().allMatch(java.util.Objects::isNull)) {
      return new Timed(through, closedWith);
    }
    progress.begin("timing the avenues through the seams", 1);
    Assessor assessor = new Assessor(region, objectives, Progress.NONE);
    List<List<SeamDelay.Timed>> timed =
        SeamDelay.of(
            assessor,
            SpeedTable.defaults(),
            plan,
            closers,
            asked,
            Runtime.getRuntime().availableProcessors());
    progress.end();
    List<List<SeamAvenues.Through>> out = new ArrayList<>();
    for (int k = 0; k < seams.size(); k++) {
      List<SeamAvenues.Through> ts = new ArrayList<>();
      for (SeamAvenues.Through t : through.get(k)) {
        double h = Double.NaN;
        for (SeamDelay.Timed x : timed.get(k)) {
          SeamDelay.Asked a = x.asked();
          if (a.objective().equals(t.objective())
              && a.vehicle().id().equals(t.vehicle())
              && a.season().id().equals(t.season())) {
            h = x.avoided_s() / 3600;
          }
        }
        ts.add(t.withAvoided(h));
      }
      out.add(ts);
    }
    return new Timed(out, closedWith);
  }

  /** The type of the line's obstacle nearest {@code end}, or null without one. */
  private static ObstacleType nearest(SeamLines.Read line, Coordinate end) {
    if (line == null || end == null) {
      return null;
    }
    Geometry p = GF.createPoint(end);
    ObstacleType best = null;
    double d = Double.POSITIVE_INFINITY;
    for (Obstacle o : line.obstacles()) {
      double x = o.geometry_lks94().distance(p);
      if (x < d) {
        d = x;
        best = o.type();
      }
    }
    return best;
  }

  /** The type with the smaller crossing delay summed over the classes (either if one is null). */
  private static ObstacleType weaker(ObstacleType a, ObstacleType b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return sum(b) < sum(a) ? b : a;
  }

  private static double sum(ObstacleType t) {
    double s = 0;
    for (VehicleClass v : VehicleClass.values()) {
      s += t.crossingDelay_s(v);
    }
    return s;
  }
}
