package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import lt.skydas.assess.ReinforcementRoute;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.emplace.EmplaceOptions;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.PlanPolicy;

/**
 * How {@code skydas optimize} works. Immutable. The user's options come through {@link #builder()},
 * which validates each field and names the bad one; the constructor checks only the invariants (an
 * {@link IllegalArgumentException} is a bug).
 *
 * @param classes vehicle classes the plan must delay
 * @param seasons seasons considered
 * @param classWeights weight of each class in the objective (missing = 1)
 * @param robust the worst season counts (else the mean over seasons)
 * @param objectiveMode the time to each objective counts (averaged over them), or only the time to
 *     the nearest
 * @param programme budget, mine ceiling, yearly ceilings and capacity
 * @param policy humanitarian policy (AP mines, civilian buffer)
 * @param candidates how candidate sites are generated
 * @param chunk_m largest gate on the corridor graph (an attacker may slip this far along an
 *     obstacle he has crossed)
 * @param linkRange_m gate-to-gate links are searched up to this distance at the fastest off-road
 *     speed
 * @param maxLinks at most this many links per gate (0 = all)
 * @param routeLimitPct friendly routes may lose at most this percentage of their unobstructed time
 * @param timeLimit_s solver time limit
 * @param gapTarget stop when the proven relative gap on the objective is at most this
 * @param threads worker threads
 * @param sensors sensor candidates chosen together with the obstacles, and their ceiling
 * @param emplacement how reserved and crisis-laid obstacles count: at a planning warning time, if
 *     the forces can put them in place ({@link EmplacementStep})
 * @param minCorridorMargin_h the corridor margin every friendly route must keep in every case: the
 *     attacker cuts the convoy's path no earlier than this many hours after the convoy has passed
 *     ({@link MarginStep}); NaN for no such constraint
 */
