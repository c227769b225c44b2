package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Objective;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.optimize.BarrierOptimizer.SiteEdits;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.optimize.solve.ModelObjective;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.PlanPolicy;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The pipeline's steps one by one, on the hand-made corridor graphs of {@link ModelFactoryTest}
 * (one site s0 that can take an anti-tank ditch; two objectives; tracked and wheeled, dry and wet)
 * and hand-made sites: no region is loaded.
 */
class PipelineStepsTest {
  static final ObstacleCatalog CATALOG = ObstacleCatalog.defaults();
  static final GeometryFactory GF = new GeometryFactory();

  static Candidate candidate(String id, String... types) {
    return new Candidate(
        id,
        Candidate.Kind.CORRIDOR,
        3000,
        GF.createLineString(
            new Coordinate[] {
              new Coordinate(560_000, 6_050_000), new Coordinate(560_000, 6_051_000)
            }),
        List.of(types));
  }

  static SiteEdits edits(Map<String, String> pinned, Set<String> existing) {
    return new SiteEdits(List.of(candidate("s0", "at_ditch")), pinned, existing, List.of());
  }

  static Sites s0() {
    return Sites.of(List.of(candidate("s0", "at_ditch")), CATALOG);
  }

  static OptimizeOptions options(Programme p) {
    return OptimizeOptions.defaults().withProgramme(p);
  }

  // --- restrict friendly routes

  @Test
  void sitesOnAFriendlyRouteOfferOnlyObstaclesThatOpen() {
    Sites sites =
        Sites.of(
            List.of(
                candidate("road", "at_ditch", "road_control_point"),
                candidate("off", "at_ditch", "road_control_point"),
                candidate("standing", "at_ditch", "road_control_point")),
            CATALOG);
    SiteEdits e =
        new SiteEdits(
            List.of(), Map.of("standing", "at_ditch"), Set.of("standing"), List.of("edited"));
    FriendlyRoutes.Restricted r = FriendlyRoutes.restrict(sites, Set.of(0, 2), e, CATALOG);
    assertThat(r.sites().get(0).types())
        .extracting(t -> t.id())
        .containsExactly("road_control_point");
    assertThat(r.sites().get(1).types()).hasSize(2);
    // an obstacle that stands already is part of the measured route: left as it is
    assertThat(r.sites().get(2).types()).hasSize(2);
    assertThat(r.notes()).singleElement().asString().startsWith("2 sites lie on a friendly");
    assertThat(r.sites().indexById()).containsEntry("off", 1);
    assertThat(FriendlyRoutes.restrict(sites, Set.of(), e, CATALOG).notes()).isEmpty();
  }

