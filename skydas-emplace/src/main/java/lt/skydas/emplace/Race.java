package lt.skydas.emplace;

import java.util.Arrays;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Assessor.Arrivals;
import lt.skydas.assess.PlanEffects;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;

/**
 * The race between the teams laying obstacles and the attacker reaching them, for one case (vehicle
 * class and season) and one warning time: which obstacles are in place when the attacker arrives at
 * them.
 *
 * <p><b>Rule.</b> A permanent obstacle is always in place. A reserved or crisis-laid obstacle
 * {@code o} finished at {@code F(o)} (seconds after the warning) counts iff {@code F(o) ≤ W + A(o,
 * S)}, where W is the warning time and {@code A(o, S)} the attacker's earliest arrival at o
 * (seconds after crossing) when exactly the obstacles of S act — and S is the set that counts.
 *
 * <p><b>Solution: least fixed point by monotone iteration.</b> Start with {@code S₀} = the
 * permanent obstacles; {@code S_{k+1} = S_k ∪ {o : F(o) ≤ W + A(o, S_k)}}; stop when nothing is
 * added. <i>Terminates</i>: each round that goes on adds at least one of the finitely many
 * obstacles, so there are at most n + 1 rounds (n reserved and crisis-laid obstacles) and at most n
 * forward searches. <i>Sound</i>: delays are non-negative, so {@code A(o, S)} never decreases as S
 * grows; an obstacle added in round k was finished before the attacker could reach it under {@code
 * S_k ⊆ S}, hence also under the final S — no obstacle counts before it is finished. <i>Least</i>:
 * by induction every {@code S_k} lies inside any set that satisfies the rule, so the result counts
 * nothing a self-consistent answer would not. <i>Monotone in W and F</i>: more warning, or the same
 * schedule finishing no later, only adds to every {@code S_k}, so the delay never drops (the
 * property test checks this).
 *
 * <p>Thread-safe if the assessor is (it is).
 */
final class Race {
  private final Assessor assessor;
  private final SpeedTable speeds;
  private final PlanEffects effects;
  private final boolean[] permanent;

  /**
   * Arrivals already searched, by case and set in place (a delay curve meets the same sets again:
   * at long warning times everything is in place). Values are never changed once stored.
   */
  private final java.util.Map<Key, Arrivals> memo = new java.util.concurrent.ConcurrentHashMap<>();

  private record Key(VehicleClass v, Season s, java.util.BitSet in) {}

  /**
   * @param effects the whole plan located on the network, with its sensors' watch factors
   * @param permanent per obstacle of the plan, whether it is built in peacetime
   */
  Race(Assessor assessor, SpeedTable speeds, PlanEffects effects, boolean[] permanent) {
    this.assessor = assessor;
    this.speeds = speeds;
    this.effects = effects;
    this.permanent = permanent.clone();
  }

  /** The attacker's arrivals with the permanent obstacles alone (round 0 of every race). */
  Arrivals permanentOnly(VehicleClass v, Season s) {
    return assessor.arrivals(v, s, speeds, only(permanent));
  }

  /**
   * Runs the race.
   *
   * @param start the arrivals with the permanent obstacles alone ({@link #permanentOnly})
   * @param finish_s per obstacle, when it is finished after the warning (+Inf: never; ignored for
   *     permanent obstacles)
   */
  Outcome run(VehicleClass v, Season s, Arrivals start, double[] finish_s, double warning_s) {
    boolean[] in = permanent.clone();
    double[] arrivedAt = new double[in.length];
    Arrays.fill(arrivedAt, Double.NaN);
    Arrivals now = start;
    int searches = 0;
    while (true) {
      boolean added = false;
      for (int o = 0; o < in.length; o++) {
        if (!in[o] && finish_s[o] <= warning_s + now.obstacle_s()[o]) {
          in[o] = true;
          arrivedAt[o] = now.obstacle_s()[o];
          added = true;
        }
      }
      if (!added) {
        break;
      }
      Key key = new Key(v, s, bits(in));
      Arrivals cached = memo.get(key);
      if (cached == null) {
        cached = assessor.arrivals(v, s, speeds, only(in));
        memo.put(key, cached);
        searches++;
      }
      now = cached;
    }
    for (int o = 0; o < in.length; o++) {
      if (!permanent[o]) {
        arrivedAt[o] = now.obstacle_s()[o];
      }
    }
    return new Outcome(in, arrivedAt, now.objective_s(), searches);
  }

  private static java.util.BitSet bits(boolean[] in) {
    java.util.BitSet b = new java.util.BitSet(in.length);
    for (int i = 0; i < in.length; i++) {
      if (in[i]) {
        b.set(i);
      }
    }
    return b;
  }

  private PlanEffects only(boolean[] present) {
    return effects.withWatch(effects.watch().onlyWhere(present));
  }

  /**
   * A race's result.
   *
   * @param inPlace per obstacle, whether it counts
   * @param arrival_s per reserved or crisis-laid obstacle, the attacker's earliest arrival with the
   *     final set in place (NaN for permanent ones)
   * @param objective_s time to each objective with the final set, s after crossing
   * @param searches forward searches run beyond round 0 (not counting those found in the memo)
   */
  record Outcome(boolean[] inPlace, double[] arrival_s, double[] objective_s, int searches) {}
}