public record OptimizeOptions(
    List<VehicleClass> classes,
    List<Season> seasons,
    Map<VehicleClass, Double> classWeights,
    boolean robust,
    ObjectiveMode objectiveMode,
    Programme programme,
    PlanPolicy policy,
    CandidateOptions candidates,
    double chunk_m,
    double linkRange_m,
    int maxLinks,
    double routeLimitPct,
    double timeLimit_s,
    double gapTarget,
    int threads,
    SensorOptions sensors,
    EmplacementOptions emplacement,
    double minCorridorMargin_h) {
  public OptimizeOptions {
    Objects.requireNonNull(sensors, "sensors");
    Objects.requireNonNull(emplacement, "emplacement");
    classes = List.copyOf(classes);
    seasons = List.copyOf(seasons);
    classWeights = Map.copyOf(classWeights);
    Objects.requireNonNull(objectiveMode, "objectiveMode");
    if (classes.isEmpty() || seasons.isEmpty()) {
      throw new IllegalArgumentException("at least one vehicle class and one season");
    }
    for (double w : classWeights.values()) {
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("class weights must be finite and >= 0");
      }
    }
    if (!(chunk_m > 0) || !(linkRange_m > 0) || maxLinks < 0) {
      throw new IllegalArgumentException("gate chunk and link range must be > 0");
    }
    if (!(routeLimitPct >= 0)) {
      throw new IllegalArgumentException("friendly-route limit must be >= 0 %");
    }
    if (!(timeLimit_s > 0) || !(gapTarget >= 0)) {
      throw new IllegalArgumentException("time limit must be > 0 s and gap target >= 0");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    if (!Double.isNaN(minCorridorMargin_h) && Math.abs(minCorridorMargin_h) > MAX_MARGIN_H) {
      throw new IllegalArgumentException("corridor margin within -48..48 h");
    }
  }

  /** Largest corridor margin (either sign) a user may ask for, hours. */
  public static final double MAX_MARGIN_H = 48;

  /** Whether a minimum corridor margin is asked for. */
  public boolean hasCorridorMargin() {
    return !Double.isNaN(minCorridorMargin_h);
  }

  /** Largest gate on the corridor graph by default (m). */
  public static final double DEFAULT_CHUNK_M = 2000;

  /** Gate-to-gate links are searched up to this distance by default (m). */
  public static final double DEFAULT_LINK_RANGE_M = 8000;

  /**
   * At most this many links per gate by default: 0, all within the link range. Keeping only the 24
   * fastest (the default until issue 14) dropped the links from a belt's gates to the next belt
   * wherever a belt has many gates close together: the corridor model then saw belts as closed that
   * the full model crossed (Lithuania demo: model objective 4.37, verified 3.72; with all links
   * 4.12 and 4.13; ADR 0006).
   */
  public static final int DEFAULT_MAX_LINKS = 0;

  /**
   * All classes and seasons with equal weights, robust (worst season), each objective, the default
   * programme and policy, belts at 3, 8 and 15 km, 2 km gates, 8 km links (all of them), 10 % route
   * limit, 10 minutes, 1 % gap target: {@code builder().build()}.
   */
  public static OptimizeOptions defaults() {
    return builder().build();
  }

  /** A builder with the defaults, validating what the user may set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The options as the user gives them (on the command line or as the server job's JSON), checked
   * field by field. {@link #build} throws a {@link SkydasProblem} keyed by the field ({@link
   * OptionProblems}): {@link ProblemCode#USAGE} for a value out of range, {@link
   * ProblemCode#BAD_INPUT} for an unknown vehicle class or season. Field keys are the JSON names
   * ({@code budget_eur}, {@code years}, ...). Not thread-safe; one per request.
   */
  public static final class Builder {

    /** Largest friendly-route limit (percent of the unobstructed time). */
    public static final double MAX_ROUTE_LIMIT_PCT = 1000;

    /**
     * The longest solver time limit (s): a day. A job of 10^9 s would hold a job slot for good
     * (issue 18, finding 4).
     */
    public static final double MAX_TIME_LIMIT_S = 86_400;

    /** Deepest belt (km from the hostile border). */
    public static final double MAX_BELT_KM = 200;

    /**
     * Most warning times planned for besides the planning warning: each multiplies the model's
     * scenarios.
     */
    public static final int MAX_ALSO_WARNINGS = 4;

    private double budget_eur = 1.1e9;
    private double mineCeiling_eur = 8e8;
    private int years = 10;
    private List<Double> yearCeilings_eur;
    private Double capacity_hPerYear;
    private boolean clearanceInBudget = true;
    private List<String> classes;
    private List<String> seasons;
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private String objectiveMode = "each";
    private boolean meanSeason;
    private List<Double> belts_km;
    private PlanPolicy policy = PlanPolicy.DEFAULT;
    private boolean allowProtectedAreas;
    private double routeLimitPct = ReinforcementRoute.DEFAULT_LIMIT_PCT;
    private double timeLimit_s = 600;
    private double gap = 0.01;
    private Integer threads;
    private boolean sensors = true;
    private Double sensorsMax_eur;
    private Double barriersMax_eur;
    private Double ewMax_eur;
    private Double clearanceMax_eur;
    private Map<String, Double> countryBudgets_eur = Map.of();
    private Double minCorridorMargin_h;
    private boolean emplacement = true;
    private Double planningWarning_h;
    private double warningFloor_h = EmplacementOptions.DEFAULT_FLOOR_H;
    private List<Double> alsoWarnings_h = List.of();
    private java.nio.file.Path forces;
    private boolean verifyEmplacement;

    private Builder() {}

    /** {@code budget_eur}: total programme budget, finite, >= 0 (default EUR 1.1 bn). */
    public Builder budget_eur(double v) {
      budget_eur = v;
      return this;
    }

    /** {@code mine_ceiling_eur}: at most this on minefields, >= 0 (default EUR 800 m). */
    public Builder mineCeiling_eur(double v) {
      mineCeiling_eur = v;
      return this;
    }

    /** {@code years}: programme years, 1..{@value Programme#MAX_YEARS} (default 10). */
    public Builder years(int v) {
      years = v;
      return this;
    }

    /**
     * {@code year_ceilings_eur}: one finite ceiling >= 0 per year; null (default) spreads the
     * budget evenly.
     */
    public Builder yearCeilings_eur(List<Double> v) {
      yearCeilings_eur = v == null ? null : new ArrayList<>(v);
      return this;
    }

    /** {@code capacity_h_per_year}: build hours per year, > 0; null (default) for unlimited. */
    public Builder capacity_hPerYear(Double v) {
      capacity_hPerYear = v;
      return this;
    }

    /** {@code clearance_in_budget}: charge mines' clearance against the budget (default true). */
    public Builder clearanceInBudget(boolean v) {
      clearanceInBudget = v;
      return this;
    }

    /** {@code classes}: vehicle class ids; null (default) for all. */
    public Builder classes(List<String> v) {
      classes = v == null ? null : new ArrayList<>(v);
      return this;
    }

    /** {@code seasons}: season ids; null (default) for all. */
    public Builder seasons(List<String> v) {
      seasons = v == null ? null : new ArrayList<>(v);
      return this;
    }

    /** {@code weights}: the objective weight of one vehicle class, finite, >= 0 (default 1). */
    public Builder weight(String classId, double w) {
      weights.put(classId, w);
      return this;
    }

    /** {@code objective_mode}: {@code each} (default) or {@code nearest}. */
    public Builder objectiveMode(String v) {
      objectiveMode = v;
      return this;
    }

    /** {@code mean_season}: average over seasons instead of the worst season (default false). */
    public Builder meanSeason(boolean v) {
      meanSeason = v;
      return this;
    }

    /** {@code belts_km}: belt depths within (0, {@value #MAX_BELT_KM}]; null for 3, 8, 15. */
    public Builder belts_km(List<Double> v) {
      belts_km = v == null ? null : new ArrayList<>(v);
      return this;
    }

    /**
     * The humanitarian policy the run is held to: the registry's or an explicit policy file, never
     * a plan's or a job's own (default: the built-in {@link PlanPolicy#DEFAULT}).
     */
    public Builder policy(PlanPolicy v) {
      policy = java.util.Objects.requireNonNull(v, "policy");
      return this;
    }

    /** {@code allow_protected_areas}: offer sites inside protected areas (default false). */
    public Builder allowProtectedAreas(boolean v) {
      allowProtectedAreas = v;
      return this;
    }

    /** {@code route_limit_pct}: friendly routes may slow by at most this, 0..1000 (default 10). */
    public Builder routeLimitPct(double v) {
      routeLimitPct = v;
      return this;
    }

    /** {@code time_limit_s}: solver time limit, > 0 (default 600). */
    public Builder timeLimit_s(double v) {
      timeLimit_s = v;
      return this;
    }

    /** {@code gap}: stop when the proven relative gap is at most this, >= 0 (default 0.01). */
    public Builder gap(double v) {
      gap = v;
      return this;
    }

    /** {@code threads}: worker threads (below 1 counts as 1); null (default) for up to 2. */
    public Builder threads(Integer v) {
      threads = v;
      return this;
    }

    /** {@code sensors}: choose sensors together with the obstacles (default true). */
    public Builder sensors(boolean v) {
      sensors = v;
      return this;
    }

    /** {@code sensors_max_eur}: at most this on sensors, finite, >= 0; null (default) for none. */
    public Builder sensorsMax_eur(Double v) {
      sensorsMax_eur = v;
      return this;
    }

    /**
     * {@code barriers_max_eur}: at most this on obstacles that are not minefields (construction),
     * finite, >= 0; null (default) for none.
     */
    public Builder barriersMax_eur(Double v) {
      barriersMax_eur = v;
      return this;
    }

    /**
     * {@code country_budgets_eur}: per home country (ISO code, e.g. {@code LT}) at most this spent
     * at its sites, each a finite amount >= 0 (a joint region where each country pays for its own
     * line); empty (default) for none. The codes are checked against the region's home countries
     * when the run starts.
     */
    public Builder countryBudgets_eur(Map<String, Double> v) {
      countryBudgets_eur = v == null ? Map.of() : new java.util.TreeMap<>(v);
      return this;
    }

    /**
     * {@code min_corridor_margin_h}: every friendly route keeps this margin in every case (the
     * attacker cuts the convoy's path no earlier than this many hours after it has passed), within
     * -48..48; null (default) for none.
     */
    public Builder minCorridorMargin_h(Double v) {
      minCorridorMargin_h = v;
      return this;
    }

    /**
     * {@code ew_max_eur}: at most this on EW and counter-drone sites (purchase plus upkeep),
     * finite, >= 0; null (default) for none.
     */
    public Builder ewMax_eur(Double v) {
      ewMax_eur = v;
      return this;
    }

    /**
     * {@code clearance_max_eur}: at most this reserved for clearing the planned minefields (their
     * clearance cost), finite, >= 0; null (default) for none.
     */
    public Builder clearanceMax_eur(Double v) {
      clearanceMax_eur = v;
      return this;
    }

    /**
     * {@code emplacement}: count reserved and crisis-laid obstacles only where the forces can put
     * them in place at the planning warning time (default true; false: every type counts in full).
     */
    public Builder emplacement(boolean v) {
      emplacement = v;
      return this;
    }

    /**
     * {@code planning_warning_h}: the warning time planned for, hours within 0..720; null (default)
     * for what the plan's sensors give, at least {@code warning_floor_h}.
     */
    public Builder planningWarning_h(Double v) {
      planningWarning_h = v;
      return this;
    }

    /**
     * {@code also_warning_h}: more warning times to plan for, hours within 0..720 (null or empty,
     * the default: the planning warning alone); the objective becomes the mean over them and the
     * planning warning of the delay at each.
     */
    public Builder alsoWarnings_h(List<Double> v) {
      alsoWarnings_h = v == null ? List.of() : List.copyOf(v);
      return this;
    }

    /** {@code warning_floor_h}: the least default planning warning, hours within 0..720 (24). */
    public Builder warningFloor_h(double v) {
      warningFloor_h = v;
      return this;
    }

    /** {@code forces}: the forces file (depots, engineer units); null (default) for the shipped. */
    public Builder forces(java.nio.file.Path v) {
      forces = v;
      return this;
    }

    /**
     * {@code verify_emplacement}: after the verification, run the emplacement timeline and race on
     * the final plan at the planning warning (default false: about a minute on the real region).
     */
    public Builder verifyEmplacement(boolean v) {
      verifyEmplacement = v;
      return this;
    }

    /**
     * The validated options.
     *
     * @throws SkydasProblem naming the first bad field ({@link OptionProblems})
     */
    public OptimizeOptions build() {
      checkRanges();
      Programme programme = programme();
      List<Double> depths_m = new ArrayList<>();
      for (double km : belts_km == null ? List.of(3.0, 8.0, 15.0) : belts_km) {
        depths_m.add(km * 1000);
      }
      return new OptimizeOptions(
          parsed("classes", classes, VehicleClass.values(), "vehicle class"),
          parsed("seasons", seasons, Season.values(), "season"),
          classWeights(),
          !meanSeason,
          objectiveMode(),
          programme,
          policy,
          new CandidateOptions(
              depths_m,
              CandidateOptions.DEFAULT_MAX_PIECE_M,
              CandidateOptions.DEFAULT_BRIDGE_DEPTH_M,
              policy,
              !allowProtectedAreas,
              true),
          DEFAULT_CHUNK_M,
          DEFAULT_LINK_RANGE_M,
          DEFAULT_MAX_LINKS,
          routeLimitPct,
          timeLimit_s,
          gap,
          threads == null
              ? Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()))
              : Math.max(1, threads),
          new SensorOptions(
              sensors,
              SensorOptions.DEFAULT_TYPES,
              SensorOptions.DEFAULT_SPACING_M,
              sensorsMax_eur == null ? Double.POSITIVE_INFINITY : sensorsMax_eur),
          new EmplacementOptions(
              emplacement,
              planningWarning_h == null ? Double.NaN : planningWarning_h,
              warningFloor_h,
              forces,
              verifyEmplacement,
              alsoWarnings_h.stream().distinct().sorted().toList()),
          minCorridorMargin_h == null ? Double.NaN : minCorridorMargin_h);
    }

    private void checkRanges() {
      check(
          budget_eur >= 0 && Double.isFinite(budget_eur),
          "budget_eur",
          "must be a finite amount >= 0");
      check(mineCeiling_eur >= 0, "mine_ceiling_eur", "must be >= 0");
      check(
          years >= 1 && years <= Programme.MAX_YEARS,
          "years",
          "must be within 1.." + Programme.MAX_YEARS);
      check(
          capacity_hPerYear == null || capacity_hPerYear > 0, "capacity_h_per_year", "must be > 0");
      check(
          sensorsMax_eur == null || (sensorsMax_eur >= 0 && Double.isFinite(sensorsMax_eur)),
          "sensors_max_eur",
          "must be a finite amount >= 0");
      checkAmount(barriersMax_eur, "barriers_max_eur");
      checkAmount(ewMax_eur, "ew_max_eur");
      checkAmount(clearanceMax_eur, "clearance_max_eur");
      for (Map.Entry<String, Double> e : countryBudgets_eur.entrySet()) {
        check(
            e.getKey() != null && e.getKey().matches("[A-Z]{2}"),
            "country_budgets_eur",
            "names countries by ISO 3166-1 alpha-2 code (LT, PL, LV …), not '" + e.getKey() + "'");
        checkAmount(e.getValue() == null ? Double.NaN : e.getValue(), "country_budgets_eur");
      }
      check(
          minCorridorMargin_h == null
              || (Double.isFinite(minCorridorMargin_h)
                  && Math.abs(minCorridorMargin_h) <= MAX_MARGIN_H),
          "min_corridor_margin_h",
          "must be hours within -48..48");
      checkWarning(planningWarning_h, "planning_warning_h");
      checkWarning(warningFloor_h, "warning_floor_h");
      for (Double h : alsoWarnings_h) {
        checkWarning(h == null ? Double.NaN : h, "also_warning_h");
      }
      check(
          alsoWarnings_h.stream().distinct().count() <= MAX_ALSO_WARNINGS,
          "also_warning_h",
          "at most " + MAX_ALSO_WARNINGS + " warning times");
      check(
          emplacement || alsoWarnings_h.isEmpty(),
          "also_warning_h",
          "plans for warning times with the emplacement model only (not with no_emplacement)");
      check(timeLimit_s > 0, "time_limit_s", "must be > 0");
      check(
          timeLimit_s <= MAX_TIME_LIMIT_S,
          "time_limit_s",
          "must be at most " + Math.round(MAX_TIME_LIMIT_S) + " (a day)");
      check(gap >= 0, "gap", "must be >= 0");
      check(
          routeLimitPct >= 0 && routeLimitPct <= MAX_ROUTE_LIMIT_PCT,
          "route_limit_pct",
          "must be within 0.." + Math.round(MAX_ROUTE_LIMIT_PCT));
      for (double km : belts_km == null ? List.<Double>of() : belts_km) {
        check(
            km > 0 && km <= MAX_BELT_KM,
            "belts_km",
            "values must be within (0, " + Math.round(MAX_BELT_KM) + "], not " + km);
      }
      check(belts_km == null || !belts_km.isEmpty(), "belts_km", "needs at least one belt");
    }

    private Programme programme() {
      double[] yc = new double[years];
      if (yearCeilings_eur != null) {
        check(
            yearCeilings_eur.size() == years,
            "year_ceilings_eur",
            "needs one value per year (" + years + "), not " + yearCeilings_eur.size());
        for (int i = 0; i < years; i++) {
          double c = yearCeilings_eur.get(i);
          check(c >= 0 && Double.isFinite(c), "year_ceilings_eur", "must be finite amounts >= 0");
          yc[i] = c;
        }
      } else {
        Arrays.fill(yc, budget_eur / years);
      }
      return new Programme(
          budget_eur,
          mineCeiling_eur,
          yc,
          capacity_hPerYear == null ? Double.POSITIVE_INFINITY : capacity_hPerYear,
          clearanceInBudget,
          new Programme.Ceilings(
              orNone(barriersMax_eur),
              orNone(ewMax_eur),
              orNone(clearanceMax_eur),
              new java.util.TreeMap<>(countryBudgets_eur)));
    }

    private Map<VehicleClass, Double> classWeights() {
      Map<VehicleClass, Double> w = new EnumMap<>(VehicleClass.class);
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        double v = e.getValue();
        check(
            v >= 0 && Double.isFinite(v),
            "weights",
            "must be finite and >= 0: " + e.getKey() + "=" + v);
        w.put(
            parsed("weights", List.of(e.getKey()), VehicleClass.values(), "vehicle class").get(0),
            v);
      }
      return w;
    }

    private ObjectiveMode objectiveMode() {
      return switch (objectiveMode == null ? "" : objectiveMode.toLowerCase(Locale.ROOT)) {
        case "each" -> ObjectiveMode.EACH;
        case "nearest" -> ObjectiveMode.NEAREST;
        default ->
            throw OptionProblems.invalid(
                ProblemCode.USAGE,
                "objective_mode",
                "must be each or nearest, not " + objectiveMode);
      };
    }

    /** The enum constants named by {@code ids} (case-insensitive), or all for null. */
    private static <E extends Enum<E>> List<E> parsed(
        String field, List<String> ids, E[] values, String what) {
      if (ids == null) {
        return List.of(values);
      }
      List<E> out = new ArrayList<>();
      for (String id : ids) {
        String s = id == null ? "" : id.trim();
        E found =
            Arrays.stream(values)
                .filter(e -> e.name().equalsIgnoreCase(s))
                .findFirst()
                .orElse(null);
        if (found == null) {
          String expected =
              String.join(
                  ", ", Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
          throw OptionProblems.invalid(
              ProblemCode.BAD_INPUT,
              field,
              "names an unknown " + what + " \"" + id + "\" (expected one of " + expected + ")");
        }
        out.add(found);
      }
      return out;
    }

    private static void checkAmount(Double v, String field) {
      check(v == null || (v >= 0 && Double.isFinite(v)), field, "must be a finite amount >= 0");
    }

    /** A warning time as {@link EmplaceOptions#checkWarning} wants it, the field named. */
    private static void checkWarning(Double h, String field) {
      if (h == null) {
        return;
      }
      try {
        EmplaceOptions.checkWarning(h);
      } catch (IllegalArgumentException e) {
        throw OptionProblems.invalid(
            ProblemCode.USAGE,
            field,
            "must be hours within 0.." + (int) EmplaceOptions.MAX_WARNING_H + ", not " + h);
      }
    }

    private static double orNone(Double v) {
      return v == null ? Double.POSITIVE_INFINITY : v;
    }

    private static void check(boolean ok, String field, String rule) {
      if (!ok) {
        throw OptionProblems.invalid(ProblemCode.USAGE, field, rule);
      }
    }
  }

  public OptimizeOptions withTimeLimit_s(double t) {
    return copy(programme, objectiveMode, t, sensors, emplacement);
  }

  public OptimizeOptions withProgramme(Programme p) {
    return copy(p, objectiveMode, timeLimit_s, sensors, emplacement);
  }

  public OptimizeOptions withObjectiveMode(ObjectiveMode m) {
    return copy(programme, m, timeLimit_s, sensors, emplacement);
  }

  public OptimizeOptions withSensors(SensorOptions v) {
    return copy(programme, objectiveMode, timeLimit_s, v, emplacement);
  }

  public OptimizeOptions withEmplacement(EmplacementOptions v) {
    return copy(programme, objectiveMode, timeLimit_s, sensors, v);
  }

  /** These options with the components a wither may change replaced. */
  private OptimizeOptions copy(
      Programme p, ObjectiveMode m, double t, SensorOptions so, EmplacementOptions e) {
    return new OptimizeOptions(
        classes,
        seasons,
        classWeights,
        robust,
        m,
        p,
        policy,
        candidates,
        chunk_m,
        linkRange_m,
        maxLinks,
        routeLimitPct,
        t,
        gapTarget,
        threads,
        so,
        e,
        minCorridorMargin_h);
  }
}
