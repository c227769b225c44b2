package lt.skydas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.assess.CivilAccess;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.Resident;
import lt.skydas.assess.civil.ShelterAccess;
import lt.skydas.assess.civil.ShelterCoverage;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.optimize.shelter.ShelterSiting;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code skydas shelters}: how many of the home countries' people have a shelter place within a
 * walk or a drive, and, with a budget, where to build or adapt shelters so that the most people
 * have one (issue 17; docs/civilians.md). Writes {@code shelters.geojson} and {@code summary.json}
 * to {@code --out}.
 */
@Command(
    name = "shelters",
    mixinStandardHelpOptions = true,
    description = {
      "Shelter coverage of the population within a walk or a drive, and (with --budget-eur) the",
      "siting of new shelters that covers the most people: a capacitated maximal covering problem",
      "solved by SCIP with a proven gap. Writes shelters.geojson and summary.json to --out."
    })
final class ShelterCommand implements Callable<Integer> {
  @Mixin RegionOptions region = new RegionOptions();

  @Option(
      names = "--shelters",
      paramLabel = "FILE",
      description =
          "Standing shelters: GeoJSON (type=shelter, or OSM amenity=shelter / bunker tags with"
              + " capacity), CSV (wkt), GeoPackage or KML with capacity_persons.")
  Path sheltersFile;

  @Option(
      names = "--registry",
      paramLabel = "DB",
      description = "Count the registry's ready shelters (a .gpkg file or a JDBC URL).")
  String registry;

  @Option(
      names = "--include-planned",
      description = "With --registry: count planned, approved and building shelters too.")
  boolean includePlanned;

  @Option(
      names = "--budget-eur",
      paramLabel = "EUR",
      description = "Site new shelters for this money (without it: coverage only).")
  Double budget;

  @Option(
      names = "--candidates",
      paramLabel = "FILE",
      description =
          "Candidate sites (GeoJSON points with capacity_persons and cost_eur). Default: the"
              + " basements of the region's largest buildings.")
  Path candidatesFile;

