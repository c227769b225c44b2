package lt.skydas.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.CivilAccess;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.RegionInputs;
import lt.skydas.assess.civil.AtRisk;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.Exposure;
import lt.skydas.assess.civil.ShelterAccess;
import lt.skydas.assess.civil.ShelterCoverage;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.optimize.shelter.BuildingCandidates;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.region.Region;

/**
 * Macro benchmark of issue 17's civilian figures for a plan on the real region (goal: exposure,
 * evacuation and shelter coverage in ≤ 30 s on 2 cores, beside the assessment they come from): the
 * assessment (all classes and seasons) for its exposures, then timed apart the exposure count
 * again, the evacuation of every season (one road search each) and the shelter coverage of the
 * people in 48 h reach by 2,000 shelters (the largest buildings' basements) within a 15 min walk on
 * the network ({@link CivilAccess}, its set-up included).
 *
 * <pre>
 * java -Xmx12g -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.CiviliansMacro PACK_DIR \
 *     PLAN.geojson
 * </pre>
 */
public final class CiviliansMacro {
  private CiviliansMacro() {}

  public static void main(String[] args) {
    Region region = Region.load(Path.of(args[0]));
    AssessmentRegion ar = RegionInputs.from(region, 1000);
    Assessor assessor =
        new Assessor(ar, ObjectivesReader.of(region.definition()), Progress.NONE)
            .keepNoPlanTimesIn(Path.of(args[0]).resolve("cache"));
    BarrierPlan plan =
        BarrierPlanReader.forRegion(ObstacleCatalog.defaults(), ar.extent(), ar.grid().epsg())
            .read(Path.of(args[1]));
    long t0 = System.nanoTime();
    AssessmentResult r = assessor.assess(plan, AssessmentOptions.defaults(), Progress.NONE);
    double assess = (System.nanoTime() - t0) / 1e9;
    List<Exposure> exposures = r.cases().stream().map(AssessmentResult.Case::exposure).toList();
    long t1 = System.nanoTime();
    Demand inReach = AtRisk.demand(ar.residents(), exposures);
    double exposure = (System.nanoTime() - t1) / 1e9;
    long t2 = System.nanoTime();
    for (Season s : Season.values()) {
      assessor.evacuate(plan, r.cases(), SpeedTable.defaults(), s);
    }
    double evac = (System.nanoTime() - t2) / 1e9;
    List<ShelterSite> sites = new ArrayList<>(BuildingCandidates.of(region.buildings(), 400, 2000));
    long t3 = System.nanoTime();
    ShelterAccess walk =
        ShelterAccess.walk(15).on(CivilAccess.walk(assessor, SpeedTable.defaults()));
    ShelterCoverage c = ShelterCoverage.of(ar.residents(), inReach, sites, walk);
    double cover = (System.nanoTime() - t3) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "assessment (%d cases) %.1f s%n"
            + "exposure: %,d people in 48 h reach as %,d points, %.2f s%n"
            + "evacuation, %d seasons: %.1f s%n"
            + "shelter coverage by %d shelters: %,d covered, %.2f s%n"
            + "civilian figures beside the assessment: %.1f s%n",
        r.cases().size(),
        assess,
        inReach.total(),
        inReach.size(),
        exposure,
        Season.values().length,
        evac,
        sites.size(),
        c.covered(),
        cover,
        exposure + evac + cover);
  }
}
