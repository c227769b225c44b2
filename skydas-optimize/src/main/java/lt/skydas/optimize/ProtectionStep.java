package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.observe.ClutterTable;
import lt.skydas.observe.Coverage;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.observe.JammingConflicts;
import lt.skydas.observe.SensorPlacement;
import lt.skydas.observe.SiteProtection;
import lt.skydas.observe.Surface;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorCategory;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.SensorType;
import lt.skydas.plan.TargetClass;
import org.locationtech.jts.geom.Point;

/**
 * Pipeline step "protection" (before the barrier model): EW and counter-drone sites bought so that
 * named sites are protected against small UAS (ADR 0011). Candidates: every offered type at every
 * named site; a candidate covers a site when a drone {@link Coverage#DEFAULT_TARGET_HEIGHT_M 50 m}
 * over it is within the type's small-UAS range and in line of sight over ground and clutter — the
 * model {@link SiteProtection} verifies with. A jammer and a candidate it would deny ({@link
 * JammingConflicts#denied}) within its radius are never bought together. The covering problem is
 * solved exactly ({@link ProtectionSolver}); its cost (purchase in year 1, upkeep every year) is
 * taken off the programme before the barrier model spends the rest: since the protection term is a
 * requirement and its sites add no delay, buying it at least cost and optimising the barrier on
 * what is left is the joint optimum for the total budget.
 */
final class ProtectionStep {
  /** Each stage of the covering problem stops after this many seconds at most. */
  static final double MAX_SOLVE_S = 60;

  private ProtectionStep() {}

  /**
   * What the step bought and what it takes from each programme year.
   *
   * @param byYear_eur per programme year: purchase (year 1) and upkeep of the chosen sites
   */
  record Outcome(Protection protection, double[] byYear_eur) {}

  /** One candidate: a type at a named site, with what it costs over the programme. */
  private record Cand(SensorSite site, SensorType type, boolean detects, long cost_eur) {}

