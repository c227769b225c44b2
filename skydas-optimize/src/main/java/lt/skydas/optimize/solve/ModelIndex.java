package lt.skydas.optimize.solve;

import java.util.Arrays;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;

/**
 * Immutable, shareable arrays derived once from a {@link BarrierModel}: each scenario's graph as
 * primitive CSR arrays, its gate arcs grouped by site, an A* potential (the unobstructed distance
 * to the sink), per site the shortest unobstructed path through it, options grouped by site, the
 * forced option of each site and the objective groups. Thread-safe after construction; the
 * per-thread state lives in {@link PlanEvaluator}.
 */
final class ModelIndex {
  final BarrierModel model;
  final int scenarios;
  final int sites;
  final int options;
  final int maxNodes;

  // per scenario graph
  final int[] source;
  final int[] sink;
  final int[][] first;
  final int[][] tail;
  final int[][] head;
  final double[][] length;
  final int[][] arcSite;
  final byte[][] arcKind;
  final double[][] potential;
  final int[][] siteArcFirst;
  final int[][] siteArcs;
  final double[][] cellDelay;
  final double[][] roadDelay;

  /**
   * Per scenario and site: the shortest unobstructed source–sink length through one of the site's
   * gate arcs (+Inf when it has none). No plan makes a path through the site shorter, so a change
   * there cannot undercut a scenario time at or below it ({@link #mayUndercut}).
   */
  final double[][] through;

  // options by site
  final int[] optSite;
  final long[] optCost;
  final int[] siteOptFirst;
  final int[] siteOpts;
  final int[] forcedAt;

  // watch links: per option its covering sensor options (CSR); per sensor option what it watches
  final int[] coverFirst;
  final int[] cover;
  final int[] watchesFirst;
  final int[] watches;
  final boolean[] sensor;
  final boolean[] sensorSite;

  /**
   * Per option without a link: the linked option of its site and type (its watched twin), or -1.
   */
  final int[] watchedTwin;

  /**
   * Per option: it has a negative coefficient in some budget row (it supplies the row: a depot
   * site's storage); per site: it has such an option. Suppliers have no gate arcs.
   */
  final boolean[] supplier;

  final boolean[] supplierSite;

  /** The supplier options, ascending; per budget row: some option supplies it. */
  final int[] suppliers;

  final boolean[] suppliedRow;

  // objective (the arrays are the shared definition's, read-only)
  final ModelObjective goal;
  final int[] scenGroup;
  final int[][] groupScen;
  final double[] groupWeight;
  final boolean[] groupMin;

  final double[] baseline;
  final double baselineObjective;

  private static java.lang.ref.SoftReference<ModelIndex> last =
      new java.lang.ref.SoftReference<>(null);

  /**
   * The index of {@code model}: the last one built when {@code model} differs from its model only
   * in its budget rows (the same sites, options, scenarios, groups and links, as the lazy rows'
   * rounds make them: {@code SolveStep}), sharing its arrays; else a new one. Indexing the demo's
   * model takes seconds (every scenario's graph), a round of lazy rows none.
   */
  static synchronized ModelIndex of(BarrierModel model) {
    ModelIndex b = last.get();
    if (b != null) {
      BarrierModel m = b.model;
      if (m == model) {
        return b;
      }
      if (m.sites() == model.sites()
          && m.options() == model.options()
          && m.scenarios() == model.scenarios()
          && m.groups() == model.groups()
          && m.links() == model.links()) {
        return new ModelIndex(b, model);
      }
    }
    ModelIndex ix = new ModelIndex(model);
    last = new java.lang.ref.SoftReference<>(ix);
    return ix;
  }

