package lt.skydas.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.mobility.network.RoadInput;
import lt.skydas.plan.CivilianFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A small flat region near 54.6 N 24 E in LKS-94 for tests: open ground, attackers start on the
 * west column, with helpers to add rivers (columns of RIVER) and straight roads.
 */
public final class SyntheticRegion {
  public static final String[] NAMES = lt.skydas.region.LandCover.namesByCode();
  public static final byte OPEN = 1;
  public static final byte FOREST = 2;
  public static final byte RIVER = 6;

  public final GridSpec grid;
  public final byte[] lc;
  final List<double[]> roads = new ArrayList<>();
  final List<String> roadClasses = new ArrayList<>();
  final List<Boolean> bridges = new ArrayList<>();
  final List<CivilianFeature> civilians = new ArrayList<>();
  final List<lt.skydas.assess.civil.Resident> residents = new ArrayList<>();

  public SyntheticRegion(int w, int h) {
    Coordinate o = Crs.lks94().toMetric(24.0, 54.6, new Coordinate());
    grid = new GridSpec(Math.floor(o.x / 100) * 100, Math.floor(o.y / 100) * 100, 100, w, h, 3346);
    lc = new byte[w * h];
    Arrays.fill(lc, OPEN);
  }

  public double x(double col) {
    return grid.minX() + col * 100;
  }

  public double y(double row) {
    return grid.maxY() - row * 100;
  }

  /** Fills column {@code col} with {@code cover} from row r0 to r1 inclusive. */
  public SyntheticRegion column(int col, int r0, int r1, byte cover) {
    for (int r = r0; r <= r1; r++) {
      lc[r * grid.width() + col] = cover;
    }
    return this;
  }

  /** A road from (col0,row0) to (col1,row1) in cell units (fractions allowed). */
  public SyntheticRegion road(
      double c0, double r0, double c1, double r1, String cls, boolean bridge) {
    roads.add(new double[] {x(c0), y(r0), x(c1), y(r1)});
    roadClasses.add(cls);
    bridges.add(bridge);
    return this;
  }

  public SyntheticRegion civilian(double col, double row) {
    civilians.add(
        new CivilianFeature(
            "Kaimas",
            "settlement",
            new GeometryFactory().createPoint(new Coordinate(x(col), y(row)))));
    return this;
  }

  /** Lon/lat of a point given in cell units. */
  public double[] lonLat(double col, double row) {
    Coordinate c = Crs.lks94().toWgs84(x(col), y(row), new Coordinate());
    return new double[] {c.x, c.y};
  }

  /**
   * A plan GeoJSON feature of catalog type {@code type}: a Point or LineString through the given
   * points in cell units (col, row, col, row, …).
   */
  public String feature(String id, String type, String geometry, double... cellXy) {
    StringBuilder coords = new StringBuilder();
    for (int i = 0; i < cellXy.length; i += 2) {
      double[] ll = lonLat(cellXy[i], cellXy[i + 1]);
      coords
          .append(i == 0 ? "" : ",")
          .append(String.format(java.util.Locale.ROOT, "[%.9f,%.9f]", ll[0], ll[1]));
    }
    String c = geometry.equals("Point") ? coords.toString() : "[" + coords + "]";
    return String.format(
        java.util.Locale.ROOT,
        "{\"type\":\"Feature\",\"id\":\"%s\",\"properties\":{\"type\":\"%s\"},\"geometry\":"
            + "{\"type\":\"%s\",\"coordinates\":%s}}",
        id,
        type,
        geometry,
        c);
  }

  /** Reads a plan of {@code features} (default catalogs) written to {@code dir/plan.geojson}. */
  public lt.skydas.plan.BarrierPlan plan(
      java.nio.file.Path dir, AssessmentRegion region, String... features)
      throws java.io.IOException {
    java.nio.file.Path p = dir.resolve("plan.geojson");
    java.nio.file.Files.writeString(
        p,
        "{\"type\":\"FeatureCollection\",\"name\":\"test\",\"features\":["
            + String.join(",", features)
            + "]}");
    return new lt.skydas.plan.BarrierPlanReader(
            lt.skydas.plan.ObstacleCatalog.defaults(), region.extent())
        .read(p);
  }

