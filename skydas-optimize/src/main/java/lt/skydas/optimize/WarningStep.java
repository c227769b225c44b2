package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.Scenario;
import lt.skydas.assess.AvenueSamples;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.observe.Coverage;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.observe.SensorPlacement;
import lt.skydas.observe.Surface;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorCategory;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.SensorType;
import lt.skydas.plan.TargetClass;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Pipeline step "minimum warning time" (after the verification, ADR 0011): on each case's fastest
 * verified avenue toward an objective with a minimum ({@link WarningOptions}), is the attacker seen
 * by a sensor of the plan at least that long before he arrives? The avenue is sampled as {@code
 * assess}'s warning time samples it ({@link AvenueSamples}); a sample counts when a plan sensor
 * observes its cell (person coverage for dismounted troops, else vehicle). Manned posts do not
 * count toward the minimum: a post sees its own ground and is the first thing an attacker removes.
 * For the avenues short of their minimum, candidate sensors stand every {@link
 * WarningOptions#spacing_m} along the part of the avenue early enough to warn in time, on open
 * ground in the home country; the least-cost set that sees every such avenue early enough (or the
 * most of them the money left allows) is found exactly ({@link ProtectionSolver} with every
 * candidate both detecting and defeating). Stateless.
 */
final class WarningStep {
  private static final GeometryFactory GF = new GeometryFactory();

  private WarningStep() {}

  /** Status of an avenue: seen early enough by the plan's sensors. */
  static final String MET = "met";

  /** Status of an avenue: seen early enough only by the sensors this step adds. */
  static final String BOUGHT = "met_by_added_sensors";

  /** Status of an avenue: not seen early enough. */
  static final String UNMET = "unmet";

  /** One avenue's warning ({@link WarningResult.Row}). */
  private static WarningResult.Row row(Walk w, double warning_h, String status, String reason) {
    return new WarningResult.Row(
        w.caseId(),
        w.avenue().objectiveId(),
        w.required_h(),
        w.arrival_h(),
        warning_h,
        status,
        reason);
  }

  /**
   * What the step bought.
   *
   * @param added the sensors bought (in the plan's sensors from year {@code year})
   * @param rows per avenue with a minimum, before the purchase (status {@link #BOUGHT} where an
   *     added sensor sees it in time)
   * @param optimal the covering problem was proven optimal
   */
  record Outcome(
      List<SensorSite> added,
      double cost_eur,
      List<WarningResult.Row> rows,
      int candidates,
      boolean optimal) {}

  /** An avenue with a minimum, sampled. */
  private record Walk(
      String caseId, Avenue avenue, double required_h, List<AvenueSamples.Sample> samples) {
    TargetClass target() {
      return avenue.vehicle() == VehicleClass.DISMOUNTED ? TargetClass.PERSON : TargetClass.VEHICLE;
    }

    double arrival_h() {
      return avenue.time_s() / 3600;
    }
  }

  /** The warning each avenue with a minimum gets from {@code sensors}. */
  static List<WarningResult.Row> check(
      AssessmentRegion region,
      AssessmentResult verified,
      List<SensorSite> sensors,
      WarningOptions opt,
      int threads) {
    List<Walk> walks = walks(verified, opt);
    Map<TargetClass, CoverageGrid> grids = grids(region, sensors, walks, threads);
    List<WarningResult.Row> rows = new ArrayList<>();
    for (Walk w : walks) {
      double warning = warning(w, grids.get(w.target()));
      boolean met = warning >= w.required_h() - 1e-9;
      rows.add(
          row(
              w,
              warning,
              met ? MET : UNMET,
              met ? "" : "no sensor of the plan sees the avenue early enough"));
    }
    return rows;
  }

  /**
   * Buys sensors for the avenues short of their minimum, within {@code money_eur}.
   *
   * @param year programme year the sensors are bought in
   * @throws SkydasProblem USAGE for an offered type that is unknown, directional or not a
   *     surveillance or early-warning sensor
   */
  static Outcome run(
      AssessmentRegion region,
      AssessmentResult verified,
      List<SensorSite> planSensors,
      WarningOptions opt,
      SensorCatalog catalog,
      double money_eur,
      int years,
      int year,
      int threads,
      Progress progress) {
    List<SensorType> types = new ArrayList<>();
    for (String id : opt.typeIds()) {
      types.add(type(catalog, id));
    }
    List<Walk> walks = walks(verified, opt);
    List<WarningResult.Row> before = check(region, verified, planSensors, opt, threads);
    List<Walk> short_ = new ArrayList<>();
    List<Integer> shortRow = new ArrayList<>();
    for (int i = 0; i < walks.size(); i++) {
      if (before.get(i).status().equals(UNMET)) {
        short_.add(walks.get(i));
        shortRow.add(i);
      }
    }
    if (short_.isEmpty()) {
      return new Outcome(List.of(), 0, before, 0, true);
    }
    progress.begin("sensors for a minimum warning on " + short_.size() + " avenue(s)", 1);
    List<Point> positions = positions(region, short_, opt);
    Surface surface = ProtectionStep.surface(region);
    List<SensorSite> cands = new ArrayList<>();
    List<int[]> covers = new ArrayList<>();
    List<Long> costs = new ArrayList<>();
    for (SensorType t : types) {
      long cost = Math.round(t.costEur_perUnit() + t.upkeepEur_perYear() * years);
      cover(surface, t, positions, short_, year, threads, cands, covers);
      while (costs.size() < cands.size()) {
        costs.add(cost);
      }
    }
    int n = cands.size();
    boolean[] all = new boolean[n];
    java.util.Arrays.fill(all, true);
    ProtectionSolver.Problem p =
        new ProtectionSolver.Problem(
            short_.size(),
            costs.stream().mapToLong(Long::longValue).toArray(),
            all,
            all,
            covers.toArray(new int[0][]),
            new int[0][],
            short_.size(),
            (long) Math.floor(Math.max(0, money_eur)));
    ProtectionSolver.Solution sol = ProtectionSolver.solve(p, ProtectionStep.MAX_SOLVE_S, threads);
    progress.end();
    List<SensorSite> added = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if (sol.chosen()[c]) {
        added.add(cands.get(c));
      }
    }
    List<WarningResult.Row> rows = new ArrayList<>(before);
    boolean[] seeable = new boolean[short_.size()];
    for (int[] cov : covers) {
      for (int u : cov) {
        seeable[u] = true;
      }
    }
    for (int u = 0; u < short_.size(); u++) {
      WarningResult.Row r = before.get(shortRow.get(u));
      String status = sol.protectedSites()[u] ? BOUGHT : UNMET;
      String reason =
          sol.protectedSites()[u]
              ? ""
              : !seeable[u]
                  ? "no place in the home country from which an offered sensor sees the avenue"
                      + " early enough"
                  : String.format(
                      Locale.ROOT, "the money left (EUR %,.0f) buys no more sensors", money_eur);
      rows.set(
          shortRow.get(u),
          new WarningResult.Row(
              r.caseId(),
              r.objectiveId(),
              r.required_h(),
              r.arrival_h(),
              r.warning_h(),
              status,
              reason));
    }
    return new Outcome(added, sol.cost_eur(), rows, n, sol.optimal());
  }

  private static SensorType type(SensorCatalog catalog, String id) {
    SensorType t = OfferedTypes.require(catalog, id, "warning type", true);
    if (t.category() != SensorCategory.SURVEILLANCE
        && t.category() != SensorCategory.EARLY_WARNING) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          id + " (" + t.category().id() + ") is no surveillance or early-warning sensor");
    }
    return t;
  }

  /** Each case's fastest avenue (with the plan) toward each objective with a minimum, sampled. */
  private static List<Walk> walks(AssessmentResult verified, WarningOptions opt) {
    Scenario scenario = verified.plan().obstacles().isEmpty() ? Scenario.BASELINE : Scenario.PLAN;
    List<Walk> out = new ArrayList<>();
    for (Case c : verified.cases()) {
      for (Avenue a : c.avenues()) {
        double req = opt.required_h(a.objectiveId());
        if (a.scenario() != scenario || a.rank() != 1 || !Double.isFinite(a.time_s()) || req <= 0) {
          continue;
        }
        out.add(new Walk(c.id(), a, req, AvenueSamples.of(a, c.isochrone_h())));
      }
    }
    return out;
  }

  /** Hours from the first observed sample to the arrival; 0 if none is observed. */
  private static double warning(Walk w, CoverageGrid grid) {
    double first = Double.NaN;
    for (AvenueSamples.Sample s : w.samples()) {
      if (grid != null && grid.count()[s.cell()] > 0 && !(s.t_h() >= first)) {
        first = s.t_h();
      }
    }
    return Double.isNaN(first) ? 0 : Math.max(0, w.arrival_h() - first);
  }

  /** Coverage of {@code sensors} for each target class the walks need. */
  private static Map<TargetClass, CoverageGrid> grids(
      AssessmentRegion region, List<SensorSite> sensors, List<Walk> walks, int threads) {
    Map<TargetClass, CoverageGrid> out = new LinkedHashMap<>();
    if (sensors.isEmpty()) {
      return out;
    }
    Surface surface = ProtectionStep.surface(region);
    Set<TargetClass> need = new HashSet<>();
    walks.forEach(w -> need.add(w.target()));
    for (TargetClass t : need) {
      List<SensorPlacement> ps = new ArrayList<>();
      for (SensorSite s : sensors) {
        ps.add(SensorPlacement.of(s, t));
      }
      out.put(
          t, Coverage.compute(surface, ps, t, Coverage.DEFAULT_TARGET_HEIGHT_M.get(t), threads));
    }
    return out;
  }

  /**
   * Candidate positions: along each short avenue's early part (arrival − t ≥ the minimum), one
   * every {@code spacing_m}, moved to the nearest open cell a sensor may stand on; duplicates (the
   * same cell) once.
   */
  private static List<Point> positions(
      AssessmentRegion region, List<Walk> walks, WarningOptions opt) {
    GridSpec g = region.grid();
    Set<Integer> seen = new HashSet<>();
    List<Point> out = new ArrayList<>();
    for (Walk w : walks) {
      Coordinate last = null;
      for (AvenueSamples.Sample s : w.samples()) {
        if (w.arrival_h() - s.t_h() < w.required_h()) {
          continue;
        }
        Coordinate here = new Coordinate(s.x_lks94(), s.y_lks94());
        if (last != null && last.distance(here) < opt.spacing_m()) {
          continue;
        }
        last = here;
        Coordinate open = SensorCandidates.nearestOpen(region, s.x_lks94(), s.y_lks94());
        if (open == null) {
          continue;
        }
        int cell = g.cellAt(open.x, open.y);
        if (cell >= 0 && opt.canStand(cell) && seen.add(cell)) {
          out.add(GF.createPoint(open));
        }
      }
    }
    return out;
  }

  /**
   * Candidates of type {@code t} at {@code positions} and the short avenues each sees early enough,
   * appended to {@code cands} and {@code covers} (candidates seeing none are dropped).
   */
  private static void cover(
      Surface surface,
      SensorType t,
      List<Point> positions,
      List<Walk> walks,
      int year,
      int threads,
      List<SensorSite> cands,
      List<int[]> covers) {
    double reach = Math.max(t.range_m(TargetClass.VEHICLE), t.range_m(TargetClass.PERSON));
    Map<TargetClass, Boolean> need = new LinkedHashMap<>();
    walks.forEach(w -> need.put(w.target(), true));
    for (List<Integer> group : SensorCandidates.groups(positions, 2 * reach)) {
      Map<TargetClass, CoverageGrid> grids = new LinkedHashMap<>();
      List<SensorSite> sites = new ArrayList<>();
      for (int i : group) {
        Point p = positions.get(i);
        sites.add(
            SensorSite.builder()
                .withId(String.format(Locale.ROOT, "warn-%s-%d", t.id(), i + 1))
                .withName(t.name() + " (warning)")
                .withType(t)
                .withGeometry(Crs.of(surface.grid().epsg()).toWgs84(p), p)
                .withYear(year)
                .build());
      }
      for (TargetClass tc : need.keySet()) {
        List<SensorPlacement> ps = new ArrayList<>();
        for (SensorSite s : sites) {
          ps.add(SensorPlacement.of(s, tc));
        }
        grids.put(
            tc,
            Coverage.compute(surface, ps, tc, Coverage.DEFAULT_TARGET_HEIGHT_M.get(tc), threads));
      }
      for (int k = 0; k < group.size(); k++) {
        Point p = positions.get(group.get(k));
        List<Integer> sees = new ArrayList<>();
        for (int u = 0; u < walks.size(); u++) {
          Walk w = walks.get(u);
          double range = t.range_m(w.target());
          CoverageGrid grid = grids.get(w.target());
          for (AvenueSamples.Sample s : w.samples()) {
            if (w.arrival_h() - s.t_h() >= w.required_h()
                && grid.count()[s.cell()] > 0
                && Math.hypot(s.x_lks94() - p.getX(), s.y_lks94() - p.getY()) <= range) {
              sees.add(u);
              break;
            }
          }
        }
        if (!sees.isEmpty()) {
          cands.add(sites.get(k));
          covers.add(sees.stream().mapToInt(Integer::intValue).toArray());
        }
      }
    }
  }
}
