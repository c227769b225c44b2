package lt.skydas.assess;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.mobility.network.RoadInput;
import lt.skydas.plan.CivilianFeature;
import lt.skydas.plan.ProtectedArea;
import lt.skydas.raster.Rasterizer;
import lt.skydas.region.Buildings;
import lt.skydas.region.Country;
import lt.skydas.region.LandCover;
import lt.skydas.region.NamedArea;
import lt.skydas.region.Region;
import lt.skydas.region.RoadClass;
import lt.skydas.region.RoadGraph;
import lt.skydas.region.Settlement;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/** Turns a loaded {@link Region} into what an assessment needs. */
public final class RegionInputs {
  private RegionInputs() {}

  /**
   * @param startDepth_m attackers start anywhere on the far side of the hostile borders within this
   *     distance of the border line
   */
  public static AssessmentRegion from(Region region, double startDepth_m) {
    GridSpec g = region.grid();
    int[] starts = startCells(region, startDepth_m);
    List<CivilianFeature> civilians = new ArrayList<>();
    GeometryFactory gf = new GeometryFactory();
    for (Settlement s : region.settlements()) {
      civilians.add(
          new CivilianFeature(
              s.name(), "settlement", gf.createPoint(new Coordinate(s.x_m(), s.y_m()))));
    }
    for (NamedArea a : region.residentialAreas()) {
      civilians.add(new CivilianFeature("residential area", "a", a.geometry_lks94()));
    }
    Buildings b = region.buildings();
    var crs = region.crs();
    Coordinate ll = new Coordinate();
    for (int i = 0; i < b.size(); i++) {
      float area = b.area_m2(i);
      crs.toWgs84(b.x_m(i), b.y_m(i), ll);
      civilians.add(
          new CivilianFeature(
              String.format(
                  java.util.Locale.ROOT,
                  "%s at %.5f N %.5f E",
                  Float.isNaN(area) ? "building" : "building of " + Math.round(area) + " m²",
                  ll.y,
                  ll.x),
              "a",
              gf.createPoint(new Coordinate(b.x_m(i), b.y_m(i)))));
    }
    Map<String, Geometry> layers = new LinkedHashMap<>();
    List<Geometry> land = new ArrayList<>();
    for (Country c : Country.values()) {
      Geometry p = c == Country.NONE ? null : region.countryPolygon(c);
      if (p != null) {
        land.add(DouglasPeuckerSimplifier.simplify(p, g.cellSize() * 2));
      }
    }
    layers.put("countries", gf.buildGeometry(land));
    for (Country c : region.definition().homeCountries()) {
      Geometry p = region.countryPolygon(c);
      if (p != null) {
        layers.put(AssessmentRegion.HOME_LAYER + c.name(), p);
      }
    }
    RoadGraph roads = region.roads();
    List<LineString> main = new ArrayList<>();
    for (int e = 0; e < roads.edgeCount(); e++) {
      RoadClass c = roads.roadClass(e);
      if (c == RoadClass.MOTORWAY || c == RoadClass.TRUNK || c == RoadClass.PRIMARY) {
        main.add(roads.geometry(e, gf));
      }
    }
    layers.put("roads", gf.buildGeometry(main));
    return new AssessmentRegion(
        String.valueOf(region.metadata().path("home").asText("region"))
            + " "
            + Math.round(g.cellSize())
            + " m",
        g,
        region.landCover(),
        LandCover.namesByCode(),
        roadInput(roads),
        starts,
        civilians,
        region.borders(),
        layers,
        region.findDem().orElse(null),
        closedToAttacker(region, starts),
        region.definition(),
        region.protectedAreas().stream()
            .map(a -> new ProtectedArea(a.name(), a.kind(), a.geometry_lks94()))
            .toList(),
        residents(region));
  }

  /**
   * The settlements of the region's home countries, with their people or the fallback, scaled to a
   * country's official total where the data covers it ({@link
   * lt.skydas.assess.civil.NationalPopulation}).
   */
  static List<lt.skydas.assess.civil.Resident> residents(Region region) {
    java.util.Set<String> home = new java.util.HashSet<>(region.definition().home());
    List<lt.skydas.assess.civil.Resident> out = new ArrayList<>();
    for (Settlement s : region.settlements()) {
      if (s.country() != null && home.contains(s.country())) {
        out.add(
            lt.skydas.assess.civil.Resident.of(
                s.name(), s.place(), s.country(), s.x_m(), s.y_m(), s.population()));
      }
    }
    return lt.skydas.assess.civil.NationalPopulation.calibrate(
        out, lt.skydas.assess.civil.NationalPopulation.officials(), null);
  }

