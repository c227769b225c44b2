package lt.skydas.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.CivilAccess;
import lt.skydas.assess.RegionInputs;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.Resident;
import lt.skydas.assess.civil.ShelterAccess;
import lt.skydas.assess.civil.ShelterCoverage;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.optimize.shelter.BuildingCandidates;
import lt.skydas.optimize.shelter.ShelterSiting;
import lt.skydas.region.Region;

/**
 * Macro benchmark of issue 17's shelters on the real region: the whole home population spread
 * ({@link Demand}), coverage by 2,000 sites (exact max flow), and siting over 2,000 candidate sites
 * (the largest buildings of the border zone) under a budget, goal a proven gap ≤ 1 % in ≤ 60 s on 2
 * cores. The walk is timed on the pack's road, path and terrain network ({@link CivilAccess}; the
 * 100 m pack), or with {@code straight} as the straight-line estimate.
 *
 * <pre>
 * java -Xmx8g -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.ShelterMacro PACK_DIR \
 *     [budget_eur] [time_limit_s] [network|straight]
 * </pre>
 */
public final class ShelterMacro {
  private ShelterMacro() {}

  public static void main(String[] args) {
    Path pack = Path.of(args[0]);
    double budget = args.length > 1 ? Double.parseDouble(args[1]) : 20e6;
    double limit = args.length > 2 ? Double.parseDouble(args[2]) : 60;
    Region region = Region.load(pack);
    AssessmentRegion ar = RegionInputs.from(region, 1000);
    List<Resident> rs = ar.residents();
    long t0 = System.nanoTime();
    Demand d = Demand.of(rs);
    double spread = (System.nanoTime() - t0) / 1e9;
    List<ShelterSite> cands = BuildingCandidates.of(region.buildings(), 400, 2000);
    ShelterAccess walk = ShelterAccess.walk(15);
    t0 = System.nanoTime();
    if (args.length <= 3 || args[3].equals("network")) {
      walk = walk.on(CivilAccess.walk(ar, SpeedTable.defaults()));
    }
    double network = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "access: %s (network %.1f s)%n", walk.describe(), network);
    t0 = System.nanoTime();
    ShelterCoverage all = ShelterCoverage.of(rs, d, cands, walk);
    double cover = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "demand: %,d settlements → %,d points, %,d people (%.2f s)%n"
            + "coverage by all %d candidates: %,d covered, %,d reachable (%.2f s)%n",
        rs.size(),
        d.size(),
        d.total(),
        spread,
        cands.size(),
        all.covered(),
        all.reachable(),
        cover);
    ShelterSiting.Result r =
        ShelterSiting.solve(
            rs, d, List.of(), cands, walk, new ShelterSiting.Options(budget, 0.01, limit));
    System.out.printf(
        Locale.ROOT,
        "siting: EUR %,.0f budget, %d in model, %,d pairs: %d chosen for EUR %,.0f, %,d covered,"
            + " bound %,.0f, gap %.2f %%, %.1f s (start %,.0f)%n",
        budget,
        r.candidates(),
        r.pairs(),
        r.chosen().size(),
        r.cost_eur(),
        r.after().covered(),
        r.bound(),
        100 * r.gap(),
        r.seconds(),
        r.startCovered());
  }
}