  /**
   * A region file (written to {@code dir/region.json}, read back) with home LT, the given hostile
   * borders, objectives A and B at the cell points (colA, rowA) and (colB, rowB) with no radius,
   * and one friendly route "ab" from A to B.
   */
  public lt.skydas.region.RegionDefinition routeAtoB(
      java.nio.file.Path dir,
      String hostileBorders,
      double colA,
      double rowA,
      double colB,
      double rowB)
      throws java.io.IOException {
    double[] a = lonLat(colA, rowA);
    double[] b = lonLat(colB, rowB);
    java.nio.file.Path f = dir.resolve("region.json");
    java.nio.file.Files.writeString(
        f,
        String.format(
            java.util.Locale.ROOT,
            """
            {"format": "skydas-region/1", "id": "ab", "name": "A to B", "home": ["LT"],
             "crs": "EPSG:3346", "hostile_borders": [%s],
             "objectives": {"type": "FeatureCollection", "features": [
               {"type": "Feature", "id": "a", "properties": {"name": "A", "radius_m": 0},
                "geometry": {"type": "Point", "coordinates": [%.9f, %.9f]}},
               {"type": "Feature", "id": "b", "properties": {"name": "B", "radius_m": 0},
                "geometry": {"type": "Point", "coordinates": [%.9f, %.9f]}}]},
             "friendly_routes": [{"id": "ab", "name": "A to B", "from": "a", "to": "b"}]}
            """,
            hostileBorders,
            a[0],
            a[1],
            b[0],
            b[1]));
    return lt.skydas.region.RegionDefinition.read(f);
  }

  public AssessmentRegion build() {
    int[] starts = new int[grid.height()];
    for (int r = 0; r < grid.height(); r++) {
      starts[r] = r * grid.width();
    }
    double[][] lines = roads.toArray(new double[0][]);
    // junctions: equal endpoints share one node
    List<double[]> nodes = new ArrayList<>();
    int[] ends = new int[lines.length * 2];
    for (int i = 0; i < ends.length; i++) {
      double px = lines[i / 2][(i % 2) * 2];
      double py = lines[i / 2][(i % 2) * 2 + 1];
      int found = -1;
      for (int k = 0; k < nodes.size(); k++) {
        if (nodes.get(k)[0] == px && nodes.get(k)[1] == py) {
          found = k;
        }
      }
      if (found < 0) {
        nodes.add(new double[] {px, py});
        found = nodes.size() - 1;
      }
      ends[i] = found;
    }
    RoadInput ri =
        new RoadInput() {
          @Override
          public int nodeCount() {
            return nodes.size();
          }

          @Override
          public double nodeX(int n) {
            return nodes.get(n)[0];
          }

          @Override
          public double nodeY(int n) {
            return nodes.get(n)[1];
          }

          @Override
          public int edgeCount() {
            return lines.length;
          }

          @Override
          public int edgeFrom(int e) {
            return ends[2 * e];
          }

          @Override
          public int edgeTo(int e) {
            return ends[2 * e + 1];
          }

          @Override
          public String edgeClass(int e) {
            return roadClasses.get(e);
          }

          @Override
          public boolean isBridge(int e) {
            return bridges.get(e);
          }

          @Override
          public boolean isFord(int e) {
            return false;
          }

          @Override
          public boolean isTunnel(int e) {
            return false;
          }

          @Override
          public int pointCount(int e) {
            return 2;
          }

          @Override
          public double[] points(int e, double[] dst) {
            System.arraycopy(lines[e], 0, dst, 0, 4);
            return dst;
          }
        };
    return new AssessmentRegion(
        "synthetic",
        grid,
        lc,
        NAMES,
        ri,
        starts,
        List.copyOf(civilians),
        Map.of(),
        Map.of(),
        null,
        null,
        lt.skydas.region.RegionDefinition.lithuania(),
        List.of(),
        List.copyOf(residents));
  }

  /** A Lithuanian settlement of {@code people} at the centre of cell (col, row). */
  public SyntheticRegion resident(String name, int col, int row, long people) {
    residents.add(
        lt.skydas.assess.civil.Resident.of(
            name, "village", "LT", x(col + 0.5), y(row + 0.5), people));
    return this;
  }
}