  /**
   * Cells of the hostile countries (the far side of the region's hostile borders: Belarus, Russia)
   * outside the start band ({@link #startCells}): an attacker path through them off road leaves the
   * band and comes back through it, where it could have started at no cost, so the searches need
   * not enter them (ADR 0014).
   */
  static BitSet closedToAttacker(Region region, int[] starts) {
    byte[] country = region.country();
    boolean[] hostile = hostileCodes(region);
    BitSet closed = new BitSet(country.length);
    for (int c = 0; c < country.length; c++) {
      if (hostile[country[c] & 0xff]) {
        closed.set(c);
      }
    }
    for (int c : starts) {
      closed.clear(c);
    }
    return closed;
  }

  /** Per unsigned country code, whether it is on the far side of a hostile border. */
  private static boolean[] hostileCodes(Region region) {
    boolean[] out = new boolean[256];
    for (Country c : region.definition().hostileCountries()) {
      out[c.code() & 0xff] = true;
    }
    return out;
  }

  /**
   * Cells of the hostile countries within {@code depth_m} of the region's hostile border lines
   * (Lithuania: the LT–BY and LT–RU lines).
   */
  static int[] startCells(Region region, double depth_m) {
    GridSpec g = region.grid();
    boolean[] line = new boolean[g.cellCount()];
    for (String pair : region.definition().hostileBorders()) {
      Geometry b = region.borders().get(pair);
      if (b != null) {
        Rasterizer.burnLines(g, b, c -> line[c] = true);
      }
    }
    int k = (int) Math.ceil(depth_m / g.cellSize());
    byte[] country = region.country();
    boolean[] hostile = hostileCodes(region);
    boolean[] start = new boolean[g.cellCount()];
    int w = g.width();
    int h = g.height();
    for (int c = 0; c < line.length; c++) {
      if (!line[c]) {
        continue;
      }
      int r0 = c / w;
      int c0 = c % w;
      for (int r = Math.max(0, r0 - k); r <= Math.min(h - 1, r0 + k); r++) {
        for (int cc = Math.max(0, c0 - k); cc <= Math.min(w - 1, c0 + k); cc++) {
          int id = r * w + cc;
          if (hostile[country[id] & 0xff]) {
            start[id] = true;
          }
        }
      }
    }
    int n = 0;
    for (boolean s : start) {
      if (s) {
        n++;
      }
    }
    int[] out = new int[n];
    n = 0;
    for (int c = 0; c < start.length; c++) {
      if (start[c]) {
        out[n++] = c;
      }
    }
    return out;
  }

  /** The region's road graph seen as mobility input. */
  public static RoadInput roadInput(RoadGraph r) {
    return new RoadInput() {
      @Override
      public int nodeCount() {
        return r.nodeCount();
      }

      @Override
      public double nodeX(int node) {
        return r.nodeX(node);
      }

      @Override
      public double nodeY(int node) {
        return r.nodeY(node);
      }

      @Override
      public int edgeCount() {
        return r.edgeCount();
      }

      @Override
      public int edgeFrom(int edge) {
        return r.from(edge);
      }

      @Override
      public int edgeTo(int edge) {
        return r.to(edge);
      }

      @Override
      public String edgeClass(int edge) {
        return r.roadClass(edge).name();
      }

      @Override
      public boolean isBridge(int edge) {
        return (r.flags(edge) & RoadGraph.BRIDGE) != 0;
      }

      @Override
      public boolean isFord(int edge) {
        return (r.flags(edge) & RoadGraph.FORD) != 0;
      }

      @Override
      public boolean isTunnel(int edge) {
        return (r.flags(edge) & RoadGraph.TUNNEL) != 0;
      }

      @Override
      public int pointCount(int edge) {
        return r.pointCount(edge);
      }

      @Override
      public double[] points(int edge, double[] dst) {
        return r.points(edge, dst);
      }
    };
  }
}
