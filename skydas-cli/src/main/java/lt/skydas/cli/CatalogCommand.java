package lt.skydas.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorType;
import lt.skydas.plan.TargetClass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the obstacle catalog (types, delays per class, costs) or, with {@code --sensors}, the
 * sensor, EW and counter-drone catalog (ranges per target, siting, cost, upkeep, crew), and where
 * each figure comes from.
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description =
        "List obstacle types with their delays, costs and sources; with --sensors, the sensor, EW"
            + " and counter-drone types with their ranges, costs and sources.")
final class CatalogCommand implements Callable<Integer> {

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Obstacle catalog JSON (default: the built-in catalog).")
  Path catalogFile;

  @Option(names = "--sources", description = "Also print the source of every figure.")
  boolean sources;

  @Option(
      names = "--sensors",
      description = "List the sensor, EW and counter-drone catalog instead of obstacles.")
  boolean sensors;

  @Option(
      names = "--sensors-file",
      paramLabel = "FILE",
      description = "Sensor catalog JSON (default: the built-in sensors.json); implies --sensors.")
  Path sensorsFile;

  @Override
  public Integer call() {
    if (sensors || sensorsFile != null) {
      printSensors(
          sensorsFile == null ? SensorCatalog.defaults() : SensorCatalog.load(sensorsFile));
    } else {
      printObstacles();
    }
    return 0;
  }

  private void printObstacles() {
    ObstacleCatalog c =
        catalogFile == null ? ObstacleCatalog.defaults() : ObstacleCatalog.load(catalogFile);
    System.out.println("Obstacle catalog: " + c.origin());
    System.out.printf(
        Locale.ROOT,
        "%-20s %-6s %-5s %-6s %-11s %9s %9s %9s %14s %14s%n",
        "id",
        "geom",
        "unit",
        "mines",
        "employment",
        "tracked",
        "wheeled",
        "dismntd",
        "cost EUR/unit",
        "clear EUR/unit");
    for (ObstacleType t : c.listTypes()) {
      System.out.printf(
          Locale.ROOT,
          "%-20s %-6s %-5s %-6s %-11s %8.0fm %8.0fm %8.0fm %,14.0f %,14.0f%n",
          t.id(),
          t.geometry().name().toLowerCase(Locale.ROOT),
          t.unit(),
          t.mines().name().toLowerCase(Locale.ROOT),
          t.emplacement().employment().id(),
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
      if (t.emplacement().onWarning()) {
        System.out.printf(
            Locale.ROOT,
            "    on warning: stock %s per %s; hours per %s: %s%n",
            t.emplacement().stockPerUnit().isEmpty()
                ? "none (kept at the site)"
                : t.emplacement().stockPerUnit().toString(),
            t.unit(),
            t.unit(),
            t.emplacement().workH_perUnit());
      }
      if (sources) {
        t.sources().forEach((k, v) -> System.out.println("    " + k + ": " + v));
      }
    }
    System.out.println(
        "Delays are the larger of off-road crossing and road-cut delay, in minutes. Employment:"
            + " permanent (built in peacetime), reserved (prepared, executed on order),"
            + " crisis_laid (stocked, laid on warning).");
  }

  private void printSensors(SensorCatalog c) {
    System.out.println("Sensor catalog: " + c.origin());
    System.out.printf(
        Locale.ROOT,
        "%-22s %-13s %8s %8s %8s %6s %4s %12s %10s %5s  %s%n",
        "id",
        "category",
        "vehicle",
        "person",
        "sm.uas",
        "height",
        "arc",
        "cost EUR",
        "upkeep/yr",
        "crew",
        "source");
    for (SensorType t : c.listTypes()) {
      System.out.printf(
          Locale.ROOT,
          "%-22s %-13s %8s %8s %8s %5.1fm %4.0f %,12.0f %,10.0f %5.2f  %s%n",
          t.id(),
          t.category().id(),
          range(t.range_m(TargetClass.VEHICLE)),
          range(t.range_m(TargetClass.PERSON)),
          range(t.range_m(TargetClass.SMALL_UAS)),
          t.height_m(),
          t.arc_deg(),
          t.costEur_perUnit(),
          t.upkeepEur_perYear(),
          t.crew(),
          sourceSummary(t));
      t.findJamming()
          .ifPresent(
              j ->
                  System.out.printf(
                      Locale.ROOT,
                      "    jams within %.1f km; also denies %s%n",
                      j.radius_m() / 1000,
                      String.join(", ", j.denies())));
      if (sources) {
        t.sources().forEach((k, v) -> System.out.println("    " + k + ": " + v));
      }
    }
    System.out.println(
        "Ranges in the open (line of sight limits them), - where the type does not detect or"
            + " affect that target; cost, upkeep and crew per unit (each, or km for line sensors);"
            + " source: figures citing a reference / all figures, then the references cited.");
  }

  /** A range as metres below 1 km, else km with one decimal; "-" for 0. */
  private static String range(double range_m) {
    if (range_m == 0) {
      return "-";
    }
    return range_m < 1000
        ? String.format(Locale.ROOT, "%.0f m", range_m)
        : String.format(Locale.ROOT, "%.1f km", range_m / 1000);
  }

  /** "sourced/all refs", e.g. "1/7 squire_2018,skydas_references"; "0/7 estimate" if none. */
  private static String sourceSummary(SensorType t) {
    String refs =
        t.listCitedReferences().isEmpty() ? "estimate" : String.join(",", t.listCitedReferences());
    return t.listSourcedFigures().size() + "/" + t.sources().size() + " " + refs;
  }
}
