package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.RegionInputs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.region.Country;
import lt.skydas.region.LandCover;
import lt.skydas.region.NamedArea;
import lt.skydas.region.Region;
import lt.skydas.region.RoadGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.buffer.BufferOp;

/**
 * Generates candidate obstacle sites from the region: belts on the friendly side at given depths
 * from the hostile (LT–BY, LT–RU) border; where a belt crosses open ground between NO-GO terrain
 * (for tracked vehicles in the dry season) a corridor candidate for line obstacles; where it
 * crosses a road, a road candidate; and every road bridge near the border. Types that break a hard
 * constraint at a site (mines in a civilian buffer, AP mines without the policy, anything in a
 * protected area) are not offered there. Thread-safe once built.
 */
public final class CandidateGenerator {
  static final List<String> CORRIDOR_TYPES =
      List.of(
          "drainage_ditch",
          "at_ditch",
          "dragons_teeth",
          "at_minefield",
          "ap_minefield",
          "mixed_minefield");
  static final List<String> ROAD_TYPES = List.of("road_control_point");
  static final List<String> BRIDGE_TYPES = List.of("bridge_demolition");

  /** Open ground: tracked vehicles make at least this speed there in the dry season. */
  static final double GO_KMH = 15;

  private final Region region;
  private final ObstacleCatalog catalog;
  private final HumanitarianCheck humanitarian;
  private static final int OTHER = 0;
  private static final int GO = 1;
  private static final int SLOW = 2;

  /** Per land-cover code: GO (open), SLOW (forest, wetland: tie-ins) or OTHER. */
  private final int[] groundKind;

  private final GeometryFactory gf = new GeometryFactory();

  public CandidateGenerator(
      Region region, ObstacleCatalog catalog, SpeedTable speeds, HumanitarianCheck humanitarian) {
    this.region = region;
    this.catalog = catalog;
    this.humanitarian = humanitarian;
    this.groundKind = new int[256];
    for (LandCover c : LandCover.values()) {
      boolean fast = speeds.terrainSpeed_kmh(c.name(), VehicleClass.TRACKED, Season.DRY) >= GO_KMH;
      boolean slow =
          c == LandCover.FOREST || c == LandCover.WETLAND_FIRM || c == LandCover.WETLAND_SOFT;
      groundKind[c.code()] = fast ? GO : slow ? SLOW : OTHER;
    }
  }

  public List<Candidate> generate(CandidateOptions opt, Progress progress) {
    Geometry home = region.countryPolygon(Country.LT);
    if (home == null) {
      throw new IllegalStateException("region pack has no LT polygon");
    }
    List<Geometry> hostile = new ArrayList<>();
    for (String pair : RegionInputs.HOSTILE_BORDERS) {
      Geometry b = region.borders().get(pair);
      if (b != null) {
        hostile.add(b);
      }
    }
    Geometry border = gf.buildGeometry(hostile);
    PreparedGeometry protectedAreas = protectedUnion(opt);
    STRtree roads = roadIndex();
    List<Candidate> out = new ArrayList<>();
    progress.begin("candidate belts", opt.beltDepths_m().size());
    int done = 0;
    for (double depth : opt.beltDepths_m()) {
      Geometry belt = BufferOp.bufferOp(border, depth, 16).getBoundary().intersection(home);
      String prefix = String.format(Locale.ROOT, "b%.0f", depth / 1000);
      corridors(belt, depth, prefix, opt, protectedAreas, out);
      roadCrossings(belt, depth, prefix, roads, protectedAreas, opt, out);
      progress.advance(++done);
    }
    progress.end();
    bridges(border, home, opt, protectedAreas, out);
    return out;
  }

  private PreparedGeometry protectedUnion(CandidateOptions opt) {
    if (!opt.avoidProtectedAreas() || region.protectedAreas().isEmpty()) {
      return null;
    }
    List<Geometry> gs = new ArrayList<>();
    for (NamedArea a : region.protectedAreas()) {
      gs.add(a.geometry_lks94());
    }
    return PreparedGeometryFactory.prepare(gf.buildGeometry(gs));
  }

  private STRtree roadIndex() {
    RoadGraph g = region.roads();
    STRtree t = new STRtree();
    for (int e = 0; e < g.edgeCount(); e++) {
      LineString ls = g.geometry(e, gf);
      ls.setUserData(e);
      t.insert(ls.getEnvelopeInternal(), ls);
    }
    t.build();
    return t;
  }

