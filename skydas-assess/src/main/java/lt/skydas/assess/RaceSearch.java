package lt.skydas.assess;

import lt.skydas.core.geo.GridSpec;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.Gates;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;

/**
 * The attacker's search when some obstacles are laid or executed on warning (issue 15): such an
 * obstacle delays the attacker only if finished before the attacker reaches it. One search with the
 * obstacles as {@link Gates}: obstacle {@code o} acts iff {@code F(o) − W ≤ A(o)}, with {@code
 * F(o)} its finish after the warning, W the warning time and {@code A(o)} the attacker's reach of
 * it after crossing — the earliest arrival at one of its cells before the delays laid on warning
 * there, or at the start of one of the road pieces it cuts. The search gives the least
 * self-consistent answer (ADR 0012). Thread-safe (the calling thread's search state).
 */
public final class RaceSearch {
  private RaceSearch() {}

  /**
   * Runs the race for class {@code v} in season {@code s}.
   *
   * @param effects the whole plan located on the network, with its sensors' watch factors
   * @param onWarning per obstacle of the plan, whether it is laid or executed on warning (false:
   *     built in peacetime, it always acts)
   * @param threshold_s per obstacle laid on warning, {@code F(o) − W} in seconds (+Inf or NaN: it
   *     never acts; -Inf: it always does); ignored for the others
   */
  public static Outcome run(
      Assessor assessor,
      VehicleClass v,
      Season s,
      SpeedTable speeds,
      PlanEffects effects,
      boolean[] onWarning,
      double[] threshold_s) {
    return run(assessor, v, s, speeds, effects, onWarning, threshold_s, false);
  }

  /**
   * As above; {@code whole}: search the whole region (the reference for the search that stops at
   * the objectives and obstacles).
   */
  static Outcome run(
      Assessor assessor,
      VehicleClass v,
      Season s,
      SpeedTable speeds,
      PlanEffects effects,
      boolean[] onWarning,
      double[] threshold_s,
      boolean whole) {
    int n = effects.plan().obstacles().size();
    if (onWarning.length != n || threshold_s.length != n) {
      throw new IllegalArgumentException("one flag and one threshold per obstacle");
    }
    AssessmentRegion region = assessor.region();
    GridSpec g = region.grid();
    boolean[] built = new boolean[n];
    for (int o = 0; o < n; o++) {
      built[o] = !onWarning[o];
    }
    PlanEffects base = effects.withWatch(effects.watch().onlyWhere(built));
    AttackerSurfaces.Surface surface = assessor.surface(v, s, speeds);
    float[] friction = surface.friction();
    double[] edgeBase = surface.edgeBase();
    int edgeCount = assessor.topology().edgeCount();
    Gates.Builder gb = Gates.builder(g.cellCount(), edgeCount);
    int[] gateOf = new int[n];
    for (int o = 0; o < n; o++) {
      gateOf[o] =
          onWarning[o]
              ? gb.add(
                  threshold_s[o],
                  effects.cells(o),
                  effects.crossingDelay_s(o, v),
                  effects.edges(o),
                  effects.roadDelay_s(o, v))
              : -1;
    }
    CostDistanceSearch search =
        assessor.search(
            2,
            Assessor.grid(g, friction, base.penalties(g.cellCount(), v, -1)),
            assessor.topology().withCosts(base.edgeCosts(edgeBase, v, -1)));
    Gates gates = gb.build();
    Query from = Query.from(region.attackerStartCells()).withoutPaths();
    // stop once the objectives and every obstacle are settled; a gate reached but left undecided
    // (a cut road whose source settled last) needs the search to go on: run it whole
    search.run(whole ? from : from.withTargetGroups(SettleGroups.of(assessor, effects)), gates);
    for (int o = 0; o < n && !whole; o++) {
      if (gateOf[o] >= 0 && search.gatePending(gateOf[o])) {
        search.run(from, gates);
        break;
      }
    }
    double[] at = new double[n];
    boolean[] acted = new boolean[n];
    boolean[] reached = new boolean[n];
    for (int o = 0; o < n; o++) {
      if (gateOf[o] >= 0) {
        at[o] = search.gateReach(gateOf[o]);
        acted[o] = search.gateActive(gateOf[o]);
        reached[o] = search.gateDecided(gateOf[o]);
      } else {
        double best = Double.POSITIVE_INFINITY;
        for (int c : effects.cells(o)) {
          best = Math.min(best, search.cost(c));
        }
        for (int e : effects.edges(o)) {
          best = Math.min(best, search.cost(assessor.edgeSource(e)));
        }
        at[o] = best;
        acted[o] = true;
        reached[o] = best < Double.POSITIVE_INFINITY;
      }
    }
    return new Outcome(assessor.objectiveTimes(search), at, acted, reached);
  }

  /**
   * A race's search.
   *
   * @param objective_s time to each objective (assessor's order), s after crossing, +Inf unreached
   * @param obstacle_s per obstacle: laid on warning, its reach {@code A(o)}; built, the earliest
   *     arrival at it (as {@link Assessor#arrivals}); +Inf where never reached
   * @param acted per obstacle, whether it delayed the attacker (always for built ones)
   * @param reached per obstacle, whether the attacker got to it
   */
  public record Outcome(
      double[] objective_s, double[] obstacle_s, boolean[] acted, boolean[] reached) {}
}
