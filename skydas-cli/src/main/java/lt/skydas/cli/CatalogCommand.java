package lt.skydas.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the obstacle catalog: types, delays per class, costs, and where each figure comes from.
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "List obstacle types with their delays, costs and sources.")
final class CatalogCommand implements Callable<Integer> {
  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Obstacle catalog JSON (default: the built-in catalog).")
  Path catalogFile;

  @Option(names = "--sources", description = "Also print the source of every figure.")
  boolean sources;

  @Override
  public Integer call() {
    ObstacleCatalog c =
        catalogFile == null ? ObstacleCatalog.defaults() : ObstacleCatalog.load(catalogFile);
    System.out.println("Obstacle catalog: " + c.origin());
    System.out.printf(
        Locale.ROOT,
        "%-20s %-6s %-5s %-6s %9s %9s %9s %14s %14s%n",
        "id",
        "geom",
        "unit",
        "mines",
        "tracked",
        "wheeled",
        "dismntd",
        "cost EUR/unit",
        "clear EUR/unit");
    for (ObstacleType t : c.listTypes()) {
      System.out.printf(
          Locale.ROOT,
          "%-20s %-6s %-5s %-6s %8.0fm %8.0fm %8.0fm %,14.0f %,14.0f%n",
          t.id(),
          t.geometry().name().toLowerCase(Locale.ROOT),
          t.unit(),
          t.mines().name().toLowerCase(Locale.ROOT),
          Math.max(t.crossingDelay_s(VehicleClass.TRACKED), t.roadDelay_s(VehicleClass.TRACKED))
              / 60,
          Math.max(t.crossingDelay_s(VehicleClass.WHEELED), t.roadDelay_s(VehicleClass.WHEELED))
              / 60,
          Math.max(
                  t.crossingDelay_s(VehicleClass.DISMOUNTED),
                  t.roadDelay_s(VehicleClass.DISMOUNTED))
              / 60,
          t.costEur_perUnit(),
          t.clearanceCostEur_perUnit());
      if (sources) {
        t.sources().forEach((k, v) -> System.out.println("    " + k + ": " + v));
      }
    }
    System.out.println(
        "Delays are the larger of off-road crossing and road-cut delay, in minutes.");
    return 0;
  }
}
