package lt.skydas.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Inspections;
import lt.skydas.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code skydas registry inspections}: the minefields due or overdue for an inspection. */
@Command(
    name = "inspections",
    mixinStandardHelpOptions = true,
    description = {
      "The minefields with mines in the ground and their next inspection (Amended Protocol II,",
      "Articles 5 and 10: marked, fenced and monitored until cleared), the overdue ones first."
    })
final class RegistryInspectionsCommand implements Callable<Integer> {
  @Mixin RegistryOptions.Db db;

  @Option(
      names = "--every-days",
      defaultValue = "30",
      paramLabel = "D",
      description = "Inspect each minefield every D days (default ${DEFAULT-VALUE}).")
  int everyDays;

  @Option(
      names = "--inspection-cost-eur",
      defaultValue = "600",
      paramLabel = "EUR",
      description =
          "One inspection visit, for the yearly upkeep (default ${DEFAULT-VALUE}, an estimate).")
  double inspectionEur;

  @Option(
      names = "--repair-eur-per-km-year",
      defaultValue = "1500",
      paramLabel = "EUR",
      description =
          "Marking and fencing repair per km of perimeter a year (default ${DEFAULT-VALUE}, an estimate).")
  double repairEur;

  @Option(
      names = "--fail-if-overdue",
      description = "Exit 1 when any inspection is overdue (for a monitoring job).")
  boolean fail;

  @Override
  public Integer call() {
    if (everyDays < 1 || everyDays > 3650) {
      throw new SkydasProblem(ProblemCode.USAGE, "--every-days must be 1 to 3650, is " + everyDays);
    }
    try (Registry r = db.open(false)) {
      if (!(inspectionEur >= 0) || !(repairEur >= 0)) {
        throw new SkydasProblem(ProblemCode.USAGE, "upkeep figures must be 0 or more (EUR)");
      }
      List<Inspections.Due> due =
          Inspections.of(
              r,
              Duration.ofDays(everyDays),
              Instant.now(),
              new Inspections.Upkeep(inspectionEur, repairEur));
      long overdue = due.stream().filter(Inspections.Due::overdue).count();
      for (Inspections.Due d : due) {
        System.out.printf(
            Locale.ROOT,
            "%s %s (%s): last inspection %s; due %s%s; perimeter %.1f km, upkeep EUR %,.0f a year%n",
            d.overdue() ? "OVERDUE" : "ok     ",
            d.record().id(),
            d.record().status().id(),
            d.last() == null ? "none recorded" : d.last().toString().substring(0, 10),
            d.due().toString().substring(0, 10),
            d.overdue() ? ", " + d.overdue_d() + " days ago" : "",
            d.perimeter_m() / 1000,
            d.upkeep_eurPerYear());
      }
      System.out.printf(
          Locale.ROOT,
          "%d minefields in the ground, %d overdue for an inspection every %d days; upkeep EUR %,.0f a"
              + " year until they are cleared%n",
          due.size(),
          overdue,
          everyDays,
          due.stream().mapToDouble(Inspections.Due::upkeep_eurPerYear).sum());
      return fail && overdue > 0 ? 1 : 0;
    }
  }
}
