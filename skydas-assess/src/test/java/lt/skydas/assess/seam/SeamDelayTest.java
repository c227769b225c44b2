package lt.skydas.assess.seam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.SyntheticRegion;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The delay a seam lets the attacker avoid, hand-worked on open ground: two allies' ditches along
 * column 15.5 leave a gap; attackers come from the west edge toward a target in the east.
 */
class SeamDelayTest {
  /** The catalog's anti-tank ditch delays a tracked vehicle this long (catalog, sources). */
  private static final double DITCH_S = 3600;

  @TempDir Path dir;
  private SyntheticRegion r;
  private AssessmentRegion region;
  private Assessor assessor;

  @BeforeEach
  void setUp() {
    r = new SyntheticRegion(40, 20);
    region = r.build();
    assessor =
        new Assessor(
            region,
            List.of(
                new Objective(
                    "target",
                    "Target",
                    new GeometryFactory().createPoint(new Coordinate(r.x(35.5), r.y(10.5))),
                    0)),
            Progress.NONE);
  }

  private String ditch(String id, double r0, double r1) {
    return r.feature(id, "at_ditch", "LineString", 15.5, r0, 15.5, r1);
  }

  /** The lines (a north and a south ditch, rows 0 to {@code north} and {@code south} to 20). */
  private BarrierPlan lines(double north, double south) throws IOException {
    return r.plan(dir, region, ditch("lt", 0.000001, north), ditch("pl", south, 19.999999));
  }

  /** A ditch across the gap, as the seams command closes it. */
  private Obstacle closer(BarrierPlan lines, double north, double south) {
    Obstacle like = lines.obstacles().get(0);
    var gf = new GeometryFactory();
    var metric =
        gf.createLineString(
            new Coordinate[] {
              new Coordinate(r.x(15.5), r.y(north)), new Coordinate(r.x(15.5), r.y(south))
            });
    return new Obstacle("closer", "gap", like.type(), region.crs().toWgs84(metric), metric, 0);
  }

  private static List<SeamDelay.Asked> tracked() {
    return List.of(new SeamDelay.Asked(VehicleClass.TRACKED, Season.DRY, "target"));
  }

  @Test
  void closingTheOnlyGapCostsTheAttackerOneDitchCrossing() throws IOException {
    BarrierPlan lines = lines(8, 12);
    List<List<SeamDelay.Timed>> t =
        SeamDelay.of(
            assessor,
            SpeedTable.defaults(),
            lines,
            List.of(closer(lines, 8, 12)),
            List.of(tracked()),
            2);
    SeamDelay.Timed timed = t.get(0).get(0);
    // open: straight through the gap at row 10.5, no delay; closed: one ditch on every way
    double straight =
        assessor.arrivals(VehicleClass.TRACKED, Season.DRY, SpeedTable.defaults(), null)
            .objective_s()[0];
    assertThat(timed.open_s()).isCloseTo(straight, within(1e-6));
    assertThat(timed.closed_s()).isCloseTo(straight + DITCH_S, within(1e-6));
    assertThat(timed.avoided_s()).isCloseTo(DITCH_S, within(1e-6));
  }

  @Test
  void aGapWithAWayRoundAsFastIsWorthNothing() throws IOException {
    // the lines stop at rows 4 and 6: the attacker on row 10.5 passes south of the southern one
    // anyway, so closing the gap between them changes nothing
    BarrierPlan lines = r.plan(dir, region, ditch("lt", 0.000001, 4), ditch("pl", 6, 8));
    List<List<SeamDelay.Timed>> t =
        SeamDelay.of(
            assessor,
            SpeedTable.defaults(),
            lines,
            List.of(closer(lines, 4, 6)),
            List.of(tracked()),
            1);
    assertThat(t.get(0).get(0).avoided_s()).isCloseTo(0, within(1e-6));
  }

  @Test
  void aSeamWithoutACloserIsNotTimedAndAnUnknownObjectiveIsRefused() throws IOException {
    BarrierPlan lines = lines(8, 12);
    List<Obstacle> none = new ArrayList<>();
    none.add(null);
    assertThat(SeamDelay.of(assessor, SpeedTable.defaults(), lines, none, List.of(tracked()), 1))
        .containsExactly(List.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SeamDelay.of(
                    assessor,
                    SpeedTable.defaults(),
                    lines,
                    List.of(closer(lines, 8, 12)),
                    List.of(List.of(new SeamDelay.Asked(VehicleClass.TRACKED, Season.DRY, "riga"))),
                    1))
        .hasMessageContaining("no objective riga");
  }
}
