package lt.skydas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.optimize.OptimizationWriter;
import lt.skydas.optimize.OptimizeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the main job on the shipped region: optimise under the default budget, then assess. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Build the shipped Lithuania region (once, cached), optimise a barrier plan under the",
      "default programme (EUR 1.1 bn over 10 years, at most EUR 800 m on mines, no AP mines,",
      "1 km civilian buffer), then assess it on the full model for every vehicle class and",
      "season and write the report. The main-road bridges near the hostile borders",
      "(examples/protect-bridges.geojson) are protected against small UAS. `skydas assess",
      "--plan examples/demo-plan.geojson` assesses the hand-made example plan instead."
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

  @Option(
      names = "--time-limit-s",
      paramLabel = "S",
      defaultValue = "60",
      description = "Solver time limit (default ${DEFAULT-VALUE}; `optimize` defaults to 600).")
  double timeLimit;

  @Option(names = "--quiet", description = "Print only the summary.")
  boolean quiet;

  @Option(
      names = "--no-sensors",
      description = "Plan obstacles only (default: sensors chosen together with the obstacles).")
  boolean noSensors;

  @Option(
      names = "--no-protect",
      description =
          "Protect no named site (default: the main-road bridges near the hostile borders in"
              + " examples/protect-bridges.geojson against small UAS).")
  boolean noProtect;

  /** The demo's named sites: the shipped bridge list, or none. */
  private ProtectArgs demoSites() {
    return noProtect
        ? ProtectArgs.none()
        : ProtectArgs.of(RegionStore.home().resolve("examples").resolve("protect-bridges.geojson"));
  }

  @Override
  public Integer call() {
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    RegionOptions ro = new RegionOptions();
    ro.cellSize = cellSize;
    ProgrammeOptions po = new ProgrammeOptions();
    po.noSensors = noSensors;
    OptimizeOptions opt = po.options().withTimeLimit_s(timeLimit);
    OptimizeCommand.Run run =
        OptimizeCommand.run(ro, null, opt, null, null, null, demoSites(), progress);
    Path report = OptimizationWriter.write(out, run.result(), run.region(), run.limits());
    OptimizeCommand.print(run.result());
    OptimizeCommand.printLimits(run.limits());
    AssessCommand.printTimes(
        run.result().verification(), ObjectivesReader.of(run.region().definition()).get(0));
    System.out.println("Report: " + report.toAbsolutePath());
    return OptimizeCommand.routeLimitsHeld(run.result().verification(), out);
  }
}
