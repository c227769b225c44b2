package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * from the hostile (LT–BY, LT–RU) border; where a belt crosses open ground (GO for tracked vehicles
 * in the dry season) a corridor candidate for line obstacles; where it crosses slow-go ground that
 * some class passes in some season (forest, wetland, streams) a tie-in; where it crosses built-up
 * ground a line of blocks; where it crosses a road, a road candidate; and every road bridge near
 * the border. In front of each belt a mined strip ({@link CandidateOptions#mineStrip_m}, ids {@code
 * m3-c12}) offers minefields on the corridors and tie-ins it crosses. Only ground no class passes
 * in any season (lakes, rivers, outside the land) is left open: an attacker cannot use a gap there,
 * so a belt with candidates over the rest can be closed. Types that break a hard constraint at a
 * site (mines in a civilian buffer, AP mines without the policy, a kind the policy keeps out of a
 * protected area) are not offered there; belt corridors also keep out of protected areas unless the
 * run allows them. Thread-safe once built.
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
  static final List<String> BUILT_UP_TYPES = List.of("dragons_teeth");
  static final List<String> MINE_STRIP_TYPES =
      List.of("at_minefield", "ap_minefield", "mixed_minefield");
  static final List<String> ROAD_TYPES = List.of("road_control_point");
  static final List<String> BRIDGE_TYPES = List.of("bridge_demolition");

  /** Line sites keep this far (m) from where a belt meets the home border. */
  static final double END_INSET_M = 2;

  /** Open ground: tracked vehicles make at least this speed there in the dry season. */
  static final double GO_KMH = 15;

  private final Region region;
  private final ObstacleCatalog catalog;
  private final HumanitarianCheck humanitarian;

  /** Ground no class passes in any season: no candidate needed. */
  private static final int OTHER = 0;

  private static final int GO = 1;
  private static final int SLOW = 2;
  private static final int BUILT = 3;

  /**
   * Per land-cover code: GO (open), BUILT (built-up, industrial), SLOW (passable by some class in
   * some season: tie-ins) or OTHER (impassable to tracked and wheeled vehicles in every season).
   */
  private final int[] groundKind;

  private final GeometryFactory gf = new GeometryFactory();

  public CandidateGenerator(
      Region region, ObstacleCatalog catalog, SpeedTable speeds, HumanitarianCheck humanitarian) {
    this.region = region;
    this.catalog = catalog;
    this.humanitarian = humanitarian;
    this.groundKind = new int[256];
    boolean[] passable = passableByVehicles(speeds);
    for (LandCover c : LandCover.values()) {
      groundKind[c.code()] = kindOf(c, speeds, passable[c.code()]);
    }
  }

  /**
   * Per land-cover code: whether tracked or wheeled vehicles cross it in some season (speed > 0):
   * ground a belt must close. Everything else needs no candidate.
   */
  static boolean[] passableByVehicles(SpeedTable speeds) {
    boolean[] passable = new boolean[256];
    for (LandCover c : LandCover.values()) {
      for (VehicleClass v : List.of(VehicleClass.TRACKED, VehicleClass.WHEELED)) {
        for (Season s : Season.values()) {
          passable[c.code()] |= speeds.terrainSpeed_kmh(c.name(), v, s) > 0;
        }
      }
    }
    return passable;
  }

  private static int kindOf(LandCover c, SpeedTable speeds, boolean passable) {
    if (c == LandCover.BUILT_UP || c == LandCover.INDUSTRIAL) {
      return BUILT;
    }
    if (speeds.terrainSpeed_kmh(c.name(), VehicleClass.TRACKED, Season.DRY) >= GO_KMH) {
      return GO;
    }
    return passable ? SLOW : OTHER;
  }

  public List<Candidate> generate(CandidateOptions opt, Progress progress) {
    Geometry home = home();
    Geometry border = beltBase(opt.flankReach_m());
    PreparedGeometry protectedAreas = protectedUnion(opt);
    STRtree roads = roadIndex();
    List<Candidate> out = new ArrayList<>();
    progress.begin("candidate belts", opt.beltDepths_m().size());
    int done = 0;
    for (double depth : opt.beltDepths_m()) {
      Geometry belt = belt(border, home, depth);
      String prefix = String.format(Locale.ROOT, "b%.0f", depth / 1000);
      corridors(belt, depth, prefix, opt, protectedAreas, false, out);
      roadCrossings(belt, depth, prefix, roads, opt, out);
      if (opt.mineStrip_m() > 0) {
        double at = depth - opt.mineStrip_m();
        corridors(
            belt(border, home, at),
            at,
            String.format(Locale.ROOT, "m%.0f", depth / 1000),
            opt,
            protectedAreas,
            true,
            out);
      }
      progress.advance(++done);
    }
    progress.end();
    bridges(border, home, opt, out);
    return out;
  }

  /**
   * The belt lines at the given depths (m) behind the hostile border, inside the home country: the
   * lines the candidates lie on, in the order given.
   */
  public List<Geometry> belts(List<Double> depths_m, double flankReach_m) {
    Geometry home = home();
    Geometry border = beltBase(flankReach_m);
    List<Geometry> out = new ArrayList<>();
    for (double d : depths_m) {
      out.add(belt(border, home, d));
    }
    return out;
  }

  private static Geometry belt(Geometry border, Geometry home, double depth_m) {
    return BufferOp.bufferOp(border, depth_m, 16).getBoundary().intersection(home);
  }

  private Geometry home() {
    List<Geometry> parts = new ArrayList<>();
    for (Country c : region.definition().homeCountries()) {
      Geometry p = region.countryPolygon(c);
      if (p == null) {
        throw new IllegalStateException("region pack has no " + c + " polygon");
      }
      parts.add(p);
    }
    return parts.size() == 1 ? parts.get(0) : gf.buildGeometry(parts).union();
  }

  /**
   * Borders between a home country and an ally (neither home nor hostile), whose corner near a
   * hostile country an attacker can cross (Lithuania: LT-PL, LT-LV), in a fixed order.
   */
  List<String> flankBorders() {
    return borderPairs(true);
  }

  /** Hostile countries' borders with those allies (Lithuania: PL-RU, PL-BY, LV-BY). */
  List<String> allyHostileBorders() {
    return borderPairs(false);
  }

  /**
   * The region's border pairs with one side an ally and the other home ({@code home}) or hostile
   * (not {@code home}), in reverse lexicographic order (the belts built from them must not depend
   * on the order the pack lists them in).
   */
  private List<String> borderPairs(boolean home) {
    var def = region.definition();
    java.util.Set<String> hostile = new java.util.HashSet<>();
    def.hostileCountries().forEach(c -> hostile.add(c.name()));
    List<String> out = new ArrayList<>();
    for (String pair : region.borders().keySet()) {
      String[] ab = pair.split("-");
      if (ab.length != 2) {
        continue;
      }
      for (int k = 0; k < 2; k++) {
        String side = ab[k];
        String ally = ab[1 - k];
        boolean allied = !def.home().contains(ally) && !hostile.contains(ally);
        if (allied && (home ? def.home().contains(side) : hostile.contains(side))) {
          out.add(pair);
        }
      }
    }
    out.sort(java.util.Comparator.reverseOrder());
    return out;
  }

  /**
   * The lines belts are measured from: the hostile borders, plus the stretches of the flank borders
   * within {@code flankReach_m} of a hostile country's border with the ally.
   */
  private Geometry beltBase(double flankReach_m) {
    Geometry hostile = hostileBorder();
    if (!(flankReach_m > 0)) {
      return hostile;
    }
    List<Geometry> allyHostile = new ArrayList<>();
    for (String pair : allyHostileBorders()) {
      Geometry b = region.borders().get(pair);
      if (b != null) {
        allyHostile.add(b);
      }
    }
    if (allyHostile.isEmpty()) {
      return hostile;
    }
    Geometry reach = BufferOp.bufferOp(gf.buildGeometry(allyHostile), flankReach_m, 8);
    List<Geometry> base = new ArrayList<>();
    base.add(hostile);
    for (String pair : flankBorders()) {
      Geometry b = region.borders().get(pair);
      if (b != null) {
        Geometry near = b.intersection(reach);
        if (!near.isEmpty()) {
          base.add(near);
        }
      }
    }
    return gf.buildGeometry(base);
  }

  private Geometry hostileBorder() {
    List<Geometry> hostile = new ArrayList<>();
    for (String pair : region.definition().hostileBorders()) {
      Geometry b = region.borders().get(pair);
      if (b != null) {
        hostile.add(b);
      }
    }
    return gf.buildGeometry(hostile);
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
      boolean mineStrip,
      List<Candidate> out) {
    GridSpec g = region.grid();
    byte[] lc = region.landCover();
    double step = g.cellSize() / 2;
    int[] count = new int[Candidate.Kind.values().length];
    for (int i = 0; i < belt.getNumGeometries(); i++) {
      if (!(belt.getGeometryN(i) instanceof LineString ls) || ls.getLength() < step) {
        continue;
      }
      LengthIndexedLine lil = new LengthIndexedLine(ls);
      // a belt part ends on the home border: pull its ends in, so that a site there lies inside
      // the country after the round trip to WGS84 and 6 decimals (the registry checks it)
      double inset = Math.min(END_INSET_M, ls.getLength() / 4);
      double len = ls.getLength() - inset;
      double runStart = -1;
      int runKind = OTHER;
      for (double a = inset; a <= len + step; a += step) {
        double at = Math.min(a, len);
        Coordinate c = lil.extractPoint(at);
        int cell = g.cellAt(c.x, c.y);
        int kind = a > len || cell < 0 ? OTHER : groundKind[lc[cell] & 0xff];
        if (kind == runKind) {
          continue;
        }
        if (runStart >= 0 && offered(runKind, opt) && !(mineStrip && runKind == BUILT)) {
          for (double s = runStart; s < at - 1e-6; s += opt.maxPiece_m()) {
            double e = Math.min(at, s + opt.maxPiece_m());
            if (e - s >= step) {
              for (Geometry piece : outside(lil.extractLine(s, e), prot, step)) {
                List<String> types =
                    allowed(
                        mineStrip
                            ? MINE_STRIP_TYPES
                            : runKind == BUILT ? BUILT_UP_TYPES : CORRIDOR_TYPES,
                        piece,
                        opt,
                        prot);
                if (!types.isEmpty()) {
                  Candidate.Kind k = lineKind(runKind);
                  out.add(
                      new Candidate(
                          prefix + lineSuffix(k) + (++count[k.ordinal()]), k, depth, piece, types));
                }
              }
            }
          }
        }
        runKind = kind;
        runStart = kind == OTHER ? -1 : at;
      }
    }
  }

  /**
   * The parts of a belt piece outside the protected areas ({@code prot}, may be null), each at
   * least {@code min_m} long: a piece that touches a protected area keeps what lies outside it.
   */
  private List<Geometry> outside(Geometry piece, PreparedGeometry prot, double min_m) {
    if (prot == null || !prot.intersects(piece)) {
      return List.of(piece);
    }
    Geometry rest = piece;
    for (NamedArea a : region.protectedAreas()) {
      Geometry g = a.geometry_lks94();
      if (g.getEnvelopeInternal().intersects(rest.getEnvelopeInternal()) && g.intersects(rest)) {
        rest = rest.difference(g);
      }
    }
    List<Geometry> out = new ArrayList<>();
    for (int i = 0; i < rest.getNumGeometries(); i++) {
      Geometry part = rest.getGeometryN(i);
      if (part instanceof LineString && part.getLength() >= min_m) {
        // a part ends on an area's boundary: pull its ends in so it lies strictly outside
        Geometry inner = new LengthIndexedLine(part).extractLine(1, part.getLength() - 1);
        if (!prot.intersects(inner)) {
          out.add(inner);
        }
      }
    }
    return out;
  }

  private static boolean offered(int kind, CandidateOptions opt) {
    return kind == GO || kind == BUILT || (kind == SLOW && opt.tieIns());
  }

  private static Candidate.Kind lineKind(int kind) {
    return switch (kind) {
      case GO -> Candidate.Kind.CORRIDOR;
      case BUILT -> Candidate.Kind.BUILT_UP;
      default -> Candidate.Kind.TIE_IN;
    };
  }

  /** Id infix of a line candidate: -c corridor, -t tie-in, -u built-up. */
  private static String lineSuffix(Candidate.Kind k) {
    return switch (k) {
      case CORRIDOR -> "-c";
      case BUILT_UP -> "-u";
      default -> "-t";
    };
  }

  private void roadCrossings(
      Geometry belt,
      double depth,
      String prefix,
      STRtree roads,
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
          List<String> types = allowed(ROAD_TYPES, p, opt, null);
          if (!types.isEmpty()) {
            out.add(new Candidate(prefix + "-r" + (++n), Candidate.Kind.ROAD, depth, p, types));
          }
        }
      }
    }
  }

  private void bridges(Geometry border, Geometry home, CandidateOptions opt, List<Candidate> out) {
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
      List<String> types = allowed(BRIDGE_TYPES, p, opt, null);
      if (!types.isEmpty()) {
        out.add(new Candidate("br-" + (++n), Candidate.Kind.BRIDGE, 0, p, types));
      }
    }
  }

  /**
   * The types among {@code ids} that may stand at {@code where}, cheapest first: those the policy
   * allows there (civilian buffer, AP mines, protected areas per obstacle kind), and none inside
   * {@code prot} (the protected areas a run keeps its belt corridors out of, null for none). Road
   * crossings and bridges pass no {@code prot}: a road control point or a prepared demolition on a
   * road through a national park is the policy's decision per kind, not the corridors'.
   */
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
