package lt.skydas.optimize.shelter;

import java.util.List;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.ShelterPairs;
import lt.skydas.assess.civil.ShelterSite;

/**
 * Starting solutions for the siting programme: candidates taken in an order while the money lasts,
 * each filled from the people still without a place in its reach (the standing shelters filled
 * first). By ratio ({@link #greedy}: the most newly covered people per euro, re-evaluated after
 * each pick) or in a given order first ({@link #ordered}: the LP relaxation's values), then by
 * ratio with the money left. Stateless.
 */
final class SitingStart {
  private SitingStart() {}

  /**
   * A start.
   *
   * @param chosen per site, whether it is taken (standing sites: false)
   * @param z people assigned per pair
   * @param value people assigned in all
   * @param lpBound the LP relaxation's optimum when it was solved on the way (a valid bound), else
   *     0
   */
  record Start(boolean[] chosen, double[] z, double value, double lpBound) {}

  /** Ratio greedy. */
  static Start greedy(
      Demand demand, List<ShelterSite> sites, int standing, ShelterPairs pairs, double budget) {
    return ordered(demand, sites, standing, pairs, budget, new int[0]);
  }

  /**
   * Takes the candidates of {@code first} (site indices) in that order while each is affordable and
   * still covers someone, then the ratio greedy with the money left.
   */
  static Start ordered(
      Demand demand,
      List<ShelterSite> sites,
      int standing,
      ShelterPairs pairs,
      double budget,
      int[] first) {
    double[] left = new double[demand.size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = demand.people()[i];
    }
    double[] z = new double[pairs.size()];
    boolean[] chosen = new boolean[sites.size()];
    double value = 0;
    for (int j = 0; j < standing; j++) {
      value += fill(j, sites.get(j).capacity(), pairs, left, z);
    }
    double money = budget;
    for (int j : first) {
      ShelterSite s = sites.get(j);
      if (!chosen[j] && s.cost_eur() <= money && gain(j, s, pairs, left) > 0) {
        chosen[j] = true;
        money -= s.cost_eur();
        value += fill(j, s.capacity(), pairs, left, z);
      }
    }
    while (true) {
      int best = -1;
      double bestRatio = 0;
      for (int j = standing; j < sites.size(); j++) {
        ShelterSite s = sites.get(j);
        if (chosen[j] || s.cost_eur() > money) {
          continue;
        }
        double ratio = gain(j, s, pairs, left) / Math.max(1, s.cost_eur());
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = j;
        }
      }
      if (best < 0) {
        return new Start(chosen, z, value, 0);
      }
      chosen[best] = true;
      money -= sites.get(best).cost_eur();
      value += fill(best, sites.get(best).capacity(), pairs, left, z);
    }
  }

  private static double gain(int j, ShelterSite s, ShelterPairs pairs, double[] left) {
    double reach = 0;
    for (int k = pairs.start()[j]; k < pairs.start()[j + 1]; k++) {
      reach += left[pairs.point()[k]];
    }
    return Math.min(reach, s.capacity());
  }

  private static double fill(int j, double cap, ShelterPairs pairs, double[] left, double[] z) {
    double took = 0;
    for (int k = pairs.start()[j]; k < pairs.start()[j + 1] && cap > 0; k++) {
      int i = pairs.point()[k];
      double take = Math.min(cap, left[i]);
      z[k] += take;
      left[i] -= take;
      cap -= take;
      took += take;
    }
    return took;
  }

  /** The people assigned per pair when the {@code chosen} sites (and the standing ones) fill. */
  static double[] assign(
      Demand demand, List<ShelterSite> sites, int standing, ShelterPairs pairs, boolean[] chosen) {
    double[] left = new double[demand.size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = demand.people()[i];
    }
    double[] z = new double[pairs.size()];
    for (int j = 0; j < sites.size(); j++) {
      if (j < standing || chosen[j]) {
        fill(j, sites.get(j).capacity(), pairs, left, z);
      }
    }
    return z;
  }
}
