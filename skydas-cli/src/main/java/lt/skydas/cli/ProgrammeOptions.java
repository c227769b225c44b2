package lt.skydas.cli;

import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.OptimizeOptions;
import lt.skydas.optimize.OptionProblems;
import picocli.CommandLine.Option;

/** The programme, policy, cases and solver options shared by `optimize` and `demo`. */
final class ProgrammeOptions {
  @Option(
      names = "--budget-eur",
      paramLabel = "EUR",
      defaultValue = "1.1e9",
      description = "Total programme budget (default ${DEFAULT-VALUE}).")
  double budget = 1.1e9;

  @Option(
      names = "--mine-ceiling-eur",
      paramLabel = "EUR",
      defaultValue = "8e8",
      description = "At most this on minefields (default ${DEFAULT-VALUE}).")
  double mines = 8e8;

  @Option(
      names = "--years",
      paramLabel = "N",
      defaultValue = "10",
      description = "Programme years (default ${DEFAULT-VALUE}).")
  int years = 10;

  @Option(
      names = "--year-ceilings-eur",
      split = ",",
      paramLabel = "EUR",
      description = "Spending ceiling per year (default: the budget spread evenly).")
  List<Double> ceilings;

  @Option(
      names = "--capacity-h-per-year",
      paramLabel = "H",
      description = "Build effort engineers can deliver per year, hours (default unlimited).")
  Double capacity;

  @Option(
      names = "--clearance-in-budget",
      paramLabel = "true|false",
      defaultValue = "true",
      arity = "1",
      description = "Charge mines' clearance cost against the budget when planned (default true).")
  boolean clearance = true;

  @Option(
      names = "--classes",
      split = ",",
      paramLabel = "CLASS",
      description = "Vehicle classes (default tracked,wheeled,dismounted).")
  List<String> classes;

  @Option(
      names = "--seasons",
      split = ",",
      paramLabel = "SEASON",
      description = "Seasons (default dry,wet,frozen).")
  List<String> seasons;

  @Option(
      names = "--weights",
      split = ",",
      paramLabel = "CLASS=W",
      description = "Objective weight per class, e.g. tracked=2,wheeled=1 (default 1 each).")
  List<String> weights;

  @Option(
      names = "--objective-mode",
      paramLabel = "each|nearest",
      defaultValue = "each",
      description =
          "each: the mean over the objectives of the time to each counts (default); nearest:"
              + " only the time to the nearest objective.")
  String objectiveMode = "each";

  @Option(
      names = "--mean-season",
      description = "Average over seasons instead of the worst season (robust, default).")
  boolean mean;

  @Option(
      names = "--belts-km",
      split = ",",
      paramLabel = "KM",
      description = "Belt depths (default 3,8,15).")
  List<Double> belts;

  @picocli.CommandLine.Mixin PolicyOptions policy = new PolicyOptions();

  @Option(
      names = "--allow-protected-areas",
      description =
          "Offer belt corridors inside protected areas too (default: none there). Road crossings"
              + " and bridges follow the humanitarian policy per obstacle kind either way, and no"
              + " option lifts the policy's own rules.")
  boolean allowProtected;

  @Option(
      names = "--route-limit-pct",
      paramLabel = "PCT",
      defaultValue = "10",
      description =
          "Friendly reinforcement routes may slow by at most this (default ${DEFAULT-VALUE}).")
  double routeLimit = 10;

  @Option(
      names = "--time-limit-s",
      paramLabel = "S",
      defaultValue = "600",
      description = "Solver time limit (default ${DEFAULT-VALUE}).")
  double timeLimit = 600;