  @Test
  void aPinThatDoesNotOpenOnAFriendlyRouteIsInfeasible() {
    Sites sites = Sites.of(List.of(candidate("road", "at_ditch", "road_control_point")), CATALOG);
    SiteEdits e = new SiteEdits(List.of(), Map.of("road", "at_ditch"), Set.of(), List.of());
    assertThatThrownBy(() -> FriendlyRoutes.restrict(sites, Set.of(0), e, CATALOG))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.INFEASIBLE))
        .hasMessageContaining("pinned at_ditch at road stands on a friendly reinforcement route");
  }

  // --- build the model

  @Test
  void theModelForcesPinsAndCountsExistingObstaclesAtNoCost() {
    CorridorGraphs g = ModelFactoryTest.each(ModelFactoryTest.ARCS);
    Programme p = Programme.defaults();
    ModelFactory.Built pinned =
        ModelStep.build(s0(), g, edits(Map.of("s0", "at_ditch"), Set.of()), options(p));
    BarrierModel.Option o = pinned.model().options().get(0);
    assertThat(o.forced()).isTrue();
    assertThat(o.cost_eur())
        .isEqualTo(ModelFactory.budgetCost_eur(pinned.obstacles().get(0), p))
        .isPositive();
    ModelFactory.Built standing =
        ModelStep.build(s0(), g, edits(Map.of("s0", "at_ditch"), Set.of("s0")), options(p));
    assertThat(standing.model().options().get(0).cost_eur()).isZero();
    assertThat(standing.existing()).containsExactly(true);
    assertThat(ModelStep.build(s0(), g, edits(Map.of(), Set.of()), options(p)).model().options())
        .singleElement()
        .satisfies(x -> assertThat(x.forced()).isFalse());
  }

  @Test
  void aBudgetTooSmallForAnyObstacleIsInfeasibleNamingTheBudget() {
    CorridorGraphs g = ModelFactoryTest.each(ModelFactoryTest.ARCS);
    OptimizeOptions tiny = options(Programme.evenly(1000, 1000, 1, Double.POSITIVE_INFINITY));
    assertThatThrownBy(() -> ModelStep.build(s0(), g, edits(Map.of(), Set.of()), tiny))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("the total budget is too small for any obstacle")
        .hasMessageContaining("at_ditch at s0");
    // money enough in all, but no year pays for the ditch: the yearly ceiling is named
    double[] years = new double[50];
    java.util.Arrays.fill(years, 100_000);
    OptimizeOptions poorYears =
        options(new Programme(1e9, 8e8, years, Double.POSITIVE_INFINITY, true));
    assertThatThrownBy(() -> ModelStep.build(s0(), g, edits(Map.of(), Set.of()), poorYears))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("the largest yearly ceiling is too small for any obstacle")
        .hasMessageContaining("at_ditch at s0");
  }

  // --- solve and phase

  /** Chooses every option; phasing leaves the given options unscheduled. */
  record FakeSolver(List<Integer> unscheduled) implements ModelSolver {
    @Override
    public Solved solve(BarrierModel m, double limit, double gap, int threads, Progress p) {
      boolean[] all = new boolean[m.options().size()];
      java.util.Arrays.fill(all, true);
      return new Solved(all, 1, 2, "OPTIMAL", "fake", 0, 0);
    }

    @Override
    public double[] scenarioTimes(BarrierModel m, boolean[] chosen) {
      return new OrToolsModelSolver().scenarioTimes(m, chosen);
    }

    @Override
    public double objective(BarrierModel m, boolean[] chosen) {
      return new OrToolsModelSolver().objective(m, chosen);
    }

    @Override
    public Phased phase(
        BarrierModel m, boolean[] chosen, Programme p, double[] effort_h, boolean[] existing) {
      int[] year = new int[m.options().size()];
      java.util.Arrays.fill(year, 1);
      unscheduled.forEach(o -> year[o] = -1);
      return new Phased(year, new double[] {0}, new double[] {0}, unscheduled);
    }
  }

  @Test
  void aChosenOptionThatFitsNoYearIsLeftOutAndNamed() {
    ModelFactory.Built built =
        ModelStep.build(
            s0(),
            ModelFactoryTest.each(ModelFactoryTest.ARCS),
            edits(Map.of(), Set.of()),
            options(Programme.defaults()));
    SolveStep.Solution s =
        SolveStep.run(
            new FakeSolver(List.of(0)), built, options(Programme.defaults()), Progress.NONE);
    assertThat(s.solved().chosen()).containsExactly(true);
    assertThat(s.built()).containsExactly(false);
    assertThat(s.unscheduled()).containsExactly("s0 at_ditch");
    assertThat(s.solved().bound()).isEqualTo(2);
  }

  @Test
  void aPinThatFitsNoYearIsInfeasible() {
    OptimizeOptions opt = options(Programme.defaults());
    ModelFactory.Built built =
        ModelStep.build(
            s0(),
            ModelFactoryTest.each(ModelFactoryTest.ARCS),
            edits(Map.of("s0", "at_ditch"), Set.of()),
            opt);
    assertThatThrownBy(() -> SolveStep.run(new FakeSolver(List.of(0)), built, opt, Progress.NONE))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("pinned at_ditch at s0 fits in no programme year");
  }

  // --- make the plan

  @Test
  void thePlanHoldsTheBuiltOptionsWithTheirYearsAndStatus() {
    OptimizeOptions opt = options(Programme.defaults());
    CorridorGraphs g = ModelFactoryTest.each(ModelFactoryTest.ARCS);
    ModelFactory.Built chosen = ModelStep.build(s0(), g, edits(Map.of(), Set.of()), opt);
    PlanStep.MadePlan made =
        PlanStep.make(
            chosen,
            new boolean[] {true},
            new int[] {3},
            PlanPolicy.DEFAULT,
            lt.skydas.core.geo.Crs.lks94());
    BarrierPlan plan = made.plan();
    assertThat(plan.obstacles())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.id()).isEqualTo("s0");
              assertThat(o.type().id()).isEqualTo("at_ditch");
              assertThat(o.year()).isEqualTo(3);
              assertThat(o.geometry_wgs84().getCoordinate().x).isBetween(20.0, 28.0);
            });
    assertThat(made.fixedStatus()).isEmpty();
    assertThat(made.notes()).isEmpty();
    assertThat(
            PlanStep.make(
                    chosen,
                    new boolean[] {false},
                    new int[] {-1},
                    PlanPolicy.DEFAULT,
                    lt.skydas.core.geo.Crs.lks94())
                .plan()
                .obstacles())
        .isEmpty();

    ModelFactory.Built standing =
        ModelStep.build(s0(), g, edits(Map.of("s0", "at_ditch"), Set.of("s0")), opt);
    PlanStep.MadePlan withExisting =
        PlanStep.make(
            standing,
            new boolean[] {true},
            new int[] {0},
            PlanPolicy.DEFAULT,
            lt.skydas.core.geo.Crs.lks94());
    assertThat(withExisting.plan().obstacles().get(0).year()).isZero();
    assertThat(withExisting.fixedStatus()).containsEntry("s0", OptimizationResult.EXISTING);
    assertThat(withExisting.notes())
        .singleElement()
        .asString()
        .startsWith("1 existing obstacle (EUR ")
        .endsWith("in the plan at no cost");
  }

  // --- verify on the full model

  static final List<Objective> OBJECTIVES =
      List.of(
          new Objective("vilnius", "Vilnius", GF.createPoint(new Coordinate(0, 0)), 0),
          new Objective("suwalki", "Suwałki", GF.createPoint(new Coordinate(0, 0)), 0));

  /** A verification whose times are the given per-scenario times (scenario = case × target). */
  static AssessmentResult verification(
      ModelFactory.Built built, CorridorGraphs g, double[] base, double[] plan) {
    List<AssessmentResult.Case> cases = new ArrayList<>();
    for (int k = 0; k < g.cases().size(); k++) {
      List<AssessmentResult.ObjectiveTime> times = new ArrayList<>();
      for (int i = 0; i < built.scenarioCase().length; i++) {
        if (built.scenarioCase()[i] == k) {
          String id = g.targets().get(built.scenarioTarget()[i]).id();
          times.add(new AssessmentResult.ObjectiveTime(id, base[i], plan[i]));
        }
      }
      CorridorGraphs.Case c = g.cases().get(k);
      cases.add(
          new AssessmentResult.Case(c.vehicle(), c.season(), times, List.of(), null, Map.of(), 0));
    }
    return new AssessmentResult("test", null, OBJECTIVES, cases, List.of(), List.of(), 0);
  }

  @Test
  void theVerifiedObjectiveIsTheModelsObjectiveOnTheVerifiedTimes() {
    CorridorGraphs g = ModelFactoryTest.each(ModelFactoryTest.ARCS);
    ModelFactory.Built built =
        ModelStep.build(s0(), g, edits(Map.of(), Set.of()), options(Programme.defaults()));
    BarrierModel m = built.model();
    ModelSolver solver = new OrToolsModelSolver();
    boolean[] ditch = {true};
    double[] plan = solver.scenarioTimes(m, ditch);
    double[] empty = solver.scenarioTimes(m, new boolean[1]);
    // a full model that agrees with the graph: the two objectives agree exactly
    VerifyStep.Compared same =
        VerifyStep.compare(
            built,
            g,
            OBJECTIVES,
            ObjectiveMode.EACH,
            verification(built, g, empty, plan),
            plan,
            empty);
    assertThat(same.verifiedObjective()).isEqualTo(solver.objective(m, ditch));
    assertThat(same.verifiedEmptyObjective()).isEqualTo(ModelObjective.of(m).value(empty));
    assertThat(same.verifiedObjective()).isGreaterThan(same.verifiedEmptyObjective());
    // per case the time to the nearest objective, model beside verified
    assertThat(same.cases()).hasSize(4);
    for (OptimizationResult.CaseTimes c : same.cases()) {
      assertThat(c.verifiedPlan_s()).as(c.caseId()).isEqualTo(c.modelPlan_s());
      assertThat(c.verifiedBaseline_s()).as(c.caseId()).isEqualTo(c.modelBaseline_s());
    }
    assertThat(same.objectiveTimes())
        .hasSize(8)
        .allMatch(OptimizationResult.ObjectiveTimes::modelled);
    // a full model 10 % slower with the plan: the verified objective follows the times
    double[] slower = plan.clone();
    for (int i = 0; i < slower.length; i++) {
      slower[i] *= 1.1;
    }
    VerifyStep.Compared slow =
        VerifyStep.compare(
            built,
            g,
            OBJECTIVES,
            ObjectiveMode.EACH,
            verification(built, g, empty, slower),
            plan,
            empty);
    assertThat(slow.verifiedObjective()).isEqualTo(ModelObjective.of(m).value(slower));
    assertThat(slow.verifiedObjective()).isGreaterThan(same.verifiedObjective());
  }
}
