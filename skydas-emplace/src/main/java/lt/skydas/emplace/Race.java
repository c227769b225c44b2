package lt.skydas.emplace;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Assessor.Arrivals;
import lt.skydas.assess.PlanEffects;
import lt.skydas.assess.RaceSearch;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;

/**
 * The race between the teams laying obstacles and the attacker reaching them, for one case (vehicle
 * class and season) and one warning time: which obstacles are in place when the attacker arrives at
 * them.
 *
 * <p><b>Rule.</b> A permanent obstacle is always in place. A reserved or crisis-laid obstacle
 * {@code o} finished at {@code F(o)} (seconds after the warning) counts iff {@code F(o) − W ≤ A(o,
 * S)}, where W is the warning time and {@code A(o, S)} the attacker's reach of o (seconds after
 * crossing: the earliest arrival at one of its cells before the delays laid on warning there, or at
 * the start of a road piece it cuts) when exactly the obstacles of S act — and S is the set that
 * counts.
 *
 * <p><b>Solution: the least fixed point, in one search.</b> {@code A(o, S)} never decreases as S
 * grows (delays are non-negative), so iterating {@code S_{k+1} = S_k ∪ {o : F(o) − W ≤ A(o, S_k)}}
 * from the permanent obstacles climbs to the least set satisfying the rule in at most n + 1 rounds
 * (n obstacles laid on warning): each round that goes on adds one. The rounds are not run: {@link
 * RaceSearch} decides each obstacle inside one Dijkstra search at the moment its reach is final —
 * the reach does not depend on the obstacle's own delay, and a later arrival at an obstacle never
 * leaves it earlier — which gives exactly that least fixed point ({@code GatesTest} checks it
 * against the iteration on 600 random problems, {@code RaceTest} against a brute force over every
 * set). <i>Sound</i>: no obstacle counts before it is finished. <i>Least</i>: it counts nothing a
 * self-consistent answer would not. <i>Monotone in W and F</i>: more warning, or the same schedule
 * finishing no later, only adds to every round's set, so the delay never drops (the property test
 * checks this).
 *
 * <p>Thread-safe if the assessor is (it is).
 */
final class Race {
  private final Assessor assessor;
  private final SpeedTable speeds;
  private final PlanEffects effects;
  private final boolean[] permanent;
  private final boolean[] onWarning;

  /** Per case, the search with every obstacle in place (long warning times all meet it). */
  private final Map<Key, RaceSearch.Outcome> allIn = new ConcurrentHashMap<>();

  /** Per case, the races searched so far (a curve meets them again). */
  private final Map<Key, List<RaceSearch.Outcome>> searched = new ConcurrentHashMap<>();

  /**
   * Per case, the races searched so far by their final set (what a round of the iteration needs).
   */
  private final Map<Key, Map<BitSet, RaceSearch.Outcome>> bySet = new ConcurrentHashMap<>();

  /** Races searched so far (all cases). */
  private final java.util.concurrent.atomic.AtomicInteger searchesRun =
      new java.util.concurrent.atomic.AtomicInteger();

  private record Key(VehicleClass v, Season s) {}

  /**
   * @param effects the whole plan located on the network, with its sensors' watch factors
   * @param permanent per obstacle of the plan, whether it is built in peacetime
   */
  Race(Assessor assessor, SpeedTable speeds, PlanEffects effects, boolean[] permanent) {
    this.assessor = assessor;
    this.speeds = speeds;
    this.effects = effects;
    this.permanent = permanent.clone();
    this.onWarning = new boolean[permanent.length];
    for (int o = 0; o < permanent.length; o++) {
      onWarning[o] = !permanent[o];
    }
  }

  /** The attacker's arrivals with the permanent obstacles alone (no obstacle laid on warning). */
  Arrivals permanentOnly(VehicleClass v, Season s) {
    return assessor.arrivals(v, s, speeds, effects.withWatch(effects.watch().onlyWhere(permanent)));
  }