  /**
   * Buys the protection {@code opt} asks for within the EW ceiling and the programme's money.
   *
   * @throws SkydasProblem USAGE for a type that is unknown, directional, blind to small UAS or of
   *     the wrong role
   */
  static Outcome run(
      AssessmentRegion region,
      ProtectOptions opt,
      Programme programme,
      SensorCatalog catalog,
      int threads,
      Progress progress) {
    double[] byYear = new double[programme.years()];
    if (!opt.enabled()) {
      return new Outcome(Protection.none(), byYear);
    }
    progress.begin("counter-drone protection of " + opt.sites().size() + " named site(s)", 1);
    Surface surface = surface(region);
    List<Cand> cands = new ArrayList<>();
    for (String id : opt.detectorTypes()) {
      cands.addAll(candidates(opt, type(catalog, id, true), true, programme.years(), region.crs()));
    }
    for (String id : opt.effectorTypes()) {
      cands.addAll(
          candidates(opt, type(catalog, id, false), false, programme.years(), region.crs()));
    }
    int[][] covers = covers(surface, cands, opt.sites(), threads);
    List<int[]> conflicts = conflicts(cands);
    int n = cands.size();
    long[] cost = new long[n];
    boolean[] detects = new boolean[n];
    boolean[] defeats = new boolean[n];
    for (int c = 0; c < n; c++) {
      cost[c] = cands.get(c).cost_eur();
      detects[c] = cands.get(c).detects();
      defeats[c] = !detects[c];
    }
    double ceiling = Math.min(programme.ceilings().ew_eur(), programme.spendable_eur());
    ProtectionSolver.Problem problem =
        new ProtectionSolver.Problem(
            opt.sites().size(),
            cost,
            detects,
            defeats,
            covers,
            conflicts.toArray(new int[0][]),
            opt.required(),
            (long) Math.floor(ceiling));
    ProtectionSolver.Solution sol = ProtectionSolver.solve(problem, MAX_SOLVE_S, threads);
    List<SensorSite> chosen = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if (sol.chosen()[c]) {
        Cand k = cands.get(c);
        chosen.add(k.site());
        byYear[0] += k.type().costEur_perUnit();
        for (int y = 0; y < byYear.length; y++) {
          byYear[y] += k.type().upkeepEur_perYear();
        }
      }
    }
    progress.end();
    List<String> notes = notes(opt, problem, sol, programme);
    Protection p =
        new Protection(
            opt.source(),
            opt.sites(),
            opt.required(),
            n,
            chosen,
            sol.protectedCount(),
            sol.bound(),
            sol.cost_eur(),
            sol.optimal(),
            conflicts.size(),
            List.of(),
            notes);
    return new Outcome(p, byYear);
  }

  /** The line-of-sight surface of the full model (ground from the pack's DEM when it has one). */
  static Surface surface(AssessmentRegion region) {
    return Surface.of(
        region.grid(), region.landCover(), ClutterTable.defaults(), region.ground_m());
  }

  /** {@code sites}' protection by every sensor site of the final plan (the verification). */
  static List<SiteProtection> verify(
      AssessmentRegion region,
      List<SensorSite> planSensors,
      List<SiteProtection.NamedPoint> sites,
      int threads) {
    return SiteProtection.of(surface(region), planSensors, sites, threads);
  }

  /** The catalog type {@code id}, checked for its role. */
  private static SensorType type(SensorCatalog catalog, String id, boolean detector) {
    SensorType t = OfferedTypes.require(catalog, id, "counter-drone type", false);
    SensorCategory c = t.category();
    boolean defeats = c == SensorCategory.CUAS_EFFECTOR || c == SensorCategory.EW;
    if (detector == defeats) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          String.format(
              Locale.ROOT,
              "%s (%s) cannot serve as a drone %s: detectors are sensors or counter-drone sensors,"
                  + " effectors are counter-drone effectors or jammers",
              id,
              c.id(),
              detector ? "detector" : "effector"));
    }
    OfferedTypes.require(catalog, id, "counter-drone type", true);
    if (!(t.range_m(TargetClass.SMALL_UAS) > 0)) {
      throw new SkydasProblem(ProblemCode.USAGE, id + " has no range against small UAS");
    }
    return t;
  }

  private static List<Cand> candidates(
      ProtectOptions opt, SensorType t, boolean detects, int years, Crs crs) {
    long cost = Math.round(t.costEur_perUnit() + t.upkeepEur_perYear() * years);
    List<Cand> out = new ArrayList<>();
    for (int i = 0; i < opt.sites().size(); i++) {
      SiteProtection.NamedPoint np = opt.sites().get(i);
      Point p = np.point_lks94();
      SensorSite s =
          SensorSite.builder()
              .withId(String.format(Locale.ROOT, "%s-p%d", t.id(), i + 1))
              .withName(t.name() + " at " + np.name())
              .withType(t)
              .withGeometry(crs.toWgs84(p), p)
              .withYear(1)
              .build();
      out.add(new Cand(s, t, detects, cost));
    }
    return out;
  }

  /**
   * Per candidate, the named sites it covers: candidates of one type whose reaches cannot overlap
   * share one coverage pass.
   */
  private static int[][] covers(
      Surface surface, List<Cand> cands, List<SiteProtection.NamedPoint> sites, int threads) {
    int[][] out = new int[cands.size()][];
    double h = Coverage.DEFAULT_TARGET_HEIGHT_M.get(TargetClass.SMALL_UAS);
    int m = sites.size();
    for (int first = 0; first < cands.size(); first += m) {
      SensorType t = cands.get(first).type();
      double range = t.range_m(TargetClass.SMALL_UAS);
      List<Point> positions = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        positions.add(sites.get(i).point_lks94());
      }
      for (List<Integer> group : SensorCandidates.groups(positions, 2 * range)) {
        List<SensorPlacement> placements = new ArrayList<>();
        for (int i : group) {
          placements.add(SensorPlacement.of(cands.get(first + i).site(), TargetClass.SMALL_UAS));
        }
        CoverageGrid grid =
            Coverage.compute(surface, placements, TargetClass.SMALL_UAS, h, threads);
        for (int i : group) {
          List<Integer> cov = new ArrayList<>();
          for (int s = 0; s < m; s++) {
            Point q = sites.get(s).point_lks94();
            if (q.distance(positions.get(i)) <= range && grid.countAt(q.getX(), q.getY()) > 0) {
              cov.add(s);
            }
          }
          out[first + i] = cov.stream().mapToInt(Integer::intValue).toArray();
        }
      }
    }
    return out;
  }

  /** Pairs (jammer, candidate it would deny within its radius). */
  private static List<int[]> conflicts(List<Cand> cands) {
    List<int[]> out = new ArrayList<>();
    for (int a = 0; a < cands.size(); a++) {
      SensorType.Jamming jam = cands.get(a).type().findJamming().orElse(null);
      if (jam == null) {
        continue;
      }
      Point pa = (Point) cands.get(a).site().geometry_lks94();
      for (int b = 0; b < cands.size(); b++) {
        if (b != a
            && JammingConflicts.denied(jam, cands.get(b).type())
            && pa.distance(cands.get(b).site().geometry_lks94()) <= jam.radius_m()) {
          out.add(new int[] {a, b});
        }
      }
    }
    return out;
  }

  private static List<String> notes(
      ProtectOptions opt,
      ProtectionSolver.Problem problem,
      ProtectionSolver.Solution sol,
      Programme programme) {
    List<String> notes = new ArrayList<>();
    boolean[] det = new boolean[problem.siteCount()];
    boolean[] def = new boolean[problem.siteCount()];
    for (int c = 0; c < problem.candidates(); c++) {
      for (int s : problem.covers()[c]) {
        det[s] |= problem.detects()[c];
        def[s] |= problem.defeats()[c];
      }
    }
    List<String> unreachable = new ArrayList<>();
    for (int s = 0; s < problem.siteCount(); s++) {
      if (!det[s] || !def[s]) {
        unreachable.add(opt.sites().get(s).name());
      }
    }
    if (!unreachable.isEmpty()) {
      notes.add(
          unreachable.size()
              + " named site(s) no offered type can protect (no line of sight to a drone over"
              + " them from any candidate): "
              + String.join(", ", unreachable.subList(0, Math.min(10, unreachable.size())))
              + (unreachable.size() > 10 ? ", …" : ""));
    }
    if (sol.protectedCount() < problem.required() && sol.bound() < problem.required()) {
      boolean ew = programme.ceilings().ew_eur() < programme.spendable_eur();
      notes.add(
          String.format(
              Locale.ROOT,
              "%d of the %d sites asked for can be protected%s",
              sol.bound(),
              problem.required(),
              unreachable.isEmpty()
                  ? ew
                      ? String.format(
                          Locale.ROOT,
                          " within the EW and counter-drone ceiling of EUR %,.0f",
                          programme.ceilings().ew_eur())
                      : " within the budget"
                  : ""));
    }
    return notes;
  }
}
