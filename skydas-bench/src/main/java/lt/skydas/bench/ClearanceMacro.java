package lt.skydas.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import lt.skydas.optimize.clearance.ClearanceAsset;
import lt.skydas.optimize.clearance.ClearanceAssets;
import lt.skydas.optimize.clearance.ClearancePlanner;
import lt.skydas.optimize.clearance.ClearanceSizing;
import lt.skydas.optimize.clearance.HazardArea;

/**
 * Macro benchmark of issue 20's clearance plan: a 500-minefield registry (seed 42; 2-30 ha each,
 * AT, AP or both, a quarter in forest, a twentieth in wetland, priorities 1-3, spread over 250 ×
 * 200 km of Lithuania's border area) cleared by the default 9 teams (4 manual, 2 flails, 1 tiller,
 * 2 dog teams), then the sizing curve for 1-10 years; goal: the plan with its bound in ≤ 60 s on 2
 * cores. Arguments: areas, seconds for the schedule, seconds for the sizing.
 *
 * <pre>
 * java -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.ClearanceMacro [500] [30] [20]
 * </pre>
 */
public final class ClearanceMacro {
  private ClearanceMacro() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    double scheduleS = args.length > 1 ? Double.parseDouble(args[1]) : 30;
    double sizingS = args.length > 2 ? Double.parseDouble(args[2]) : 20;
    Random r = new Random(42);
    List<HazardArea> areas = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = r.nextInt(3);
      Set<String> cats = c == 0 ? Set.of("AT") : c == 1 ? Set.of("AP") : Set.of("AP", "AT");
      int v = r.nextInt(20);
      String veg = v < 5 ? "forest" : v == 5 ? "wetland" : "open";
      areas.add(
          new HazardArea(
              "mf-" + i,
              20_000 + r.nextInt(280_000),
              cats,
              veg,
              1 + r.nextInt(3),
              450_000 + r.nextDouble() * 250_000,
              5_950_000 + r.nextDouble() * 200_000));
    }
    ClearanceAssets cat = ClearanceAssets.defaults();
    List<ClearancePlanner.Team> teams = new ArrayList<>();
    int[] counts = {4, 2, 1, 2};
    String[] kinds = {"manual_team", "mechanical_flail", "mechanical_tiller", "mdd_team"};
    for (int k = 0; k < kinds.length; k++) {
      ClearanceAsset a = cat.get(kinds[k]);
      for (int i = 1; i <= counts[k]; i++) {
        teams.add(new ClearancePlanner.Team(a, i, 575_000, 6_050_000));
      }
    }
    long t0 = System.nanoTime();
    ClearancePlanner.Plan p = ClearancePlanner.plan(areas, teams, scheduleS, 2);
    double plan_s = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    List<ClearanceSizing.Sizing> curve = ClearanceSizing.curve(areas, cat, 10, sizingS);
    double size_s = (System.nanoTime() - t1) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%d areas, %.0f ha, %d teams: schedule in %.1f s (%s), objective %.0f, bound %.0f, gap"
            + " %.1f %%, %.0f working days, EUR %.1f m, %d not scheduled%n",
        n,
        areas.stream().mapToDouble(HazardArea::area_m2).sum() / 1e4,
        teams.size(),
        plan_s,
        p.method(),
        p.objective(),
        p.bound(),
        100 * p.gap(),
        p.makespan_d(),
        p.cost_eur() / 1e6,
        p.unsuitable().size());
    System.out.printf(Locale.ROOT, "sizing 1-10 years in %.1f s:%n", size_s);
    for (ClearanceSizing.Sizing s : curve) {
      System.out.printf(
          Locale.ROOT,
          "  %2d years: %s teams %s, EUR %.1f m (bound %.1f m, %s)%n",
          s.years(),
          s.teamCount(),
          s.teams(),
          s.cost_eur() / 1e6,
          s.bound() / 1e6,
          s.optimal() ? "optimal" : "time limit");
    }
    System.out.printf(Locale.ROOT, "total %.1f s%n", plan_s + size_s);
  }
}
