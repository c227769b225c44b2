package lt.skydas.optimize.solve;

import java.util.Arrays;

/**
 * What a plan buys beside its obstacles, on a {@link PlanSearch}'s plan: the sensors that watch its
 * obstacles (the sweep that buys one when it watches several chosen obstacles at once) and, when
 * idle, the sensors and suppliers (depot sites) it drops. The companions a single candidate needs
 * are {@link PlanSearch#companion} and {@link PlanSearch#supplierFor}. Stateless.
 */
final class PlanCompanions {
  private PlanCompanions() {}

  /**
   * Sensor sweep: for each sensor option not chosen (in option order) whose covered sites hold
   * unwatched options with a watched twin, buys it and upgrades those options to their twins (same
   * costs); keeps the change when the objective rises and the sensor fits the budget rows, else
   * reverts. The greedy values a sensor only through one watched option at a time; this values all
   * the chosen obstacles it would watch at once. Returns the sensors bought.
   */
  static int sensorSweep(PlanSearch ps, boolean[] allowed, long deadlineNanos) {
    ModelIndex ix = ps.ix;
    int[] choice = ps.choice;
    int bought = 0;
    for (int j = 0; j < ix.options && System.nanoTime() < deadlineNanos; j++) {
      int site = ix.optSite[j];
      if (!ix.sensor[j] || choice[site] >= 0 || (allowed != null && !allowed[j])) {
        continue;
      }
      int[] sites = new int[ix.watchesFirst[j + 1] - ix.watchesFirst[j]];
      int[] from = new int[sites.length];
      int n = 0;
      for (int i = ix.watchesFirst[j]; i < ix.watchesFirst[j + 1]; i++) {
        int o = ix.watches[i];
        int s = ix.optSite[o];
        int u = choice[s];
        if (u >= 0 && ix.watchedTwin[u] == o) {
          sites[n] = s;
          from[n++] = u;
        }
      }
      if (n == 0 || !ps.fits(site, j)) {
        continue;
      }
      double before = ps.objective;
      ps.apply(site, j);
      for (int i = 0; i < n; i++) {
        ps.apply(sites[i], ix.watchedTwin[from[i]]);
      }
      if (ps.objective > before + ps.eps()) {
        bought++;
      } else {
        for (int i = n - 1; i >= 0; i--) {
          ps.apply(sites[i], from[i]);
        }
        ps.apply(site, -1);
      }
    }
    return bought;
  }

  /**
   * Drops every chosen sensor that no chosen watched option needs (in site order: a sensor goes
   * when the options it watches have another chosen cover), so a plan buys no idle sensor, then
   * every chosen supplier (a depot site) whose room the plan does not need (most expensive first:
   * it goes when every checked row still holds without it); the times do not change (sensors and
   * suppliers have no gate arcs).
   */
  static void dropIdle(PlanSearch ps) {
    ModelIndex ix = ps.ix;
    int[] choice = ps.choice;
    for (int s = 0; s < choice.length; s++) {
      int j = choice[s];
      if (j >= 0
          && ix.sensor[j]
          && (!ps.forcedFixed || ix.forcedAt[s] < 0)
          && ix.idleSensor(j, choice)) {
        ps.apply(s, -1);
      }
    }
    Integer[] sup = new Integer[ix.suppliers.length];
    for (int i = 0; i < sup.length; i++) {
      sup[i] = ix.suppliers[i];
    }
    Arrays.sort(sup, (x, y) -> Long.compare(ix.optCost[y], ix.optCost[x]));
    for (int j : sup) {
      int s = ix.optSite[j];
      if (choice[s] == j && (!ps.forcedFixed || ix.forcedAt[s] < 0) && ps.fits(s, -1)) {
        ps.apply(s, -1);
      }
    }
  }
}
