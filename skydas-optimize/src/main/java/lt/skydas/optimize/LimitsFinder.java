package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Objective;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.region.Country;
import lt.skydas.region.LandCover;
import lt.skydas.region.NamedArea;
import lt.skydas.region.Region;
import lt.skydas.region.Settlement;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the {@link Limits} of an optimised plan on its verification: for each objective some case
 * does not delay, the fastest verified avenue with the plan is followed across the belts and what
 * stands at each crossing (the strongest obstacle offered, a weaker one, an empty site, a protected
 * area, ground that takes no obstacle) or that it never enters the home country says why; the
 * budget left is set against the budget rows, the solver's proven bound and those crossings.
 * Stateless; thread-safe.
 */
public final class LimitsFinder {
  /** Below this delay (s) an objective counts as not delayed in a case. */
  static final double NO_DELAY_S = 60;

  /**
   * An avenue that crosses no belt and runs less than this share of its length in the home country
   * counts as outside it (its last stretch may enter: the objective may lie at the border).
   */
  static final double OUTSIDE_SHARE = 0.5;

  /** Places farther than this (m) are not named. */
  static final double NEAR_M = 15_000;

  /** Budget left above this share is explained. */
  static final double LEFT_SHARE = 0.05;

  private final Region region;
  private final List<Double> beltDepths_m;
  private final List<Geometry> belts;
  private final ObstacleCatalog catalog;
  private final STRtree candidates = new STRtree();
  private final STRtree protectedAreas = new STRtree();
  private final double tolerance_m;
  private final boolean[] passable;
  private final GeometryFactory gf = new GeometryFactory();

  /**
   * @param region the region pack the plan was verified on
   * @param beltDepths_m the belts' depths (m), in the order of {@code belts}
   * @param belts the belt lines ({@link CandidateGenerator#belts})
   * @param sites the candidate sites the optimiser chose from
   * @param speeds which ground vehicles can cross (some season), as for the candidates
   */
  public LimitsFinder(
      Region region,
      List<Double> beltDepths_m,
      List<Geometry> belts,
      List<Candidate> sites,
      ObstacleCatalog catalog,
      SpeedTable speeds) {
    this.region = region;
    this.beltDepths_m = List.copyOf(beltDepths_m);
    this.belts = List.copyOf(belts);
    this.catalog = catalog;
    this.passable = CandidateGenerator.passableByVehicles(speeds);
    this.tolerance_m = 1.5 * region.grid().cellSize();
    for (Candidate c : sites) {
      candidates.insert(c.geometry_lks94().getEnvelopeInternal(), c);
    }
    candidates.build();
    for (NamedArea a : region.protectedAreas()) {
      protectedAreas.insert(a.geometry_lks94().getEnvelopeInternal(), a);
    }
    protectedAreas.build();
  }

  /** The limits of {@code r}, optimised under {@code opt}. */
  public Limits find(OptimizationResult r, OptimizeOptions opt) {
    OnAvenues found = onAvenues(r.verification(), r.plan());
    return new Limits(
        found.objectives(),
        budget(r, opt, found.crossings()),
        found.crossings(),
        r.verification().cases().size());
  }

  /** What the avenues show: objectives without delay and why; crossings counted. */
  record OnAvenues(List<Limits.ObjectiveLimit> objectives, List<Limits.CrossingCount> crossings) {}

  /** Follows the fastest avenue with the plan of every case and objective of {@code v}. */
  OnAvenues onAvenues(AssessmentResult v, BarrierPlan plan) {
    Map<String, Obstacle> built = new LinkedHashMap<>();
    for (Obstacle o : plan.obstacles()) {
      built.put(o.id(), o);
    }
    List<Limits.ObjectiveLimit> objectives = new ArrayList<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, TreeMap<String, Integer>> details = new LinkedHashMap<>();
    for (Objective obj : v.objectives()) {
      Map<Limits.Reason, List<String>> cases = new LinkedHashMap<>();
      Map<Limits.Reason, String> texts = new LinkedHashMap<>();
      for (AssessmentResult.Case c : v.cases()) {
        AssessmentResult.Avenue a = fastest(c, obj.id());
        if (a == null) {
          continue;
        }
        AvenueFindings f = follow(a, built);
        f.count(counts, details);
        if (!(c.time(obj.id()).delay_s() < NO_DELAY_S)) {
          continue;
        }
        Limits.Reason reason = f.reason();
        cases.computeIfAbsent(reason, k -> new ArrayList<>()).add(caseId(c));
        texts.putIfAbsent(reason, f.text(obj.name(), c, a));
      }
      cases.forEach(
          (reason, ids) ->
              objectives.add(
                  new Limits.ObjectiveLimit(obj.id(), obj.name(), reason, ids, texts.get(reason))));
    }
    List<Limits.CrossingCount> crossingCounts = new ArrayList<>();
    counts.forEach(
        (what, n) ->
            crossingCounts.add(new Limits.CrossingCount(what, n[0], describe(details.get(what)))));
    return new OnAvenues(objectives, crossingCounts);
  }

