package lt.skydas.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.CivilianAssessment;
import lt.skydas.assess.report.CivilianSection;
import lt.skydas.assess.report.CivilianWriter;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.ObstacleCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code skydas civilians}: the civil-protection view of a plan without the rest of the assessment
 * (issue 17; docs/civilians.md): the people the attacker reaches within 6 to 48 h without and with
 * the plan, the people near its mines, the evacuation to the rear against warning time, the
 * settlements it cuts off, shelter places and the humanitarian check, with the figures an
 * assessment gives, in a fraction of its time.
 */
@Command(
    name = "civilians",
    mixinStandardHelpOptions = true,
    description = {
      "The civilians of a barrier plan without the rest of the assessment: the people",
      "in the attacker's reach within 6, 12, 24 and 48 h without and with the plan,",
      "people near its mines, the evacuation to the rear against warning time, the",
      "settlements it cuts off, shelter places and the humanitarian check (the same",
      "figures as assess). Writes civilians.json, civilians.geojson, violations.geojson."
    })
final class CiviliansCommand implements Callable<Integer> {
  @Option(
      names = "--plan",
      required = true,
      paramLabel = "PLAN.geojson",
      description = "Barrier plan (GeoJSON).")
  Path plan;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (replaced when complete).")
  Path out;

  @Mixin RegionOptions region = new RegionOptions();

  @Mixin CaseSelection cases = new CaseSelection();

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Obstacle catalog JSON (default: built-in).")
  Path catalog;

  @Option(
      names = "--sensors-file",
      paramLabel = "FILE",
      description = "Sensor catalog JSON for the plan's sensor sites (default: built-in).")
  Path sensorsFile;

  @Mixin PolicyOptions policy = new PolicyOptions();

  @Mixin CivilianOptions civilians = new CivilianOptions();

  @Option(names = "--quiet", description = "Print only errors and the output path.")
  boolean quiet;

  @Override
  public Integer call() {
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    RegionStore.Loaded loaded = region.load(progress);
    AssessmentRegion ar = loaded.region();
    BarrierPlan asked = AssessCommand.readPlan(plan, catalog, sensorsFile, ar, null);
    BarrierPlan p =
        asked.withPolicy(
            policy.resolve(
                catalog == null ? ObstacleCatalog.defaults() : ObstacleCatalog.load(catalog)));
    AssessCommand.printPolicy(asked, p.policy(), quiet);
    AssessmentOptions opt = cases.options();
    // the no-plan arrivals depend on the region only: kept beside the pack for the next run
    Assessor assessor =
        new Assessor(ar, AssessCommand.objectives(null, ar), progress)
            .keepNoPlanTimesIn(loaded.pack().directory().resolve("cache"));
    civilians.applyRear(assessor, loaded);
    AssessmentResult r =
        civilians.withShelters(
            CivilianAssessment.run(assessor, p, opt, progress),
            loaded,
            assessor,
            policy.registryLocation());
    Path written = CivilianWriter.write(out, r, ar);
    CivilianSection.lines(r).forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "Plan: %d obstacles; %d humanitarian violation(s); civilians in %.1f s%n",
        p.obstacles().size(),
        r.violations().size(),
        r.seconds());
    System.out.println("Civilians: " + written.toAbsolutePath());
    return 0;
  }
}
