package lt.skydas.optimize.solve;

import java.util.Arrays;
import lt.skydas.optimize.model.BarrierModel;

/**
 * Evaluates plans of a {@link BarrierModel}: the attacker time {@code L_σ} per scenario (A* on
 * primitive arrays, stopping at the sink), the objective, the path the attacker takes and the delay
 * bought per group and scenario.
 *
 * <p>A plan is an {@code int[]} with the chosen option per site (-1: nothing), or a {@code
 * boolean[]} over options (at most one true per site, see {@link #choiceOf}). The evaluator
 * evaluates exactly the plan it is given: forced options count only if the plan contains them; the
 * baseline is the empty plan.
 *
 * <p><b>Threads.</b> An instance is confined to one thread (it keeps reusable search arrays and the
 * arc weights of the last plan, updated incrementally per changed site). {@link #fork} gives
 * another instance sharing the immutable model index, for a second thread.
 */
public final class PlanEvaluator {
  private final ModelIndex ix;
  private final PathSearch search;
  private final double[][] w;
  private final int[] current;
  private long searches;

  /** Indexes the model (copies each gate graph once into primitive arrays). */
  public PlanEvaluator(BarrierModel model) {
    this(ModelIndex.of(model));
  }

  PlanEvaluator(ModelIndex ix) {
    this.ix = ix;
    this.search = new PathSearch(ix.maxNodes);
    this.w = new double[ix.scenarios][];
    for (int k = 0; k < ix.scenarios; k++) {
      w[k] = ix.length[k].clone();
    }
    this.current = new int[ix.sites];
    Arrays.fill(current, -1);
  }

  /** A new evaluator for another thread, sharing this one's immutable index. */
  public PlanEvaluator fork() {
    return new PlanEvaluator(ix);
  }

  ModelIndex index() {
    return ix;
  }

  /** The model evaluated. */
  public BarrierModel model() {
    return ix.model;
  }

  /** Shortest-path searches run so far by this instance. */
  public long searches() {
    return searches;
  }

  /** {@code L_σ} of the empty plan, per scenario (a copy). */
  public double[] baselineLengths() {
    return ix.baseline.clone();
  }

  /** Objective of the empty plan (no option at all, not even forced ones). */
  public double baselineObjective() {
    return ix.baselineObjective;
  }

  /** Attacker time of scenario {@code scenario} under the plan, in seconds. */
  public double length(int scenario, int[] choice) {
    load(choice);
    return search(scenario);
  }

  /** Attacker time of scenario {@code scenario} under the plan given over options. */
  public double length(int scenario, boolean[] built) {
    return length(scenario, choiceOf(ix.model, built));
  }

  /** {@code L_σ} for every scenario. */
  public double[] lengths(int[] choice) {
    load(choice);
    double[] l = new double[ix.scenarios];
    for (int k = 0; k < ix.scenarios; k++) {
      l[k] = search(k);
    }
    return l;
  }

  /** The objective {@code Σ_g w_g · agg_g(L_σ)} of the plan. */
  public double objective(int[] choice) {
    return ix.objective(lengths(choice));
  }

  /** The objective of the plan given over options. */
  public double objective(boolean[] built) {
    return objective(choiceOf(ix.model, built));
  }

  /** The objective for given per-scenario times (no search). */
  public double objective(double[] lengths) {
    if (lengths.length != ix.scenarios) {
      throw new IllegalArgumentException("one length per scenario");
    }
    return ix.objective(lengths);
  }

  /** Arcs (ids of the scenario's {@code GateGraph}) of a shortest path, source to sink. */
  public int[] shortestPath(int scenario, int[] choice) {
    load(choice);
    search(scenario);
    return search.lastPath();
  }

  /** Times and delays per scenario and group for the plan. */
  public DelayReport delays(int[] choice) {
    double[] l = lengths(choice);
    int groups = ix.groupScen.length;
    double[] g0 = new double[groups];
    double[] g1 = new double[groups];
    for (int g = 0; g < groups; g++) {
      g0[g] = ix.groupValue(g, ix.baseline);
      g1[g] = ix.groupValue(g, l);
    }
    return new DelayReport(
        ix.baseline, l, g0, g1, ix.baselineObjective, ix.objective(l), ix.model.groups().size());
  }

