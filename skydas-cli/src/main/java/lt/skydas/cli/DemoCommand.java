package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.report.AssessmentWriter;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.BarrierPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the main job on the shipped region with the shipped example plan. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Build the shipped Lithuania region (once, cached), then assess the example plan",
      "examples/demo-plan.geojson for every vehicle class and season and write the report."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/demo",
      description = "Output directory (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--cell-size",
      paramLabel = "M",
      defaultValue = "100",
      description = "Region cell size in metres (default ${DEFAULT-VALUE}).")
  double cellSize;

  @Option(names = "--quiet", description = "Print only the summary.")
  boolean quiet;

  @Override
  public Integer call() {
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    Path home = RegionStore.home();
    Path planFile = home.resolve("examples").resolve("demo-plan.geojson");
    if (!Files.isRegularFile(planFile)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          "example plan not found: " + planFile + " (run from a Skydas checkout)");
    }
    RegionOptions ro = new RegionOptions();
    ro.cellSize = cellSize;
    AssessmentRegion ar = ro.load(progress).region();
    List<Objective> objs = ObjectivesReader.defaults();
    BarrierPlan plan = AssessCommand.readPlan(planFile, null, ar, null, null);
    Assessor assessor = new Assessor(ar, objs, progress);
    AssessmentResult r = assessor.assess(plan, AssessmentOptions.defaults(), progress);
    Path report = AssessmentWriter.write(out, r, ar);
    AssessCommand.printTimes(r, objs.get(0));
    System.out.println("Report: " + report.toAbsolutePath());
    return 0;
  }
}
