package lt.skydas.emplace;

import java.nio.file.Path;
import java.util.List;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.SyntheticRegion;
import lt.skydas.core.progress.Progress;
import lt.skydas.plan.BarrierPlan;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The small region of the emplacement tests: open ground 40 × 20 cells of 100 m, a river across
 * column 20, an east–west road (a bridge where it crosses the river) and a road south at column 30,
 * a target at the east end; attackers start on the west edge. The plan: a ditch (permanent) at
 * column 8, the bridge's prepared demolition (reserved), AT minefields across columns 14 and 30
 * (crisis-laid).
 */
final class RiverRegion {
  final SyntheticRegion r;
  final AssessmentRegion region;
  final Assessor assessor;
  final BarrierPlan plan;

  RiverRegion(Path dir) throws java.io.IOException {
    r = new SyntheticRegion(40, 20);
    r.column(20, 0, 19, SyntheticRegion.RIVER);
    r.road(0.5, 10.5, 39.5, 10.5, "PRIMARY", false);
    r.road(30.5, 10.5, 30.5, 19.5, "SECONDARY", false);
    region = r.build();
    assessor =
        new Assessor(
            region,
            List.of(
                new Objective(
                    "target",
                    "Target",
                    new GeometryFactory().createPoint(new Coordinate(r.x(38.5), r.y(10.5))),
                    0)),
            Progress.NONE);
    plan =
        r.plan(
            dir,
            region,
            r.feature("ditch", "at_ditch", "LineString", 8.5, 0.000001, 8.5, 19.999999),
            r.feature("bridge", "bridge_demolition", "Point", 20.5, 10.5),
            r.feature("mines-w", "at_minefield", "LineString", 14.5, 0.000001, 14.5, 19.999999),
            r.feature("mines-e", "at_minefield", "LineString", 30.2, 0.000001, 30.2, 19.999999));
  }
}