  static String caseId(AssessmentResult.Case c) {
    return c.vehicle().id() + "/" + c.season().id();
  }

  private static AssessmentResult.Avenue fastest(AssessmentResult.Case c, String objectiveId) {
    for (AssessmentResult.Avenue a : c.avenues()) {
      if (a.objectiveId().equals(objectiveId)
          && a.scenario() == AssessmentResult.Scenario.PLAN
          && a.rank() == 1) {
        return a;
      }
    }
    return null;
  }

  /** What one crossing of a belt has. */
  enum At {
    STRONGEST,
    WEAKER,
    EMPTY,
    PROTECTED,
    NOT_OFFERED;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One belt crossing: the belt, what stands there, and a name (area, land cover or type). */
  record Crossing(double belt_m, At at, String name) {}

  /** An avenue followed: its share per country and its belt crossings in belt order. */
  final class AvenueFindings {
    final Map<Country, Double> share = new TreeMap<>();
    final List<Crossing> crossings = new ArrayList<>();
    Coordinate start;

    void count(Map<String, int[]> counts, Map<String, TreeMap<String, Integer>> details) {
      for (Crossing c : crossings) {
        counts.computeIfAbsent(c.at().id(), k -> new int[1])[0]++;
        if (c.at() == At.PROTECTED || c.at() == At.NOT_OFFERED) {
          details
              .computeIfAbsent(c.at().id(), k -> new TreeMap<>())
              .merge(c.name(), 1, Integer::sum);
        }
      }
    }

    double homeShare() {
      double s = 0;
      for (Country c : region.definition().homeCountries()) {
        s += share.getOrDefault(c, 0.0);
      }
      return s;
    }

    Limits.Reason reason() {
      if (crossings.isEmpty()) {
        return homeShare() < OUTSIDE_SHARE ? Limits.Reason.OUTSIDE_HOME : Limits.Reason.NO_BELT;
      }
      if (crossings.stream().allMatch(c -> c.at() == At.PROTECTED)) {
        return Limits.Reason.PROTECTED;
      }
      if (crossings.stream().anyMatch(c -> c.at() == At.NOT_OFFERED)) {
        return Limits.Reason.NOT_OFFERED;
      }
      if (crossings.stream().anyMatch(c -> c.at() == At.EMPTY || c.at() == At.WEAKER)) {
        return Limits.Reason.LEFT_EMPTY;
      }
      return Limits.Reason.STRONGEST;
    }

    String text(String objective, AssessmentResult.Case c, AssessmentResult.Avenue a) {
      String head =
          String.format(
              Locale.ROOT,
              "%s: the fastest approach (%s, %s: %.1f km, %.2f h, %.0f %% on roads)",
              objective,
              c.vehicle().id(),
              c.season().id(),
              a.length_m() / 1000,
              a.time_s() / 3600,
              100 * a.roadShare());
      return switch (reason()) {
        case OUTSIDE_HOME ->
            head
                + " runs almost entirely outside Lithuania, through "
                + countries()
                + (start == null ? "" : " from the border" + near(start))
                + ", and crosses none of Lithuania's belts: only the neighbour's own line can"
                + " delay it, this plan builds only in Lithuania.";
        case NO_BELT ->
            head
                + " crosses none of the belts ("
                + depths()
                + " behind the border): the objective lies in front of them or the approach"
                + " passes their ends. Add a belt closer to the border or around the objective"
                + " (--belts-km, --sites).";
        case PROTECTED ->
            head
                + " crosses the belts only in protected areas ("
                + names(At.PROTECTED)
                + "), where the policy keeps out the kinds a belt there would take and the belt"
                + " corridors avoid them (--allow-protected-areas offers corridors there).";
        case NOT_OFFERED ->
            head + " crosses a belt where no obstacle may stand (" + names(At.NOT_OFFERED) + ").";
        case LEFT_EMPTY ->
            head
                + " crosses belts at sites the plan leaves empty or weak ("
                + sitesLeft()
                + "): on the corridor model those sites looked bypassed or not worth their cost;"
                + " a finer --graph-cell-size models such gaps more closely.";
        case STRONGEST ->
            head + " crosses every belt where the strongest obstacle offered already stands.";
      };
    }

    private String countries() {
      List<String> out = new ArrayList<>();
      share.entrySet().stream()
          .sorted(Map.Entry.<Country, Double>comparingByValue().reversed())
          .filter(e -> e.getValue() >= 0.05)
          .forEach(
              e ->
                  out.add(
                      String.format(
                          Locale.ROOT,
                          "%s (%.0f %%)",
                          countryName(e.getKey()),
                          100 * e.getValue())));
      return out.isEmpty() ? "outside the modelled countries" : String.join(", ", out);
    }