  /**
   * The plan over sites for a plan over options.
   *
   * @throws IllegalArgumentException when two options of one site are built
   */
  public static int[] choiceOf(BarrierModel model, boolean[] built) {
    if (built.length != model.options().size()) {
      throw new IllegalArgumentException("one flag per option");
    }
    int[] c = new int[model.sites().size()];
    Arrays.fill(c, -1);
    for (int o = 0; o < built.length; o++) {
      if (built[o]) {
        int s = model.options().get(o).site();
        if (c[s] >= 0) {
          throw new IllegalArgumentException(
              "options " + c[s] + " and " + o + " are both built at site " + s);
        }
        c[s] = o;
      }
    }
    return c;
  }

  /** The plan over options for a plan over sites. */
  public static boolean[] builtOf(BarrierModel model, int[] choice) {
    boolean[] b = new boolean[model.options().size()];
    for (int o : choice) {
      if (o >= 0) {
        b[o] = true;
      }
    }
    return b;
  }

  // ---- package-private incremental interface for the solvers ----

  /** Makes the weights those of {@code choice} (only changed sites are touched). */
  void load(int[] choice) {
    if (choice.length != ix.sites) {
      throw new IllegalArgumentException("one entry per site: " + choice.length);
    }
    for (int s = 0; s < ix.sites; s++) {
      if (choice[s] != current[s]) {
        int o = choice[s];
        if (o >= ix.options || (o >= 0 && ix.optSite[o] != s) || o < -1) {
          throw new IllegalArgumentException("option " + o + " is not at site " + s);
        }
        setSite(s, o);
      }
    }
  }

  /** Builds option {@code o} (-1: nothing) at site {@code s} in the loaded weights. */
  void setSite(int s, int o) {
    current[s] = o;
    for (int k = 0; k < ix.scenarios; k++) {
      int[] arcs = ix.siteArcs[k];
      double[] wk = w[k];
      double[] len = ix.length[k];
      for (int i = ix.siteArcFirst[k][s], e = ix.siteArcFirst[k][s + 1]; i < e; i++) {
        int a = arcs[i];
        wk[a] = len[a] + ix.delay(k, o, a);
      }
    }
  }

  /** Sets site {@code s}'s arcs of scenario {@code k} to weight {@code +Inf} (impassable). */
  void blockSite(int k, int s) {
    int[] arcs = ix.siteArcs[k];
    for (int i = ix.siteArcFirst[k][s], e = ix.siteArcFirst[k][s + 1]; i < e; i++) {
      w[k][arcs[i]] = Double.POSITIVE_INFINITY;
    }
  }

  /** Restores site {@code s}'s arcs of scenario {@code k} to the loaded option. */
  void unblockSite(int k, int s) {
    int[] arcs = ix.siteArcs[k];
    int o = current[s];
    for (int i = ix.siteArcFirst[k][s], e = ix.siteArcFirst[k][s + 1]; i < e; i++) {
      int a = arcs[i];
      w[k][a] = ix.length[k][a] + ix.delay(k, o, a);
    }
  }

  /** The option currently loaded at site {@code s}. */
  int loaded(int s) {
    return current[s];
  }

  /** Searches scenario {@code k} with the loaded weights; the path is {@link #lastPath}. */
  double search(int k) {
    searches++;
    return search.run(ix, k, w[k]);
  }

  /** Searches scenario {@code k} with caller-supplied weights. */
  double search(int k, double[] weights) {
    searches++;
    return search.run(ix, k, weights);
  }

  /** Path of the last search. */
  int[] lastPath() {
    return search.lastPath();
  }

  /** The loaded weights of scenario {@code k} (do not modify). */
  double[] weights(int k) {
    return w[k];
  }
}
