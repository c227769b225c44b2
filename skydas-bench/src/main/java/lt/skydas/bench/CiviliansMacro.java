package lt.skydas.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.CivilAccess;
import lt.skydas.assess.CivilianAssessment;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.RegionInputs;
import lt.skydas.assess.civil.AtRisk;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.ShelterAccess;
import lt.skydas.assess.civil.ShelterCoverage;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.optimize.shelter.BuildingCandidates;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.region.Region;

/**
 * Macro benchmark of issue 17's civilian figures for a plan on the real region, goal: exposure,
 * evacuation and shelter coverage in ≤ 30 s on 2 cores. Timed from the loaded pack, as {@code
 * skydas civilians} runs: the network's set-up (the {@link Assessor}), the civilians alone ({@link
 * CivilianAssessment}: two forward searches per class and season for the exposure, the one without
 * the plan kept beside the pack after the region's first run, the plan's watch, the evacuation of
 * every season, the people near mines; both runs timed) and the shelter coverage of the people in
 * 48 h reach by 2,000 shelters (the largest buildings' basements) within a 15 min walk on the
 * network ({@link CivilAccess}, its costs included). Then, for comparison, the full assessment,
 * whose exposures the civilians' must equal (checked: the run fails otherwise).
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
    BarrierPlan plan =
        BarrierPlanReader.forRegion(ObstacleCatalog.defaults(), ar.extent(), ar.grid().epsg())
            .read(Path.of(args[1]));
    List<ShelterSite> sites = BuildingCandidates.of(region.buildings(), 400, 2000);
    Path kept;
    try {
      kept = java.nio.file.Files.createTempDirectory("skydas-civilians-kept");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long t0 = System.nanoTime();
    Assessor assessor =
        new Assessor(ar, ObjectivesReader.of(region.definition()), Progress.NONE)
            .keepNoPlanTimesIn(kept);
    double setUp = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    AssessmentResult first =
        CivilianAssessment.run(assessor, plan, AssessmentOptions.defaults(), Progress.NONE);
    double firstRun = (System.nanoTime() - t1) / 1e9;
    // the next plan on the same region: the no-plan arrivals come from where they were kept
    t1 = System.nanoTime();
    AssessmentResult civ =
        CivilianAssessment.run(assessor, plan, AssessmentOptions.defaults(), Progress.NONE);
    double civilians = (System.nanoTime() - t1) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "civilians alone, first run on the region (no-plan arrivals searched and kept): %.1f s%n",
        firstRun);
    for (int k = 0; k < civ.evacuations().size(); k++) {
      var a = first.evacuations().get(k);
      var b = civ.evacuations().get(k);
      if (!a.rows().equals(b.rows()) || !Arrays.equals(a.peopleAtRisk(), b.peopleAtRisk())) {
        throw new IllegalStateException("the kept run's evacuation differs");
      }
    }
    long t2 = System.nanoTime();
    Demand inReach =
        AtRisk.demand(
            ar.residents(), civ.cases().stream().map(AssessmentResult.Case::exposure).toList());
    ShelterAccess walk =
        ShelterAccess.walk(15).on(CivilAccess.walk(assessor, SpeedTable.defaults()));
    ShelterCoverage c = ShelterCoverage.of(ar.residents(), inReach, sites, walk);
    double cover = (System.nanoTime() - t2) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "set-up (network) %.1f s%n"
            + "civilians alone, the region's no-plan arrivals kept (%d cases: exposure, watch,"
            + " evacuation of %d seasons, near mines): %.1f s%n"
            + "shelter coverage by %d shelters, 15 min walk on the network: %,d of %,d covered,"
            + " %.1f s%n"
            + "exposure, evacuation and shelter coverage: %.1f s (with the set-up %.1f s)%n",
        setUp,
        civ.cases().size(),
        civ.evacuations().size(),
        civilians,
        sites.size(),
        c.covered(),
        inReach.total(),
        cover,
        civilians + cover,
        setUp + civilians + cover);
    long t3 = System.nanoTime();
    AssessmentResult full = assessor.assess(plan, AssessmentOptions.defaults(), Progress.NONE);
    double assess = (System.nanoTime() - t3) / 1e9;
    for (int i = 0; i < full.cases().size(); i++) {
      var f = full.cases().get(i).exposure();
      var e = civ.cases().get(i).exposure();
      if (!Arrays.equals(f.planPeople(), e.planPeople())
          || !Arrays.equals(f.baselinePeople(), e.baselinePeople())) {
        throw new IllegalStateException(
            "case " + full.cases().get(i).id() + ": the civilians' exposure differs");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "the full assessment, for comparison: %.1f s (its exposures equal the civilians')%n",
        assess);
  }
}