    private String names(At at) {
      return String.join(
          ", ",
          crossings.stream().filter(c -> c.at() == at).map(Crossing::name).distinct().toList());
    }

    private String sitesLeft() {
      List<String> out = new ArrayList<>();
      for (Crossing c : crossings) {
        if (c.at() == At.EMPTY || c.at() == At.WEAKER) {
          out.add(String.format(Locale.ROOT, "%.0f km belt: %s", c.belt_m() / 1000, c.name()));
        }
      }
      return String.join("; ", out);
    }
  }

  static String countryName(Country c) {
    return switch (c) {
      case LT -> "Lithuania";
      case BY -> "Belarus";
      case RU -> "Russia (Kaliningrad)";
      case PL -> "Poland";
      case LV -> "Latvia";
      case NONE -> "water or unmapped land";
    };
  }

  private String depths() {
    return String.join(
        ", ",
        beltDepths_m.stream().map(d -> String.format(Locale.ROOT, "%.0f km", d / 1000)).toList());
  }

  /** Follows an avenue: country shares by length, then each belt's crossings. */
  AvenueFindings follow(AssessmentResult.Avenue a, Map<String, Obstacle> built) {
    AvenueFindings f = new AvenueFindings();
    List<Coordinate> path = a.path_lks94();
    if (path.size() < 2) {
      return f;
    }
    f.start = path.get(0);
    LineString line = gf.createLineString(path.toArray(new Coordinate[0]));
    countryShares(line, f.share);
    VehicleClass v = a.vehicle();
    for (int b = 0; b < belts.size(); b++) {
      Geometry x = line.intersection(belts.get(b));
      for (Coordinate c : x.getCoordinates()) {
        f.crossings.add(at(beltDepths_m.get(b), c, v, built));
      }
    }
    return f;
  }

  private void countryShares(LineString line, Map<Country, Double> share) {
    GridSpec g = region.grid();
    byte[] country = region.country();
    double step = g.cellSize() / 2;
    double len = line.getLength();
    var lil = new org.locationtech.jts.linearref.LengthIndexedLine(line);
    int n = 0;
    Map<Country, Integer> hits = new TreeMap<>();
    for (double s = step / 2; s < len; s += step) {
      Coordinate c = lil.extractPoint(s);
      int cell = g.cellAt(c.x, c.y);
      Country k = cell < 0 ? Country.NONE : Country.fromCode(country[cell]);
      hits.merge(k, 1, Integer::sum);
      n++;
    }
    if (n > 0) {
      for (var e : hits.entrySet()) {
        share.put(e.getKey(), e.getValue() / (double) n);
      }
    }
  }

  /** What stands where an avenue crosses a belt. */
  private Crossing at(double belt_m, Coordinate c, VehicleClass v, Map<String, Obstacle> built) {
    Geometry p = gf.createPoint(c);
    Candidate best = null;
    double bestDist = Double.POSITIVE_INFINITY;
    @SuppressWarnings("unchecked")
    List<Candidate> near =
        candidates.query(
            new org.locationtech.jts.geom.Envelope(
                c.x - tolerance_m, c.x + tolerance_m, c.y - tolerance_m, c.y + tolerance_m));
    for (Candidate k : near) {
      double d = k.geometry_lks94().distance(p);
      if (d <= tolerance_m && (built.containsKey(k.id()) || best == null || d < bestDist)) {
        if (best != null && built.containsKey(best.id()) && !built.containsKey(k.id())) {
          continue; // a built site near the crossing wins over an empty one
        }
        best = k;
        bestDist = d;
      }
    }
    if (best != null) {
      Obstacle o = built.get(best.id());
      if (o == null) {
        return new Crossing(belt_m, At.EMPTY, best.id() + near(c));
      }
      double strongest = 0;
      for (String t : best.types()) {
        strongest = Math.max(strongest, delay(catalog.findType(t).orElse(null), v));
      }
      boolean top = delay(o.type(), v) >= strongest - 1e-9;
      return new Crossing(belt_m, top ? At.STRONGEST : At.WEAKER, best.id() + " " + o.type().id());
    }
    String area = protectedAreaAt(p);
    if (area != null) {
      return new Crossing(belt_m, At.PROTECTED, area);
    }
    int cell = region.grid().cellAt(c.x, c.y);
    String ground =
        cell < 0
            ? "outside the region"
            : LandCover.fromCode(region.landCover()[cell])
                .name()
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ');
    return new Crossing(belt_m, At.NOT_OFFERED, ground + near(c));
  }