  /**
   * Runs the race: one search, or none when the permanent-only arrivals decide it (nothing can be
   * finished in time, or everything is finished before the attacker could possibly come).
   *
   * @param start the arrivals with the permanent obstacles alone ({@link #permanentOnly}): a lower
   *     bound on every reach
   * @param finish_s per obstacle, when it is finished after the warning (+Inf: never; ignored for
   *     permanent obstacles)
   */
  Outcome run(VehicleClass v, Season s, Arrivals start, double[] finish_s, double warning_s) {
    int n = permanent.length;
    double[] threshold = new double[n];
    boolean everything = true;
    boolean nothing = true;
    for (int o = 0; o < n; o++) {
      if (!permanent[o]) {
        threshold[o] = finish_s[o] - warning_s;
        // round 1 of the iteration: against the permanent obstacles alone
        boolean first = threshold[o] <= start.obstacle_s()[o];
        everything &= first;
        nothing &= !first || start.obstacle_s()[o] == Double.POSITIVE_INFINITY;
      }
    }
    RaceSearch.Outcome r;
    int searches = 0;
    if (nothing) {
      boolean[] reached = new boolean[n];
      for (int o = 0; o < n; o++) {
        reached[o] = start.obstacle_s()[o] < Double.POSITIVE_INFINITY;
      }
      r = new RaceSearch.Outcome(start.objective_s(), start.obstacle_s(), permanent, reached);
    } else if (everything) {
      Key key = new Key(v, s);
      r = allIn.get(key);
      if (r == null) {
        double[] always = new double[n];
        Arrays.fill(always, Double.NEGATIVE_INFINITY);
        r = RaceSearch.run(assessor, v, s, speeds, effects, onWarning, always);
        allIn.put(key, r);
        searched.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(r);
        searches = 1;
        searchesRun.incrementAndGet();
      }
    } else {
      Key key = new Key(v, s);
      r = reuse(key, threshold);
      if (r == null) {
        r = iterate(key, start, threshold);
      }
      if (r == null) {
        r = RaceSearch.run(assessor, v, s, speeds, effects, onWarning, threshold);
        searches = 1;
        searchesRun.incrementAndGet();
        searched.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(r);
        bySet.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(acting(r), r);
      }
    }
    boolean[] in = new boolean[n];
    double[] arrivedAt = new double[n];
    for (int o = 0; o < n; o++) {
      in[o] =
          permanent[o] || (r.reached()[o] ? r.acted()[o] : finish_s[o] < Double.POSITIVE_INFINITY);
      arrivedAt[o] = permanent[o] ? Double.NaN : r.obstacle_s()[o];
    }
    return new Outcome(in, arrivedAt, r.objective_s(), searches);
  }

  /** Races searched so far, over all cases and warning times (the rest were answered without). */
  int searchesRun() {
    return searchesRun.get();
  }

  /**
   * The iteration's rounds as far as earlier races answer them: round 1 against the permanent
   * obstacles alone, then each round against the race searched before whose final set is the
   * round's set (its arrivals are exactly those with that set acting). A round that adds nothing is
   * the least fixed point: that race is the answer. Null when a round's set was never searched.
   */
  private RaceSearch.Outcome iterate(Key key, Arrivals start, double[] threshold) {
    Map<BitSet, RaceSearch.Outcome> known = bySet.get(key);
    if (known == null) {
      return null;
    }
    BitSet set = new BitSet();
    for (int o = 0; o < threshold.length; o++) {
      if (!permanent[o]
          && start.obstacle_s()[o] < Double.POSITIVE_INFINITY
          && threshold[o] <= start.obstacle_s()[o]) {
        set.set(o);
      }
    }
    for (int round = 0; round <= threshold.length; round++) {
      RaceSearch.Outcome r = known.get(set);
      if (r == null) {
        return null;
      }
      BitSet next = new BitSet();
      for (int o = 0; o < threshold.length; o++) {
        if (!permanent[o] && r.reached()[o] && threshold[o] <= r.obstacle_s()[o]) {
          next.set(o);
        }
      }
      if (next.equals(set)) {
        return r;
      }
      set = next;
    }
    return null;
  }

  /** The obstacles laid on warning that acted in a race (reached, finished in time). */
  private BitSet acting(RaceSearch.Outcome r) {
    BitSet b = new BitSet();
    for (int o = 0; o < permanent.length; o++) {
      if (!permanent[o] && r.reached()[o] && r.acted()[o]) {
        b.set(o);
      }
    }
    return b;
  }

  /**
   * A race searched before whose answer is also this one's, or null. The search decides each gate
   * at its reach, in order of reach, and a decision depends only on the gate's threshold and its
   * reach ({@code θ(o) ≤ A(o)}); everything else the search does follows from the decisions made
   * before. So if every obstacle that race decided would be decided the same way under the
   * thresholds now (its reach there against the threshold now), a search now would retrace it step
   * by step — same reaches, same decisions, same stop — and give the same outcome. No ordering
   * between the old and new thresholds is needed: a curve's fresh schedule at a later warning time
   * finishes some obstacles later and others earlier, and still meets earlier races.
   */
  private RaceSearch.Outcome reuse(Key key, double[] threshold) {
    List<RaceSearch.Outcome> list = searched.get(key);
    if (list == null) {
      return null;
    }
    next:
    for (RaceSearch.Outcome r : list) {
      for (int o = 0; o < threshold.length; o++) {
        if (permanent[o] || !r.reached()[o]) {
          continue;
        }
        if ((threshold[o] <= r.obstacle_s()[o]) != r.acted()[o]) {
          continue next;
        }
      }
      return r;
    }
    return null;
  }

  /**
   * A race's result.
   *
   * @param inPlace per obstacle, whether it counts
   * @param arrival_s per reserved or crisis-laid obstacle, the attacker's reach of it with the
   *     final set in place, +Inf if never reached (NaN for permanent ones)
   * @param objective_s time to each objective with the final set, s after crossing
   * @param searches forward searches run (0 or 1: none when the permanent-only arrivals decide or
   *     the all-in-place search was done before)
   */
  record Outcome(boolean[] inPlace, double[] arrival_s, double[] objective_s, int searches) {}
}
