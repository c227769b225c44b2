package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.PlanPolicy;
import org.junit.jupiter.api.Test;

/**
 * {@link OptimizeOptions.Builder} validates every field the user sets and names the bad one by its
 * key; each door renames it ({@link OptionProblems#named}).
 */
class OptimizeOptionsTest {
  static SkydasProblem problem(UnaryOperator<OptimizeOptions.Builder> set) {
    return catchThrowableOfType(
        SkydasProblem.class, () -> set.apply(OptimizeOptions.builder()).build());
  }

  static void rejects(
      UnaryOperator<OptimizeOptions.Builder> set, ProblemCode code, String field, String message) {
    SkydasProblem p = problem(set);
    assertThat(p).as(message).isNotNull();
    assertThat(p.code()).as(message).isEqualTo(code);
    assertThat(p.details()).as(message).containsEntry(OptionProblems.FIELD, field);
    assertThat(p.getMessage()).isEqualTo(message);
    assertThat(p.details().get(OptionProblems.RULE))
        .isEqualTo(message.substring(field.length() + 1));
  }

  @Test
  void theDefaultsAreTheDocumentedProgrammeCasesAndCandidates() {
    OptimizeOptions d = OptimizeOptions.builder().build();
    assertThat(d.classes()).containsExactly(VehicleClass.values());
    assertThat(d.seasons()).containsExactly(Season.values());
    assertThat(d.classWeights()).isEmpty();
    assertThat(d.robust()).isTrue();
    assertThat(d.objectiveMode()).isEqualTo(ObjectiveMode.EACH);
    Programme p = Programme.defaults();
    assertThat(d.programme().total_eur()).isEqualTo(p.total_eur());
    assertThat(d.programme().mines_eur()).isEqualTo(p.mines_eur());
    assertThat(d.programme().yearCeilings_eur()).containsExactly(p.yearCeilings_eur());
    assertThat(d.programme().yearCapacity_h()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(d.programme().countClearance()).isTrue();
    assertThat(d.policy()).isEqualTo(PlanPolicy.DEFAULT);
    assertThat(d.candidates()).isEqualTo(CandidateOptions.defaults());
    assertThat(d.chunk_m()).isEqualTo(2000);
    assertThat(d.linkRange_m()).isEqualTo(8000);
    assertThat(d.maxLinks()).isZero();
    assertThat(d.routeLimitPct()).isEqualTo(10);
    assertThat(d.timeLimit_s()).isEqualTo(600);
    assertThat(d.gapTarget()).isEqualTo(0.01);
    assertThat(d.threads()).isBetween(1, 2);
    assertThat(d.sensors()).isEqualTo(SensorOptions.defaults());
  }

  @Test
  void thePlanningWarningDefaultsToTheFloorAndBadHoursAreNamed() {
    EmplacementOptions d = OptimizeOptions.defaults().emplacement();
    assertThat(d.enabled()).isTrue();
    assertThat(d.warning_h()).isEqualTo(24);
    assertThat(d.forcesFile()).isNull();
    assertThat(d.verify()).isFalse();
    assertThat(OptimizeOptions.builder().verifyEmplacement(true).build().emplacement().verify())
        .isTrue();
    EmplacementOptions floor = OptimizeOptions.builder().warningFloor_h(36).build().emplacement();
    assertThat(floor.warning_h()).isEqualTo(36);
    EmplacementOptions given =
        OptimizeOptions.builder()
            .planningWarning_h(6.0)
            .forces(java.nio.file.Path.of("f.json"))
            .build()
            .emplacement();
    assertThat(given.warning_h()).isEqualTo(6);
    assertThat(given.forcesFile()).hasToString("f.json");
    assertThat(OptimizeOptions.builder().emplacement(false).build().emplacement().enabled())
        .isFalse();
    rejects(
        b -> b.planningWarning_h(-1.0),
        ProblemCode.USAGE,
        "planning_warning_h",
        "planning_warning_h must be hours within 0..720, not -1.0");
    rejects(
        b -> b.planningWarning_h(1e6),
        ProblemCode.USAGE,
        "planning_warning_h",
        "planning_warning_h must be hours within 0..720, not 1000000.0");
    rejects(
        b -> b.warningFloor_h(Double.NaN),
        ProblemCode.USAGE,
        "warning_floor_h",
        "warning_floor_h must be hours within 0..720, not NaN");
  }

  @Test
  void sensorsCanBeSwitchedOffAndCappedAndABadCeilingIsNamed() {
    OptimizeOptions o = OptimizeOptions.builder().sensors(false).sensorsMax_eur(5e6).build();
    assertThat(o.sensors().enabled()).isFalse();
    assertThat(o.sensors().max_eur()).isEqualTo(5e6);
    rejects(
        b -> b.sensorsMax_eur(-1.0),
        ProblemCode.USAGE,
        "sensors_max_eur",
        "sensors_max_eur must be a finite amount >= 0");
    rejects(
        b -> b.sensorsMax_eur(Double.POSITIVE_INFINITY),
        ProblemCode.USAGE,
        "sensors_max_eur",
        "sensors_max_eur must be a finite amount >= 0");
  }

  @Test
  void categoryCeilingsReachTheProgrammeAndABadOneIsNamed() {
    Programme.Ceilings c =
        OptimizeOptions.builder()
            .barriersMax_eur(1e8)
            .ewMax_eur(2e7)
            .clearanceMax_eur(3e7)
            .build()
            .programme()
            .ceilings();
    assertThat(c).isEqualTo(new Programme.Ceilings(1e8, 2e7, 3e7));
    assertThat(OptimizeOptions.defaults().programme().ceilings())
        .isEqualTo(Programme.Ceilings.none());
    rejects(
        b -> b.ewMax_eur(-5.0),
        ProblemCode.USAGE,
        "ew_max_eur",
        "ew_max_eur must be a finite amount >= 0");
    rejects(
        b -> b.clearanceMax_eur(Double.NaN),
        ProblemCode.USAGE,
        "clearance_max_eur",
        "clearance_max_eur must be a finite amount >= 0");
    rejects(
        b -> b.barriersMax_eur(Double.POSITIVE_INFINITY),
        ProblemCode.USAGE,
        "barriers_max_eur",
        "barriers_max_eur must be a finite amount >= 0");
  }

  @Test
  void countryBudgetsReachTheProgrammeAndComeOffWithWhatIsSpentThere() {
    Programme p =
        OptimizeOptions.builder()
            .countryBudgets_eur(Map.of("PL", 4e8, "LT", 6e8))
            .build()
            .programme();
    assertThat(p.ceilings().byCountry_eur()).containsExactly(entry("LT", 6e8), entry("PL", 4e8));
    // what the protection step buys in a country comes off that country's budget only
    Programme less = p.less(new double[] {5e6}, Map.of("PL", 5e6, "LV", 1e6));
    assertThat(less.ceilings().byCountry_eur())
        .containsExactly(entry("LT", 6e8), entry("PL", 3.95e8));
    assertThat(less.total_eur()).isEqualTo(p.total_eur() - 5e6);
    assertThat(p.less(new double[] {0}, Map.of("PL", 9e8)).ceilings().byCountry_eur())
        .containsEntry("PL", 0.0);
    rejects(
        b -> b.countryBudgets_eur(Map.of("Lithuania", 1e8)),
        ProblemCode.USAGE,
        "country_budgets_eur",
        "country_budgets_eur names countries by ISO 3166-1 alpha-2 code (LT, PL, LV …), not"
            + " 'Lithuania'");
    assertThat(OptimizeOptions.builder().minCorridorMargin_h(-1.5).build().minCorridorMargin_h())
        .isEqualTo(-1.5);
    assertThat(OptimizeOptions.defaults().hasCorridorMargin()).isFalse();
    rejects(
        b -> b.minCorridorMargin_h(60.0),
        ProblemCode.USAGE,
        "min_corridor_margin_h",
        "min_corridor_margin_h must be hours within -48..48");
    rejects(
        b -> b.countryBudgets_eur(Map.of("LT", -1.0)),
        ProblemCode.USAGE,
        "country_budgets_eur",
        "country_budgets_eur must be a finite amount >= 0");
  }

  @Test
  void theUsersValuesBecomeTheOptions() {
    OptimizeOptions o =
        OptimizeOptions.builder()
            .budget_eur(3e6)
            .mineCeiling_eur(1e6)
            .years(3)
            .yearCeilings_eur(List.of(1e6, 1e6, 1e6))
            .capacity_hPerYear(500.0)
            .clearanceInBudget(false)
            .classes(List.of("Tracked", " wheeled"))
            .seasons(List.of("wet"))
            .weight("tracked", 2)
            .objectiveMode("NEAREST")
            .meanSeason(true)
            .belts_km(List.of(5.0))
            .policy(new PlanPolicy(true, 500))
            .allowProtectedAreas(true)
            .routeLimitPct(0)
            .timeLimit_s(20)
            .gap(0)
            .threads(0)
            .build();
    assertThat(o.classes()).containsExactly(VehicleClass.TRACKED, VehicleClass.WHEELED);
    assertThat(o.seasons()).containsExactly(Season.WET);
    assertThat(o.classWeights()).containsExactly(java.util.Map.entry(VehicleClass.TRACKED, 2.0));
    assertThat(o.objectiveMode()).isEqualTo(ObjectiveMode.NEAREST);
    assertThat(o.robust()).isFalse();
    assertThat(o.programme().years()).isEqualTo(3);
    assertThat(o.programme().yearCapacity_h()).isEqualTo(500);
    assertThat(o.programme().countClearance()).isFalse();
    assertThat(o.candidates().beltDepths_m()).containsExactly(5000.0);
    assertThat(o.candidates().avoidProtectedAreas()).isFalse();
    assertThat(o.policy()).isEqualTo(new PlanPolicy(true, 500));
    assertThat(o.threads()).isEqualTo(1);
    // without ceilings the budget is spread evenly over the years
    double[] even =
        OptimizeOptions.builder().budget_eur(9e6).years(3).build().programme().yearCeilings_eur();
    assertThat(even).containsExactly(3e6, 3e6, 3e6);
    assertThat(Arrays.stream(even).sum()).isEqualTo(9e6);
  }

  @Test
  void eachBadFieldIsAUsageProblemNamingIt() {
    rejects(
        b -> b.budget_eur(-1),
        ProblemCode.USAGE,
        "budget_eur",
        "budget_eur must be a finite amount >= 0");
    rejects(
        b -> b.budget_eur(Double.POSITIVE_INFINITY),
        ProblemCode.USAGE,
        "budget_eur",
        "budget_eur must be a finite amount >= 0");
    rejects(
        b -> b.mineCeiling_eur(Double.NaN),
        ProblemCode.USAGE,
        "mine_ceiling_eur",
        "mine_ceiling_eur must be >= 0");
    rejects(b -> b.years(0), ProblemCode.USAGE, "years", "years must be within 1..50");
    rejects(b -> b.years(51), ProblemCode.USAGE, "years", "years must be within 1..50");
    rejects(
        b -> b.yearCeilings_eur(List.of(1.0, 2.0)),
        ProblemCode.USAGE,
        "year_ceilings_eur",
        "year_ceilings_eur needs one value per year (10), not 2");
    rejects(
        b -> b.years(2).yearCeilings_eur(List.of(1.0, -2.0)),
        ProblemCode.USAGE,
        "year_ceilings_eur",
        "year_ceilings_eur must be finite amounts >= 0");
    rejects(
        b -> b.capacity_hPerYear(0.0),
        ProblemCode.USAGE,
        "capacity_h_per_year",
        "capacity_h_per_year must be > 0");
    rejects(b -> b.timeLimit_s(0), ProblemCode.USAGE, "time_limit_s", "time_limit_s must be > 0");
    rejects(
        b -> b.timeLimit_s(1e9),
        ProblemCode.USAGE,
        "time_limit_s",
        "time_limit_s must be at most 86400 (a day)");
    rejects(b -> b.gap(-0.1), ProblemCode.USAGE, "gap", "gap must be >= 0");
    rejects(
        b -> b.routeLimitPct(1001),
        ProblemCode.USAGE,
        "route_limit_pct",
        "route_limit_pct must be within 0..1000");
    rejects(
        b -> b.belts_km(List.of(3.0, 201.0)),
        ProblemCode.USAGE,
        "belts_km",
        "belts_km values must be within (0, 200], not 201.0");
    rejects(
        b -> b.objectiveMode("furthest"),
        ProblemCode.USAGE,
        "objective_mode",
        "objective_mode must be each or nearest, not furthest");
    rejects(
        b -> b.weight("tracked", -1),
        ProblemCode.USAGE,
        "weights",
        "weights must be finite and >= 0: tracked=-1.0");
  }

  @Test
  void unknownClassesAndSeasonsAreBadInputNamingTheField() {
    rejects(
        b -> b.classes(List.of("tracked", "tanks")),
        ProblemCode.BAD_INPUT,
        "classes",
        "classes names an unknown vehicle class \"tanks\" (expected one of tracked, wheeled,"
            + " dismounted)");
    rejects(
        b -> b.seasons(List.of("spring")),
        ProblemCode.BAD_INPUT,
        "seasons",
        "seasons names an unknown season \"spring\" (expected one of dry, wet, frozen)");
    rejects(
        b -> b.weight("tanks", 2),
        ProblemCode.BAD_INPUT,
        "weights",
        "weights names an unknown vehicle class \"tanks\" (expected one of tracked, wheeled,"
            + " dismounted)");
  }

  @Test
  void eachDoorNamesTheFieldItsOwnWay() {
    SkydasProblem p = problem(b -> b.years(0));
    SkydasProblem cli = OptionProblems.named(p, null, f -> "--" + f.replace('_', '-'));
    assertThat(cli.getMessage()).isEqualTo("--years must be within 1..50");
    assertThat(cli.code()).isEqualTo(ProblemCode.USAGE);
    assertThat(cli.details()).containsEntry(OptionProblems.FIELD, "years");
    SkydasProblem json = OptionProblems.named(p, ProblemCode.BAD_INPUT, f -> f);
    assertThat(json.getMessage()).isEqualTo("years must be within 1..50");
    assertThat(json.code()).isEqualTo(ProblemCode.BAD_INPUT);
    // a problem without a field passes through
    SkydasProblem other = new SkydasProblem(ProblemCode.INFEASIBLE, "no way");
    assertThat(OptionProblems.named(other, ProblemCode.BAD_INPUT, f -> f)).isSameAs(other);
  }
}