  private static double delay(ObstacleType t, VehicleClass v) {
    return t == null ? 0 : Math.max(t.crossingDelay_s(v), t.roadDelay_s(v));
  }

  private String protectedAreaAt(Geometry p) {
    @SuppressWarnings("unchecked")
    List<NamedArea> hits = protectedAreas.query(p.getEnvelopeInternal());
    for (NamedArea a : hits) {
      if (a.geometry_lks94().covers(p)) {
        String kind = a.kind() == null || a.kind().isBlank() ? "protected area" : a.kind();
        String name =
            a.name() == null || a.name().isBlank() ? "a " + kind : a.name() + " (" + kind + ")";
        return name + near(p.getCoordinate());
      }
    }
    return null;
  }

  /** " near Place" for the nearest named settlement within 15 km, else "". */
  String near(Coordinate c) {
    Settlement best = null;
    double bestD = NEAR_M;
    for (Settlement s : region.settlements()) {
      String n = s.nameAscii() != null ? s.nameAscii() : s.name();
      if (n == null || n.isBlank()) {
        continue;
      }
      double d = Math.hypot(s.x_m() - c.x, s.y_m() - c.y);
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    if (best == null) {
      return "";
    }
    boolean latin =
        best.name() != null
            && !best.name().isBlank()
            && best.name().chars().allMatch(ch -> ch < 0x0400);
    return " near " + (latin || best.nameAscii() == null ? best.name() : best.nameAscii());
  }

  private static String describe(TreeMap<String, Integer> detail) {
    if (detail == null) {
      return "";
    }
    List<String> out = new ArrayList<>();
    detail.forEach((k, n) -> out.add(k + " ×" + n));
    return String.join(", ", out);
  }

  /** The budget left and what binds. */
  private Limits.BudgetLimit budget(
      OptimizationResult r, OptimizeOptions opt, List<Limits.CrossingCount> crossings) {
    Programme p = opt.programme();
    double budget = p.spendable_eur();
    double spent = r.spend_eur();
    List<String> binding = new ArrayList<>();
    if (budget > 0 && spent < (1 - LEFT_SHARE) * budget) {
      binding.addAll(BudgetRows.tight(r, p));
      binding.add(BudgetRows.solverLine(r));
      binding.add(BudgetRows.crossingLine(crossings));
      String paths = BudgetRows.modelPathLine(r.modelPaths());
      if (!paths.isEmpty()) {
        binding.add(paths);
      }
      String gaps = gapLine(opt.candidates().avoidProtectedAreas());
      if (!gaps.isEmpty()) {
        binding.add(gaps);
      }
    }
    return new Limits.BudgetLimit(budget, spent, binding);
  }

  /**
   * Per belt, the km that lie in protected areas on ground an attacker can cross (sampled every
   * half cell): the gaps no obstacle may close, through which an attacker detours around a closed
   * stretch. Empty when there are none or protected areas are allowed.
   */
  String gapLine(boolean avoidProtected) {
    if (!avoidProtected) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    TreeMap<String, Integer> places = new TreeMap<>();
    GridSpec g = region.grid();
    double step = g.cellSize() / 2;
    for (int b = 0; b < belts.size(); b++) {
      Geometry belt = belts.get(b);
      double gap_m = 0;
      for (int i = 0; i < belt.getNumGeometries(); i++) {
        Geometry part = belt.getGeometryN(i);
        var lil = new org.locationtech.jts.linearref.LengthIndexedLine(part);
        for (double a = step / 2; a < part.getLength(); a += step) {
          Coordinate c = lil.extractPoint(a);
          int cell = g.cellAt(c.x, c.y);
          if (cell < 0 || !passable[region.landCover()[cell] & 0xff]) {
            continue;
          }
          String area = protectedAreaAt(gf.createPoint(c));
          if (area != null) {
            gap_m += step;
            places.merge(area, 1, Integer::sum);
          }
        }
      }
      if (gap_m > 0) {
        parts.add(
            String.format(
                Locale.ROOT,
                "%.0f km of the %.0f km belt",
                gap_m / 1000,
                beltDepths_m.get(b) / 1000));
      }
    }
    if (parts.isEmpty()) {
      return "";
    }
    List<String> where = new ArrayList<>();
    places.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(6)
        .forEach(e -> where.add(e.getKey()));
    return "The belts have gaps where no belt obstacle may be built: "
        + String.join(", ", parts)
        + " cross protected areas an attacker can pass ("
        + String.join("; ", where)
        + (places.size() > 6 ? "; …" : "")
        + "): an attacker can detour through them around a closed stretch (only the road sites"
        + " there take what the policy allows in them, such as control points)."
        + " --allow-protected-areas offers belt sites there too, within the policy's rules per"
        + " kind (a decision for the ministry and the environmental authority).";
  }
}