  /** {@code base}'s arrays with another model of the same structure (other budget rows). */
  private ModelIndex(ModelIndex base, BarrierModel model) {
    this.model = model;
    this.scenarios = base.scenarios;
    this.sites = base.sites;
    this.options = base.options;
    this.maxNodes = base.maxNodes;
    this.source = base.source;
    this.sink = base.sink;
    this.first = base.first;
    this.tail = base.tail;
    this.head = base.head;
    this.length = base.length;
    this.arcSite = base.arcSite;
    this.arcKind = base.arcKind;
    this.potential = base.potential;
    this.siteArcFirst = base.siteArcFirst;
    this.siteArcs = base.siteArcs;
    this.cellDelay = base.cellDelay;
    this.roadDelay = base.roadDelay;
    this.through = base.through;
    this.optSite = base.optSite;
    this.optCost = base.optCost;
    this.siteOptFirst = base.siteOptFirst;
    this.siteOpts = base.siteOpts;
    this.forcedAt = base.forcedAt;
    this.coverFirst = base.coverFirst;
    this.cover = base.cover;
    this.watchesFirst = base.watchesFirst;
    this.watches = base.watches;
    this.sensor = base.sensor;
    this.sensorSite = base.sensorSite;
    this.watchedTwin = base.watchedTwin;
    this.supplier = supplierOf(model);
    this.supplierSite = supplierSites(supplier, optSite, sites);
    this.suppliers = indices(supplier);
    this.suppliedRow = suppliedRows(model);
    this.goal = base.goal;
    this.scenGroup = base.scenGroup;
    this.groupScen = base.groupScen;
    this.groupWeight = base.groupWeight;
    this.groupMin = base.groupMin;
    this.baseline = base.baseline;
    this.baselineObjective = base.baselineObjective;
  }

  ModelIndex(BarrierModel model) {
    this.model = model;
    scenarios = model.scenarios().size();
    sites = model.sites().size();
    options = model.options().size();
    optSite = new int[options];
    optCost = new long[options];
    int[] perSite = new int[sites + 1];
    for (int o = 0; o < options; o++) {
      BarrierModel.Option op = model.options().get(o);
      optSite[o] = op.site();
      optCost[o] = op.cost_eur();
      perSite[op.site() + 1]++;
    }
    for (int s = 0; s < sites; s++) {
      perSite[s + 1] += perSite[s];
    }
    siteOptFirst = perSite;
    siteOpts = new int[options];
    int[] pos = Arrays.copyOf(perSite, sites);
    forcedAt = new int[sites];
    Arrays.fill(forcedAt, -1);
    for (int o = 0; o < options; o++) {
      siteOpts[pos[optSite[o]]++] = o;
      if (model.options().get(o).forced() && forcedAt[optSite[o]] < 0) {
        forcedAt[optSite[o]] = o;
      }
    }

    coverFirst = new int[options + 1];
    watchesFirst = new int[options + 1];
    sensor = new boolean[options];
    sensorSite = new boolean[sites];
    for (BarrierModel.Link l : model.links()) {
      coverFirst[l.option() + 1] = l.sensors().length;
      for (int j : l.sensors()) {
        watchesFirst[j + 1]++;
        sensor[j] = true;
        sensorSite[optSite[j]] = true;
      }
    }
    for (int o = 0; o < options; o++) {
      coverFirst[o + 1] += coverFirst[o];
      watchesFirst[o + 1] += watchesFirst[o];
    }
    cover = new int[coverFirst[options]];
    watches = new int[watchesFirst[options]];
    int[] wpos = Arrays.copyOf(watchesFirst, options);
    for (BarrierModel.Link l : model.links()) {
      System.arraycopy(l.sensors(), 0, cover, coverFirst[l.option()], l.sensors().length);
      for (int j : l.sensors()) {
        watches[wpos[j]++] = l.option();
      }
    }

    watchedTwin = new int[options];
    Arrays.fill(watchedTwin, -1);
    for (BarrierModel.Link l : model.links()) {
      BarrierModel.Option w = model.options().get(l.option());
      for (int i = siteOptFirst[w.site()]; i < siteOptFirst[w.site() + 1]; i++) {
        int u = siteOpts[i];
        if (!linked(u) && model.options().get(u).type().equals(w.type())) {
          watchedTwin[u] = l.option();
        }
      }
    }

    supplier = supplierOf(model);
    supplierSite = supplierSites(supplier, optSite, sites);
    suppliers = indices(supplier);
    suppliedRow = suppliedRows(model);

    goal = ModelObjective.of(model);
    scenGroup = goal.scenarioGroup;
    groupScen = goal.groupScenarios;
    groupWeight = goal.groupWeight;
    groupMin = goal.groupMin;

    source = new int[scenarios];
    sink = new int[scenarios];
    first = new int[scenarios][];
    tail = new int[scenarios][];
    head = new int[scenarios][];
    length = new double[scenarios][];
    arcSite = new int[scenarios][];
    arcKind = new byte[scenarios][];
    potential = new double[scenarios][];
    siteArcFirst = new int[scenarios][];
    siteArcs = new int[scenarios][];
    cellDelay = new double[scenarios][];
    roadDelay = new double[scenarios][];
    through = new double[scenarios][];
    baseline = new double[scenarios];
    int mx = 2;
    for (int k = 0; k < scenarios; k++) {
      BarrierModel.Scenario sc = model.scenarios().get(k);
      copyGraph(k, sc);
      mx = Math.max(mx, first[k].length - 1);
      cellDelay[k] = sc.cellDelay_s();
      roadDelay[k] = sc.roadDelay_s();
      for (int o = 0; o < options; o++) {
        if (!(cellDelay[k][o] >= 0)
            || !(roadDelay[k][o] >= 0)
            || Double.isInfinite(cellDelay[k][o])
            || Double.isInfinite(roadDelay[k][o])) {
          throw new IllegalArgumentException(
              "scenario " + sc.name() + ": delays must be finite and >= 0 (option " + o + ")");
        }
      }
    }
    maxNodes = mx;
    PathSearch search = new PathSearch(maxNodes);
    for (int k = 0; k < scenarios; k++) {
      potential[k] = PathSearch.distancesToSink(this, k);
      through[k] = throughSites(k, PathSearch.distancesFromSource(this, k));
      baseline[k] = search.run(this, k, length[k]);
      if (!Double.isFinite(baseline[k])) {
        throw new IllegalArgumentException(
            "scenario " + model.scenarios().get(k).name() + ": the sink is unreachable");
      }
    }
    baselineObjective = objective(baseline);
  }