  @Option(
      names = "--max-candidates",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Buildings taken as candidates, largest first (default ${DEFAULT-VALUE}).")
  int maxCandidates = 2000;

  @Option(
      names = "--min-area-m2",
      paramLabel = "M2",
      defaultValue = "400",
      description = "Smallest building footprint taken as a candidate (default ${DEFAULT-VALUE}).")
  double minArea_m2 = 400;

  static final class Access {
    @Option(
        names = "--walk-min",
        paramLabel = "MIN",
        description = "People walk at most this long (default 15).")
    Double walk;

    @Option(names = "--drive-min", paramLabel = "MIN", description = "People drive this long.")
    Double drive;
  }

  @ArgGroup(exclusive = true)
  Access access;

  @Option(
      names = "--access",
      paramLabel = "MODEL",
      defaultValue = "auto",
      description =
          "How the walk or drive is timed: network (the region's roads, paths and terrain: a river"
              + " is crossed on a bridge), straight (the straight line times a detour of 1.3 on"
              + " foot, 1.4 by car: a quick estimate) or auto (default: network on a pack of cells"
              + " of 250 m or less, straight on coarser ones).")
  String accessModel = "auto";

  @Option(
      names = "--gap",
      paramLabel = "PCT",
      defaultValue = "1",
      description = "Stop the siting at this proven gap in percent (default ${DEFAULT-VALUE}).")
  double gapPct = 1;

  @Option(
      names = "--time-limit-s",
      paramLabel = "S",
      defaultValue = "60",
      description = "Siting solver time limit (default ${DEFAULT-VALUE}).")
  double timeLimit_s = 60;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--quiet", description = "Print only the summary.")
  boolean quiet;

  @Override
  public Integer call() {
    ShelterAccess a = access();
    if (budget != null && !(budget >= 0 && budget < 1e12)) {
      throw new SkydasProblem(ProblemCode.USAGE, "--budget-eur must be within 0..1e12");
    }
    if (!(gapPct >= 0 && gapPct < 100)) {
      throw new SkydasProblem(ProblemCode.USAGE, "--gap must be a percentage within [0, 100)");
    }
    if (maxCandidates < 1 || maxCandidates > 100_000) {
      throw new SkydasProblem(ProblemCode.USAGE, "--max-candidates must be within 1..100000");
    }
    if (!List.of("auto", "network", "straight").contains(accessModel)) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "--access must be auto, network or straight, not \"" + accessModel + "\"");
    }
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    RegionStore.Loaded loaded = region.load(progress);
    double cell_m = loaded.region().grid().cellSize();
    boolean network =
        accessModel.equals("network")
            || (accessModel.equals("auto") && cell_m <= CivilAccess.FINEST_USEFUL_CELL_M);
    if (network) {
      progress.info("shelter access: building the region's road, path and terrain network");
      a =
          a.on(
              a.mode().equals("drive")
                  ? CivilAccess.drive(loaded.region(), SpeedTable.defaults())
                  : CivilAccess.walk(loaded.region(), SpeedTable.defaults()));
    } else if (accessModel.equals("auto")) {
      System.out.printf(
          Locale.ROOT,
          "Access: the straight line times a detour: the pack's %.0f m cells are too coarse for a"
              + " network search (it needs %.0f m or less, as the default 100 m pack)%n",
          cell_m,
          CivilAccess.FINEST_USEFUL_CELL_M);
    }
    ShelterInputs in = new ShelterInputs(loaded.pack());
    List<ShelterSite> standing = new ArrayList<>();
    if (sheltersFile != null) {
      standing.addAll(in.standing(sheltersFile));
    }
    if (registry != null) {
      standing.addAll(in.standing(registry, includePlanned));
    }
    List<Resident> residents = loaded.region().residents();
    Demand demand = Demand.of(residents);
    ShelterWriter w = new ShelterWriter(loaded.pack().crs(), a, standing, residents);
    if (budget == null) {
      ShelterCoverage c = ShelterCoverage.of(residents, demand, standing, a);
      w.write(out, c, null, List.of());
      System.out.println(ShelterWriter.line("Shelter places", c));
      printGaps(c);
      System.out.println("Shelters: " + out.toAbsolutePath());
      return 0;
    }
    List<ShelterSite> cands =
        candidatesFile != null
            ? in.candidates(candidatesFile)
            : in.candidatesFromBuildings(minArea_m2, maxCandidates);
    if (cands.isEmpty()) {
      throw new SkydasProblem(
          ProblemCode.INFEASIBLE,
          "no candidate sites: the region has no buildings of "
              + Math.round(minArea_m2)
              + " m² or more; give --candidates FILE");
    }
    progress.info(
        "shelter siting: "
            + cands.size()
            + " candidates, "
            + standing.size()
            + " standing shelters, "
            + a.describe());
    ShelterSiting.Result r =
        ShelterSiting.solve(
            residents,
            demand,
            standing,
            cands,
            a,
            new ShelterSiting.Options(budget, gapPct / 100, timeLimit_s));
    w.write(out, r.after(), r, cands);
    System.out.println(ShelterWriter.line("Before", r.before()));
    System.out.printf(
        Locale.ROOT,
        "Sited %d of %d candidates for EUR %,.0f of %,.0f: %s%n",
        r.chosen().size(),
        cands.size(),
        r.cost_eur(),
        budget,
        ShelterWriter.line("after", r.after()));
    System.out.printf(
        Locale.ROOT,
        "Proven: at most %,.0f people can be covered for this budget (gap %.2f %%, %s, %.1f s)%n",
        r.bound(),
        100 * r.gap(),
        r.optimal()
            ? "optimal"
            : r.gap() <= gapPct / 100 + 1e-9
                ? "within the gap asked"
                : "time limit reached before the gap asked; give --time-limit-s more",
        r.seconds());
    printGaps(r.after());
    System.out.println("Shelters: " + out.toAbsolutePath());
    return 0;
  }

  private void printGaps(ShelterCoverage c) {
    if (quiet || c.gaps().isEmpty()) {
      return;
    }
    System.out.println("Most people without a place:");
    for (ShelterCoverage.Gap g : c.gaps().subList(0, Math.min(5, c.gaps().size()))) {
      System.out.printf(
          Locale.ROOT, "  %-28s %,10d of %,10d%n", g.name(), g.uncovered(), g.people());
    }
  }

  private ShelterAccess access() {
    if (access != null && access.drive != null) {
      check(access.drive, "--drive-min");
      return ShelterAccess.drive(access.drive);
    }
    double w = access == null || access.walk == null ? 15 : access.walk;
    check(w, "--walk-min");
    return ShelterAccess.walk(w);
  }

  private static void check(double minutes, String name) {
    if (!(minutes > 0 && minutes <= 180)) {
      throw new SkydasProblem(ProblemCode.USAGE, name + " must be within (0, 180]");
    }
  }
}