  private void corridors(
      Geometry belt,
      double depth,
      String prefix,
      CandidateOptions opt,
      PreparedGeometry prot,
      List<Candidate> out) {
    GridSpec g = region.grid();
    byte[] lc = region.landCover();
    double step = g.cellSize() / 2;
    int n = 0;
    int m = 0;
    for (int i = 0; i < belt.getNumGeometries(); i++) {
      if (!(belt.getGeometryN(i) instanceof LineString ls) || ls.getLength() < step) {
        continue;
      }
      LengthIndexedLine lil = new LengthIndexedLine(ls);
      double len = ls.getLength();
      double runStart = -1;
      int runKind = OTHER;
      for (double a = 0; a <= len + step; a += step) {
        double at = Math.min(a, len);
        Coordinate c = lil.extractPoint(at);
        int cell = g.cellAt(c.x, c.y);
        int kind = a > len || cell < 0 ? OTHER : groundKind[lc[cell] & 0xff];
        if (kind == runKind) {
          continue;
        }
        if (runStart >= 0 && (runKind == GO || (runKind == SLOW && opt.tieIns()))) {
          for (double s = runStart; s < at - 1e-6; s += opt.maxPiece_m()) {
            double e = Math.min(at, s + opt.maxPiece_m());
            if (e - s >= g.cellSize()) {
              Geometry piece = lil.extractLine(s, e);
              List<String> types = allowed(CORRIDOR_TYPES, piece, opt, prot);
              if (!types.isEmpty()) {
                boolean corridor = runKind == GO;
                out.add(
                    new Candidate(
                        prefix + (corridor ? "-c" + (++n) : "-t" + (++m)),
                        corridor ? Candidate.Kind.CORRIDOR : Candidate.Kind.TIE_IN,
                        depth,
                        piece,
                        types));
              }
            }
          }
        }
        runKind = kind;
        runStart = kind == OTHER ? -1 : at;
      }
    }
  }

  private void roadCrossings(
      Geometry belt,
      double depth,
      String prefix,
      STRtree roads,
      PreparedGeometry prot,
      CandidateOptions opt,
      List<Candidate> out) {
    List<Coordinate> seen = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < belt.getNumGeometries(); i++) {
      Geometry part = belt.getGeometryN(i);
      PreparedGeometry pp = PreparedGeometryFactory.prepare(part);
      for (Object o : roads.query(part.getEnvelopeInternal())) {
        LineString road = (LineString) o;
        if (!pp.intersects(road)) {
          continue;
        }
        for (Coordinate c : road.intersection(part).getCoordinates()) {
          if (seen.stream().anyMatch(s -> s.distance(c) < 50)) {
            continue;
          }
          seen.add(c);
          Point p = gf.createPoint(c);
          List<String> types = allowed(ROAD_TYPES, p, opt, prot);
          if (!types.isEmpty()) {
            out.add(new Candidate(prefix + "-r" + (++n), Candidate.Kind.ROAD, depth, p, types));
          }
        }
      }
    }
  }

  private void bridges(
      Geometry border,
      Geometry home,
      CandidateOptions opt,
      PreparedGeometry prot,
      List<Candidate> out) {
    RoadGraph g = region.roads();
    PreparedGeometry lt = PreparedGeometryFactory.prepare(home);
    int n = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      if ((g.flags(e) & RoadGraph.BRIDGE) == 0) {
        continue;
      }
      LineString ls = g.geometry(e, gf);
      Coordinate mid = new LengthIndexedLine(ls).extractPoint(ls.getLength() / 2);
      Point p = gf.createPoint(mid);
      if (!lt.contains(p) || border.distance(p) > opt.bridgeDepth_m()) {
        continue;
      }
      List<String> types = allowed(BRIDGE_TYPES, p, opt, prot);
      if (!types.isEmpty()) {
        out.add(new Candidate("br-" + (++n), Candidate.Kind.BRIDGE, 0, p, types));
      }
    }
  }

  /** The types among {@code ids} that may stand at {@code where}, cheapest first. */
  private List<String> allowed(
      List<String> ids, Geometry where, CandidateOptions opt, PreparedGeometry prot) {
    if (prot != null && prot.intersects(where)) {
      return List.of();
    }
    List<ObstacleType> ok = new ArrayList<>();
    for (String id : ids) {
      ObstacleType t = catalog.findType(id).orElse(null);
      if (t == null) {
        continue;
      }
      Obstacle o = new Obstacle("candidate", t.name(), t, null, where, 0);
      if (humanitarian.allows(o, opt.policy())) {
        ok.add(t);
      }
    }
    ok.sort(Comparator.comparingDouble(ObstacleType::costEur_perUnit));
    return ok.stream().map(ObstacleType::id).toList();
  }
}