  @Option(
      names = "--gap",
      paramLabel = "FRACTION",
      defaultValue = "0.01",
      description = "Stop when the proven gap is at most this (default ${DEFAULT-VALUE}).")
  double gap = 0.01;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default 2).")
  Integer threads;

  @Option(
      names = "--no-sensors",
      description =
          "Plan obstacles only: no sensor candidates, every obstacle at its full delay (default:"
              + " sensors are chosen together with the obstacles, and an obstacle's full delay"
              + " counts only where a chosen sensor watches it).")
  boolean noSensors;

  @Option(
      names = "--sensors-max-eur",
      paramLabel = "EUR",
      description =
          "At most this on sensors, purchase plus upkeep over the programme (default: no ceiling"
              + " of their own; they share the total budget).")
  Double sensorsMax;

  @Option(
      names = "--barriers-max-eur",
      paramLabel = "EUR",
      description =
          "At most this on obstacles that are not minefields (construction; default: no ceiling"
              + " of their own).")
  Double barriersMax;

  @Option(
      names = "--min-corridor-margin-h",
      paramLabel = "H",
      description =
          "Every friendly route of the region keeps this margin in every case: the attacker cuts"
              + " the convoy's path no earlier than H hours after it has passed (negative: may cut"
              + " it that long before). The least-cost obstacles that hold it are bought first"
              + " (exactly, CP-SAT) and the plan spends the rest (default: no minimum).")
  Double minCorridorMargin;

  @Option(
      names = "--country-budgets-eur",
      split = ",",
      paramLabel = "CC=EUR",
      description =
          "A budget per home country of a joint region, e.g. LT=6e8,PL=4e8: each country pays"
              + " for the sites in its land (obstacles with their clearance, sensors, depot"
              + " sites, EW), a row beside the total (default: the total alone).")
  List<String> countryBudgets;

  @Option(
      names = "--ew-max-eur",
      paramLabel = "EUR",
      description =
          "At most this on EW and counter-drone sites, purchase plus upkeep (default: no ceiling"
              + " of their own). They are bought only to protect --protect sites.")
  Double ewMax;

  @Option(
      names = "--clearance-max-eur",
      paramLabel = "EUR",
      description =
          "At most this reserved for clearing the planned minefields, the clearance capability"
              + " they need (default: no ceiling of its own).")
  Double clearanceMax;

  @Option(
      names = "--planning-warning-h",
      paramLabel = "H",
      description =
          "Warning time the plan is optimised for, 0..720 h: reserved and crisis-laid obstacles"
              + " count only where the engineer units can put them in place before the attacker"
              + " arrives (default: what the plan's sensors give, at least --warning-floor-h;"
              + " their warning is tactical minutes, so the floor).")
  Double planningWarning;

  @Option(
      names = "--also-warning-h",
      paramLabel = "H",
      split = ",",
      description =
          "More warning times to plan for, 0..720 h, up to 4 (e.g. 12,48): the objective becomes"
              + " the mean, over these and the planning warning, of the delay at each (an obstacle"
              + " put in place on warning counts at a warning only where the forces finish it in"
              + " time), so the plan holds up when warning comes sooner or later than planned.")
  List<Double> alsoWarnings;

  @Option(
      names = "--warning-floor-h",
      paramLabel = "H",
      description =
          "Least default planning warning, 0..720 h (default 24: a day of strategic" + " warning).")
  double warningFloor = lt.skydas.optimize.EmplacementOptions.DEFAULT_FLOOR_H;

  @Option(
      names = "--forces",
      paramLabel = "FILE",
      description =
          "Depots and engineer units (JSON, as `skydas emplace --forces`; default the shipped"
              + " Lithuanian forces).")
  Path forces;

  @Option(
      names = "--no-emplacement",
      description =
          "Count every obstacle type in full, as built in its programme year (the model before"
              + " emplacement on warning).")
  boolean noEmplacement;

  @Option(
      names = "--verify-emplacement",
      description =
          "After the verification, run the emplacement timeline and the race against the"
              + " attacker on the final plan at the planning warning (as `skydas emplace`; about"
              + " a minute on the real region) and report the delay it gives beside the model's.")
  boolean verifyEmplacement;

  /**
   * The options through {@link OptimizeOptions#builder()}: the optimiser validates them, a bad
   * value fails naming its option (exit 2, or 3 for an unknown class or season).
   */
  OptimizeOptions options() {
    OptimizeOptions.Builder b =
        OptimizeOptions.builder()
            .budget_eur(budget)
            .mineCeiling_eur(mines)
            .years(years)
            .yearCeilings_eur(ceilings)
            .capacity_hPerYear(capacity)
            .clearanceInBudget(clearance)
            .classes(classes)
            .seasons(seasons)
            .objectiveMode(objectiveMode)
            .meanSeason(mean)
            .belts_km(belts)
            .policy(policy.resolve(lt.skydas.plan.ObstacleCatalog.defaults()))
            .allowProtectedAreas(allowProtected)
            .routeLimitPct(routeLimit)
            .timeLimit_s(timeLimit)
            .gap(gap)
            .threads(threads)
            .sensors(!noSensors)
            .sensorsMax_eur(sensorsMax)
            .barriersMax_eur(barriersMax)
            .ewMax_eur(ewMax)
            .clearanceMax_eur(clearanceMax)
            .minCorridorMargin_h(minCorridorMargin)
            .emplacement(!noEmplacement)
            .planningWarning_h(planningWarning)
            .alsoWarnings_h(alsoWarnings)
            .warningFloor_h(warningFloor)
            .forces(forces)
            .verifyEmplacement(verifyEmplacement);
    for (String kv : weights == null ? List.<String>of() : weights) {
      int eq = kv.indexOf('=');
      if (eq < 0) {
        throw new SkydasProblem(ProblemCode.USAGE, "--weights wants CLASS=W, not " + kv);
      }
      try {
        b.weight(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
      } catch (NumberFormatException e) {
        throw new SkydasProblem(ProblemCode.USAGE, "--weights: not a number in " + kv);
      }
    }
    java.util.Map<String, Double> byCountry = new java.util.TreeMap<>();
    for (String kv : countryBudgets == null ? List.<String>of() : countryBudgets) {
      int eq = kv.indexOf('=');
      String cc = eq < 0 ? "" : kv.substring(0, eq).trim().toUpperCase(java.util.Locale.ROOT);
      if (eq < 0 || byCountry.containsKey(cc)) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "--country-budgets-eur wants CC=EUR once per country (LT=6e8,PL=4e8), not " + kv);
      }
      try {
        byCountry.put(cc, Double.parseDouble(kv.substring(eq + 1).trim()));
      } catch (NumberFormatException e) {
        throw new SkydasProblem(ProblemCode.USAGE, "--country-budgets-eur: not a number in " + kv);
      }
    }
    b.countryBudgets_eur(byCountry);
    try {
      return b.build();
    } catch (SkydasProblem p) {
      throw OptionProblems.named(p, null, ProgrammeOptions::optionName);
    }
  }

  /** The command line's option for a field key: {@code budget_eur → --budget-eur}. */
  static String optionName(String field) {
    return "--" + field.replace('_', '-');
  }
}
