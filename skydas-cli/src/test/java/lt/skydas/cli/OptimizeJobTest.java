package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.OptimizeOptions;
import lt.skydas.optimize.OptionProblems;
import org.junit.jupiter.api.Test;

/**
 * The server's optimize job reads its JSON parameters into the optimiser's validated options, and a
 * bad parameter fails naming its JSON field (not the command line's option).
 */
class OptimizeJobTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static OptimizeOptions options(String json) throws Exception {
    return OptimizeJob.options(JSON.readTree(json));
  }

  static SkydasProblem problem(String json) {
    return catchThrowableOfType(SkydasProblem.class, () -> options(json));
  }

  @Test
  void theParametersBecomeTheOptions() throws Exception {
    OptimizeOptions o =
        options(
            "{\"budget_eur\": 2e6, \"mine_ceiling_eur\": 1e6, \"years\": 2, \"time_limit_s\": 30,"
                + " \"classes\": [\"tracked\"], \"seasons\": []}");
    assertThat(o.programme().total_eur()).isEqualTo(2e6);
    assertThat(o.programme().mines_eur()).isEqualTo(1e6);
    assertThat(o.programme().yearCeilings_eur()).containsExactly(1e6, 1e6);
    assertThat(o.timeLimit_s()).isEqualTo(30);
    // the policy is the server's registry's, never the job's
    assertThat(o.policy()).isEqualTo(lt.skydas.plan.PlanPolicy.DEFAULT);
    lt.skydas.plan.PlanPolicy held = new lt.skydas.plan.PlanPolicy(true, 800);
    assertThat(OptimizeJob.options(JSON.readTree("{}"), held).policy()).isEqualTo(held);
    assertThat(o.classes()).containsExactly(VehicleClass.TRACKED);
    assertThat(o.seasons()).containsExactly(Season.values()); // empty: the default
    assertThat(options("{}").programme().years()).isEqualTo(10);
  }

  @Test
  void aBadParameterIsBadInputNamingItsJsonField() {
    SkydasProblem years = problem("{\"years\": 0}");
    assertThat(years.code()).isEqualTo(ProblemCode.BAD_INPUT);
    assertThat(years.getMessage()).isEqualTo("years must be within 1..50");
    assertThat(years.details()).containsEntry(OptionProblems.FIELD, "years");
    SkydasProblem budget = problem("{\"budget_eur\": -5}");
    assertThat(budget.getMessage()).isEqualTo("budget_eur must be a finite amount >= 0");
    assertThat(budget.details()).containsEntry(OptionProblems.FIELD, "budget_eur");
    assertThat(problem("{\"time_limit_s\": 0}").getMessage()).isEqualTo("time_limit_s must be > 0");
    for (String gone : new String[] {"civilian_buffer_m", "ap_mines_enabled", "policy"}) {
      SkydasProblem p = problem("{\"" + gone + "\": 1}");
      assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT);
      assertThat(p.getMessage())
          .startsWith(gone + ": a job cannot choose its humanitarian policy")
          .contains("PUT /api/policy");
      assertThat(p.details()).containsEntry("field", gone);
    }
    assertThat(problem("{\"years\": \"ten\"}").getMessage()).isEqualTo("years must be a number");
    assertThat(problem("{\"years\": 2.5}").getMessage()).isEqualTo("years must be a whole number");
    SkydasProblem cls = problem("{\"classes\": [\"tanks\"]}");
    assertThat(cls.code()).isEqualTo(ProblemCode.BAD_INPUT);
    assertThat(cls.getMessage()).startsWith("classes names an unknown vehicle class \"tanks\"");
    assertThat(cls.details()).containsEntry(OptionProblems.FIELD, "classes");
    // the joint region's terms: a budget per country and a minimum corridor margin
    assertThat(problem("{\"country_budgets_eur\": [1]}").getMessage())
        .startsWith("country_budgets_eur must be an object of amounts by country");
    assertThat(problem("{\"country_budgets_eur\": {\"LT\": \"much\"}}").getMessage())
        .isEqualTo("country_budgets_eur must be an amount for LT");
    assertThat(problem("{\"country_budgets_eur\": {\"Lietuva\": 1}}").details())
        .containsEntry(OptionProblems.FIELD, "country_budgets_eur");
    assertThat(problem("{\"min_corridor_margin_h\": 99}").getMessage())
        .isEqualTo("min_corridor_margin_h must be hours within -48..48");
  }

  @Test
  void theJointRegionsTermsBecomeTheOptions() throws Exception {
    OptimizeOptions o =
        options(
            "{\"country_budgets_eur\": {\"PL\": 4e8, \"LT\": 6e8}, \"min_corridor_margin_h\": -0.5}");
    assertThat(o.programme().ceilings().byCountry_eur())
        .containsExactly(java.util.Map.entry("LT", 6e8), java.util.Map.entry("PL", 4e8));
    assertThat(o.minCorridorMargin_h()).isEqualTo(-0.5);
  }

  @Test
  void theCommandLineNamesTheSameProblemByItsOption() {
    ProgrammeOptions cli = new ProgrammeOptions();
    cli.years = 0;
    SkydasProblem p = catchThrowableOfType(SkydasProblem.class, cli::options);
    assertThat(p.code()).isEqualTo(ProblemCode.USAGE);
    assertThat(p.getMessage()).isEqualTo("--years must be within 1..50");
    assertThat(p.details()).containsEntry(OptionProblems.FIELD, "years");
  }

  @Test
  void aMinimumWarningIsReadAndABadOneNamesItsField() throws Exception {
    ProtectArgs all = OptimizeJob.extras(JSON.readTree("{\"min_warning_h\": 1.5}"));
    assertThat(all.warning(java.util.List.of("vilnius"), null).required_h("vilnius"))
        .isEqualTo(1.5);
    ProtectArgs one = OptimizeJob.extras(JSON.readTree("{\"min_warning_h\": {\"vilnius\": 2}}"));
    var w = one.warning(java.util.List.of("vilnius", "kaunas"), null);
    assertThat(w.required_h("vilnius")).isEqualTo(2);
    assertThat(w.required_h("kaunas")).isZero();
    for (String bad :
        java.util.List.of(
            "{\"min_warning_h\": {\"atlantis\": 1}}",
            "{\"min_warning_h\": 99}",
            "{\"min_warning_h\": \"soon\"}",
            "{\"min_warning_h\": {\"vilnius\": \"2\"}}")) {
      SkydasProblem p =
          catchThrowableOfType(SkydasProblem.class, () -> OptimizeJob.extras(JSON.readTree(bad)));
      assertThat(p.code()).as(bad).isEqualTo(ProblemCode.BAD_INPUT);
      assertThat(p.details()).as(bad).containsEntry(OptionProblems.FIELD, "min_warning_h");
    }
    assertThat(
            catchThrowableOfType(
                    SkydasProblem.class,
                    () ->
                        OptimizeJob.extras(JSON.readTree("{\"min_warning_h\": {\"atlantis\": 1}}")))
                .getMessage())
        .isEqualTo(
            "min_warning_h names an unknown objective \"atlantis\" (objectives: "
                + String.join(
                    ", ",
                    lt.skydas.assess.ObjectivesReader.defaults().stream()
                        .map(lt.skydas.assess.Objective::id)
                        .toList())
                + ")");
  }

  @Test
  void aMinimumWarningNamesTheServedRegionsObjectives(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(
        dir.resolve(lt.skydas.region.Region.DEFINITION_FILE),
        """
        {"format": "skydas-region/1", "id": "test", "name": "Test", "home": ["LT"],
         "crs": "EPSG:3346", "hostile_borders": ["LT-BY"],
         "objectives": {"type": "FeatureCollection", "features": [
           {"type": "Feature", "id": "town", "properties": {"name": "Town"},
            "geometry": {"type": "Point", "coordinates": [25.0, 54.6]}}]}}
        """);
    RegionOptions served = new RegionOptions();
    served.pack = dir;
    OptimizeJob job = new OptimizeJob(served, () -> lt.skydas.plan.PlanPolicy.DEFAULT);
    job.validate(JSON.readTree("{\"min_warning_h\": {\"town\": 1}}"));
    SkydasProblem p =
        catchThrowableOfType(
            SkydasProblem.class,
            () -> job.validate(JSON.readTree("{\"min_warning_h\": {\"vilnius\": 1}}")));
    assertThat(p.getMessage())
        .isEqualTo("min_warning_h names an unknown objective \"vilnius\" (objectives: town)");
    assertThat(OptimizeJob.objectiveIds(new RegionOptions())).contains("vilnius", "klaipeda");
  }
}
