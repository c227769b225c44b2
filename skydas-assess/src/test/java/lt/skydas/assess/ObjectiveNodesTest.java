package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.TreeSet;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.mobility.network.MobilityNetworkBuilder;
import lt.skydas.raster.Rasterizer;
import lt.skydas.region.LandCover;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.buffer.BufferOp;

/**
 * An objective with a radius is reached on its own shore: across a strait only by a bridge inside
 * the radius. Checked against the area's cells (the buffer as rasterised) filtered by which bank
 * they lie on, on a 60 × 41 grid of 100 m cells with a three-column strait (columns 30–32).
 */
class ObjectiveNodesTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final int STRAIT_WEST = 30;
  static final int STRAIT_EAST = 32;

  static SyntheticRegion strait() {
    SyntheticRegion r = new SyntheticRegion(60, 41);
    for (int col = STRAIT_WEST; col <= STRAIT_EAST; col++) {
      r.column(col, 0, 40, LandCover.WATER.code());
    }
    return r;
  }

  static Objective point(SyntheticRegion r, double col, double row, double radius_m) {
    return new Objective(
        "city", "City", GF.createPoint(new Coordinate(r.x(col), r.y(row))), radius_m);
  }

  /** The land cells of the 1 km area around (26.5, 20.5) on the given banks. */
  static TreeSet<Integer> expected(SyntheticRegion r, Objective o, boolean west, boolean east) {
    TreeSet<Integer> cells = new TreeSet<>();
    Geometry area = BufferOp.bufferOp(o.geometry_lks94(), o.radius_m(), 16);
    Rasterizer.fillPolygonal(r.grid, area, cells::add);
    Rasterizer.burnLines(r.grid, area.getBoundary(), cells::add);
    cells.removeIf(
        c -> {
          int col = c % r.grid.width();
          return col >= STRAIT_WEST && col <= STRAIT_EAST
              || col < STRAIT_WEST && !west
              || col > STRAIT_EAST && !east;
        });
    return cells;
  }

  static TreeSet<Integer> cells(int[] nodes, int cellCount) {
    TreeSet<Integer> out = new TreeSet<>();
    Arrays.stream(nodes).filter(n -> n < cellCount).forEach(out::add);
    return out;
  }

  static int[] nodes(SyntheticRegion s, Objective o) {
    AssessmentRegion region = s.build();
    MobilityNetwork net =
        new MobilityNetworkBuilder(region.grid(), region.roads()).build(Progress.NONE);
    return ObjectiveNodes.of(region.grid(), region.landCover(), net, o);
  }

  @Test
  void aCityByAStraitIsNotReachedOnTheFarShore() {
    SyntheticRegion r = strait();
    Objective o = point(r, 26.5, 20.5, 1000);
    int[] n = nodes(r, o);
    TreeSet<Integer> west = expected(r, o, true, false);
    assertThat(west).hasSizeGreaterThan(150);
    assertThat(cells(n, r.grid.cellCount())).isEqualTo(west);
  }

  @Test
  void aBridgeInsideTheRadiusJoinsTheFarShore() {
    SyntheticRegion r =
        strait()
            .road(20.5, 20.5, 29.6, 20.5, "PRIMARY", false)
            .road(29.6, 20.5, 33.4, 20.5, "PRIMARY", true)
            .road(33.4, 20.5, 40.5, 20.5, "PRIMARY", false);
    Objective o = point(r, 26.5, 20.5, 1000);
    AssessmentRegion region = r.build();
    MobilityNetwork net =
        new MobilityNetworkBuilder(region.grid(), region.roads()).build(Progress.NONE);
    int[] n = ObjectiveNodes.of(region.grid(), region.landCover(), net, o);
    assertThat(cells(n, r.grid.cellCount())).isEqualTo(expected(r, o, true, true));
    int firstAccess = r.grid.cellCount() + net.junctionCount();
    boolean onBridge =
        Arrays.stream(n)
            .filter(x -> x >= firstAccess)
            .map(x -> net.cellOf(x) % r.grid.width())
            .anyMatch(col -> col >= STRAIT_WEST && col <= STRAIT_EAST);
    assertThat(onBridge).as("an access point on the bridge counts").isTrue();
    assertThat(Arrays.stream(n).filter(x -> x >= r.grid.cellCount() && x < firstAccess))
        .as("junctions only carry the search")
        .isEmpty();
  }

  @Test
  void aBridgeBeyondTheRadiusDoesNot() {
    // a road leaves the area northwards, crosses at row 2 and comes back on the east bank
    SyntheticRegion r =
        strait()
            .road(25.5, 20.5, 25.5, 2.5, "PRIMARY", false)
            .road(25.5, 2.5, 29.6, 2.5, "PRIMARY", false)
            .road(29.6, 2.5, 33.4, 2.5, "PRIMARY", true)
            .road(33.4, 2.5, 35.5, 2.5, "PRIMARY", false)
            .road(35.5, 2.5, 35.5, 20.5, "PRIMARY", false);
    Objective o = point(r, 26.5, 20.5, 1000);
    assertThat(cells(nodes(r, o), r.grid.cellCount())).isEqualTo(expected(r, o, true, false));
  }

  @Test
  void aPointInTheWaterTakesTheNearestShore() {
    SyntheticRegion r = strait();
    Objective o = point(r, 30.2, 20.5, 1000);
    TreeSet<Integer> got = cells(nodes(r, o), r.grid.cellCount());
    assertThat(got).isNotEmpty();
    assertThat(got).allMatch(c -> c % r.grid.width() < STRAIT_WEST);
  }

  @Test
  void withoutARadiusTheObjectiveIsItsOwnCell() {
    SyntheticRegion r = strait();
    Objective o = point(r, 31.5, 20.5, 0);
    int[] n = nodes(r, o);
    assertThat(n).containsExactly(r.grid.cellAt(r.x(31.5), r.y(20.5)));
  }

  @Test
  void anAreaWithNoLandCoversNothing() {
    SyntheticRegion r = new SyntheticRegion(20, 20);
    for (int col = 0; col < 20; col++) {
      r.column(col, 0, 19, LandCover.WATER.code());
    }
    assertThat(nodes(r, point(r, 10.5, 10.5, 300))).isEmpty();
  }
}