  private static boolean[] supplierOf(BarrierModel model) {
    boolean[] sup = new boolean[model.options().size()];
    for (BarrierModel.Budget b : model.budgets()) {
      long[] c = b.coefficient();
      for (int o = 0; o < c.length; o++) {
        sup[o] |= c[o] < 0;
      }
    }
    return sup;
  }

  private static int[] indices(boolean[] b) {
    int n = 0;
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      if (b[i]) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean[] suppliedRows(BarrierModel model) {
    boolean[] r = new boolean[model.budgets().size()];
    for (int i = 0; i < r.length; i++) {
      for (long c : model.budgets().get(i).coefficient()) {
        r[i] |= c < 0;
      }
    }
    return r;
  }

  private static boolean[] supplierSites(boolean[] supplier, int[] optSite, int sites) {
    boolean[] s = new boolean[sites];
    for (int o = 0; o < supplier.length; o++) {
      s[optSite[o]] |= supplier[o];
    }
    return s;
  }

  private double[] throughSites(int k, double[] fromSource) {
    double[] t = new double[sites];
    Arrays.fill(t, Double.POSITIVE_INFINITY);
    for (int s = 0; s < sites; s++) {
      for (int i = siteArcFirst[k][s]; i < siteArcFirst[k][s + 1]; i++) {
        int a = siteArcs[k][i];
        t[s] = Math.min(t[s], fromSource[tail[k][a]] + length[k][a] + potential[k][head[k][a]]);
      }
    }
    return t;
  }

  private void copyGraph(int k, BarrierModel.Scenario sc) {
    GateGraph g = sc.graph();
    int n = g.nodeCount();
    int m = g.arcCount();
    source[k] = g.source();
    sink[k] = g.sink();
    int[] f = new int[n + 1];
    for (int u = 0; u <= n; u++) {
      f[u] = u == n ? m : g.firstArc(u);
    }
    int[] t = new int[m];
    int[] h = new int[m];
    double[] c = new double[m];
    int[] s = new int[m];
    byte[] kind = new byte[m];
    int[] bySite = new int[sites + 1];
    for (int a = 0; a < m; a++) {
      t[a] = g.tail(a);
      h[a] = g.head(a);
      c[a] = g.length_s(a);
      s[a] = g.site(a);
      kind[a] = g.kind(a);
      if (s[a] >= sites) {
        throw new IllegalArgumentException(
            "scenario " + sc.name() + ": arc " + a + " names site " + s[a] + " of " + sites);
      }
      if (s[a] >= 0) {
        bySite[s[a] + 1]++;
      }
    }
    for (int i = 0; i < sites; i++) {
      bySite[i + 1] += bySite[i];
    }
    int[] arcs = new int[bySite[sites]];
    int[] p = Arrays.copyOf(bySite, sites);
    for (int a = 0; a < m; a++) {
      if (s[a] >= 0) {
        arcs[p[s[a]]++] = a;
      }
    }
    first[k] = f;
    tail[k] = t;
    head[k] = h;
    length[k] = c;
    arcSite[k] = s;
    arcKind[k] = kind;
    siteArcFirst[k] = bySite;
    siteArcs[k] = arcs;
  }

  /** True when option {@code o} needs a covering sensor (it has a watch link). */
  boolean linked(int o) {
    return o >= 0 && coverFirst[o + 1] > coverFirst[o];
  }

  /**
   * True when {@code o} (-1: none) keeps its link in {@code choice}: no link, or a cover chosen.
   */
  boolean covered(int o, int[] choice) {
    if (!linked(o)) {
      return true;
    }
    for (int i = coverFirst[o]; i < coverFirst[o + 1]; i++) {
      int j = cover[i];
      if (choice[optSite[j]] == j) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when dropping sensor option {@code j} (chosen in {@code choice}) leaves every chosen
   * option it watches covered by another chosen sensor.
   */
  boolean idleSensor(int j, int[] choice) {
    for (int i = watchesFirst[j]; i < watchesFirst[j + 1]; i++) {
      int o = watches[i];
      if (choice[optSite[o]] != o) {
        continue;
      }
      boolean other = false;
      for (int c = coverFirst[o]; c < coverFirst[o + 1] && !other; c++) {
        int k = cover[c];
        other = k != j && choice[optSite[k]] == k;
      }
      if (!other) {
        return false;
      }
    }
    return true;
  }

  /** Delay option {@code o} (-1: none) adds to arc {@code a} of scenario {@code k}. */
  double delay(int k, int o, int a) {
    if (o < 0) {
      return 0;
    }
    return arcKind[k][a] == GateGraph.ROAD_GATE ? roadDelay[k][o] : cellDelay[k][o];
  }

  /** Delay of option {@code o} for a gate kind in scenario {@code k}. */
  double delayOfKind(int k, int o, byte kind) {
    if (o < 0) {
      return 0;
    }
    return kind == GateGraph.ROAD_GATE ? roadDelay[k][o] : cellDelay[k][o];
  }

  /** True when site {@code s} has at least one gate arc in scenario {@code k}. */
  boolean siteInScenario(int k, int s) {
    return siteArcFirst[k][s + 1] > siteArcFirst[k][s];
  }

  /**
   * True when replacing option {@code from} by {@code to} (either may be -1) at site {@code s} can
   * shorten some arc of scenario {@code k}, i.e. lower its delay on a gate kind the site has there.
   */
  boolean mayShorten(int k, int s, int from, int to) {
    if (from < 0) {
      return false;
    }
    boolean cell = false;
    boolean road = false;
    for (int i = siteArcFirst[k][s]; i < siteArcFirst[k][s + 1]; i++) {
      if (arcKind[k][siteArcs[k][i]] == GateGraph.ROAD_GATE) {
        road = true;
      } else {
        cell = true;
      }
    }
    return (cell && delayOfKind(k, to, GateGraph.CELL_GATE) < cellDelay[k][from])
        || (road && delayOfKind(k, to, GateGraph.ROAD_GATE) < roadDelay[k][from]);
  }

  /**
   * False when no change at site {@code s} can make scenario {@code k} shorter than {@code
   * current_s} (a length it has under the loaded plan): every path through the site is at least as
   * long unobstructed. True, conservatively, within floating-point slack. A scenario that is not
   * undercut keeps its time and its shortest path when a site off that path gets faster.
   */
  boolean mayUndercut(int k, int s, double current_s) {
    return through[k][s] < current_s + 1e-9 * Math.max(1, current_s);
  }

  /** The model's objective for lengths {@code L}: {@link ModelObjective#value}. */
  double objective(double[] lengths) {
    return goal.value(lengths);
  }

  /** The aggregate of a group's scenario lengths: {@link ModelObjective#groupValue}. */
  double groupValue(int g, double[] lengths) {
    return goal.groupValue(g, lengths);
  }
}
