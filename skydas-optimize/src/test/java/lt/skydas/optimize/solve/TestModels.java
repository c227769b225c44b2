package lt.skydas.optimize.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.BarrierModel.Aggregate;
import lt.skydas.optimize.model.GateGraph;

/** Random models for tests and benchmarks. */
public final class TestModels {
  private TestModels() {}

  /**
   * A small random model: 3–8 sites with 1–3 options (at most ~4000 plans), 2–4 scenarios in a MIN
   * and a MEAN group, random gate graphs of 6–12 nodes with integer lengths and delays, a total
   * budget, a mine ceiling and a capacity row, sometimes a forced option (which fits).
   */
  public static BarrierModel small(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int sites = 3 + r.nextInt(6);
    int[] perSite = new int[sites];
    long plans = 1;
    for (int s = 0; s < sites; s++) {
      perSite[s] = 1 + r.nextInt(3);
      plans *= perSite[s] + 1;
    }
    for (int s = 0; plans > 4000; s = (s + 1) % sites) {
      if (perSite[s] > 1) {
        plans = plans / (perSite[s] + 1) * perSite[s];
        perSite[s]--;
      }
    }
    List<String> ids = new ArrayList<>();
    List<BarrierModel.Option> options = new ArrayList<>();
    int forcedSite = r.nextInt(3) == 0 ? r.nextInt(sites) : -1;
    for (int s = 0; s < sites; s++) {
      ids.add("s" + s);
      int forcedOpt = s == forcedSite ? r.nextInt(perSite[s]) : -1;
      for (int j = 0; j < perSite[s]; j++) {
        options.add(
            new BarrierModel.Option(
                s, "t" + j, 1 + r.nextInt(20), r.nextInt(3) == 0, j == forcedOpt));
      }
    }
    int n = options.size();
    List<BarrierModel.Group> groups =
        List.of(
            new BarrierModel.Group("robust", 1.0, Aggregate.MIN),
            new BarrierModel.Group("mean", 0.37 + r.nextInt(5) * 0.1, Aggregate.MEAN));
    int nScen = 2 + r.nextInt(3);
    List<BarrierModel.Scenario> scen = new ArrayList<>();
    for (int k = 0; k < nScen; k++) {
      int group = k < 2 ? k : r.nextInt(2);
      double[] cell = new double[n];
      double[] road = new double[n];
      for (int o = 0; o < n; o++) {
        cell[o] = r.nextInt(31);
        road[o] = r.nextInt(4) == 0 ? 0 : r.nextInt(31);
      }
      scen.add(new BarrierModel.Scenario("k" + k, group, graph(r, sites), cell, road));
    }
    long[] total = new long[n];
    long[] mines = new long[n];
    long[] hours = new long[n];
    long sumCost = 0;
    for (int o = 0; o < n; o++) {
      total[o] = options.get(o).cost_eur();
      mines[o] = options.get(o).mine() ? total[o] : 0;
      hours[o] = 1 + r.nextInt(5);
      sumCost += total[o];
    }
    long[] forcedUse = new long[3];
    for (int o = 0; o < n; o++) {
      if (options.get(o).forced()) {
        forcedUse[0] += total[o];
        forcedUse[1] += mines[o];
        forcedUse[2] += hours[o];
      }
    }
    List<BarrierModel.Budget> budgets =
        List.of(
            new BarrierModel.Budget(
                "total budget",
                total,
                Math.max(forcedUse[0], (long) (sumCost * (0.3 + 0.4 * r.nextDouble())))),
            new BarrierModel.Budget("mine ceiling", mines, Math.max(forcedUse[1], r.nextInt(40))),
            new BarrierModel.Budget(
                "build capacity", hours, Math.max(forcedUse[2], 5 + r.nextInt(16))));
    return new BarrierModel(ids, options, groups, scen, budgets);
  }

  private static GateGraph graph(SplittableRandom r, int sites) {
    int nodes = 6 + r.nextInt(11);
    GateGraph.Builder b = new GateGraph.Builder(nodes);
    for (int u = 0; u + 1 < nodes; u++) {
      addArc(b, r, u, u + 1, sites);
    }
    int extra = nodes * (2 + r.nextInt(3));
    for (int i = 0; i < extra; i++) {
      int u = r.nextInt(nodes);
      int v = r.nextInt(nodes);
      if (u != v) {
        addArc(b, r, u, v, sites);
      }
    }
    return b.build(0, nodes - 1);
  }

  private static void addArc(GateGraph.Builder b, SplittableRandom r, int u, int v, int sites) {
    double len = r.nextInt(21);
    if (r.nextInt(10) < 4) {
      b.gate(
          u,
          v,
          len,
          r.nextInt(sites),
          r.nextInt(4) == 0 ? GateGraph.ROAD_GATE : GateGraph.CELL_GATE);
    } else {
      b.arc(u, v, len);
    }
  }

  /**
   * A model sized like the real one: {@code sites} sites with one gate each (10 % road gates) at
   * random positions in a 60 × 40 km region, attacked from x = 0 towards x = 60 km; nodes: source,
   * sink, in/out per gate (so 2 + 2·sites); arcs: the gate arc (length 0), source → gates within 3
   * km of the start line, gates within 3 km of the far edge → sink, a direct detour source → sink,
   * and each gate's out node to the {@code links} nearest other gates (travel time = distance × a
   * per-scenario pace with noise). Options per site: 5 types with costs 20–400 k€, two mine types;
   * 3 vehicle classes × 3 seasons, MIN groups weighted 1/T0; budgets: total, mine ceiling, build
   * capacity; a few forced options.
   */
  static BarrierModel large(long seed, int sites, int links, long totalBudget) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[sites];
    double[] y = new double[sites];
    byte[] kind = new byte[sites];
    for (int s = 0; s < sites; s++) {
      x[s] = r.nextDouble() * 60_000;
      y[s] = r.nextDouble() * 40_000;
      kind[s] = r.nextInt(10) == 0 ? GateGraph.ROAD_GATE : GateGraph.CELL_GATE;
    }
    // neighbours by a uniform grid of buckets
    int cells = 40;
    double cw = 60_000.0 / cells;
    double ch = 40_000.0 / cells;
    List<List<Integer>> bucket = new ArrayList<>();
    for (int i = 0; i < cells * cells; i++) {
      bucket.add(new ArrayList<>());
    }
    for (int s = 0; s < sites; s++) {
      bucket.get(cell(x[s], cw, cells) * cells + cell(y[s], ch, cells)).add(s);
    }
    int[][] near = new int[sites][];
    double[][] dist = new double[sites][];
    for (int s = 0; s < sites; s++) {
      int cx = cell(x[s], cw, cells);
      int cy = cell(y[s], ch, cells);
      List<double[]> found = new ArrayList<>();
      for (int rad = 1; found.size() < links && rad < cells; rad++) {
        found.clear();
        for (int i = Math.max(0, cx - rad); i <= Math.min(cells - 1, cx + rad); i++) {
          for (int j = Math.max(0, cy - rad); j <= Math.min(cells - 1, cy + rad); j++) {
            for (int t : bucket.get(i * cells + j)) {
              if (t != s) {
                found.add(new double[] {Math.hypot(x[t] - x[s], y[t] - y[s]), t});
              }
            }
          }
        }
      }
      found.sort((a, b) -> Double.compare(a[0], b[0]));
      int m = Math.min(links, found.size());
      near[s] = new int[m];
      dist[s] = new double[m];
      for (int i = 0; i < m; i++) {
        near[s][i] = (int) found.get(i)[1];
        dist[s][i] = found.get(i)[0];
      }
    }
    String[] types = {"ditch", "teeth", "wire", "at_mines", "mixed_mines"};
    long[] cost = {120_000, 250_000, 20_000, 150_000, 400_000};
    boolean[] mine = {false, false, false, true, true};
    double[][] cellBase = {
      {600, 900, 120, 700, 1500}, {400, 700, 60, 600, 1200}, {300, 200, 40, 900, 1800}
    };
    double[][] roadBase = {
      {900, 1200, 60, 800, 1600}, {600, 900, 30, 700, 1300}, {0, 0, 0, 300, 600}
    };
    List<String> ids = new ArrayList<>();
    List<BarrierModel.Option> options = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      ids.add("site" + s);
      boolean forced = s % 500 == 7;
      for (int t = 0; t < types.length; t++) {
        long c = Math.round(cost[t] * (0.7 + 0.6 * r.nextDouble()));
        options.add(new BarrierModel.Option(s, types[t], c, mine[t], forced && t == 2));
      }
    }
    int n = options.size();
    String[] classes = {"tracked", "wheeled", "dismounted"};
    double[] pace = {1 / 8.0, 1 / 11.0, 1 / 1.4};
    double[] seasonFactor = {1.0, 1.3, 0.9};
    List<BarrierModel.Group> groups = new ArrayList<>();
    List<BarrierModel.Scenario> scenarios = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      double t0 = 60_000 * pace[v];
      groups.add(new BarrierModel.Group(classes[v], 1.0 / t0, Aggregate.MIN));
      for (int season = 0; season < 3; season++) {
        double p = pace[v] * seasonFactor[season];
        GateGraph.Builder b = new GateGraph.Builder(2 + 2 * sites);
        for (int s = 0; s < sites; s++) {
          b.gate(2 + 2 * s, 3 + 2 * s, 0, s, kind[s]);
          if (x[s] < 3_000) {
            b.arc(0, 2 + 2 * s, x[s] * p * (1 + 0.2 * r.nextDouble()));
          }
          if (x[s] > 57_000) {
            b.arc(3 + 2 * s, 1, (60_000 - x[s]) * p * (1 + 0.2 * r.nextDouble()));
          }
          for (int i = 0; i < near[s].length; i++) {
            b.arc(3 + 2 * s, 2 + 2 * near[s][i], dist[s][i] * p * (1 + 0.3 * r.nextDouble()));
          }
        }
        b.arc(0, 1, 60_000 * p * 6);
        double[] cell = new double[n];
        double[] road = new double[n];
        for (int o = 0; o < n; o++) {
          int t = o % types.length;
          double f = (0.8 + 0.4 * r.nextDouble()) * (season == 1 ? 0.8 : 1.0);
          cell[o] = cellBase[v][t] * f;
          road[o] = roadBase[v][t] * f;
        }
        scenarios.add(
            new BarrierModel.Scenario(classes[v] + "-" + season, v, b.build(0, 1), cell, road));
      }
    }
    long[] total = new long[n];
    long[] mines = new long[n];
    long[] hours = new long[n];
    for (int o = 0; o < n; o++) {
      total[o] = options.get(o).cost_eur();
      mines[o] = options.get(o).mine() ? total[o] : 0;
      hours[o] = 100 + total[o] / 1000;
    }
    List<BarrierModel.Budget> budgets =
        List.of(
            new BarrierModel.Budget("total budget", total, totalBudget),
            new BarrierModel.Budget("mine ceiling", mines, totalBudget / 4),
            new BarrierModel.Budget("build capacity", hours, totalBudget / 500));
    return new BarrierModel(ids, options, groups, scenarios, budgets);
  }

  /**
   * {@link #small} with sensors and watch links: 1–3 sensor sites (one option each, cost 1–15, no
   * gate arc), each covering every obstacle site with probability 1/2; at some covered sites each
   * non-forced option gets a watched twin (same costs, the original's delays) while the original
   * keeps a share f ∈ {0.25, 0.5} of them (the unwatched option), linked to the site's covering
   * sensors. At most ~20 000 plans.
   */
  static BarrierModel withSensors(long seed) {
    BarrierModel m = small(seed);
    SplittableRandom r = new SplittableRandom(seed * 7919 + 17);
    int sites = m.sites().size();
    int nSensors = 1 + r.nextInt(3);
    boolean[][] covers = new boolean[nSensors][sites];
    for (int j = 0; j < nSensors; j++) {
      for (int s = 0; s < sites; s++) {
        covers[j][s] = r.nextBoolean();
      }
    }
    int n0 = m.options().size();
    int[] perSite = new int[sites];
    boolean[] forcedSite = new boolean[sites];
    for (BarrierModel.Option o : m.options()) {
      perSite[o.site()]++;
      forcedSite[o.site()] |= o.forced();
    }
    long plans = 1L << nSensors;
    for (int s = 0; s < sites; s++) {
      plans *= forcedSite[s] ? 1 : perSite[s] + 1;
    }
    boolean[] twinSite = new boolean[sites];
    for (int s : r.ints(sites, 0, sites).distinct().toArray()) {
      boolean covered = false;
      for (int j = 0; j < nSensors; j++) {
        covered |= covers[j][s];
      }
      long more = plans / (perSite[s] + 1) * (2 * perSite[s] + 1);
      if (covered && !forcedSite[s] && more <= 20_000) {
        twinSite[s] = true;
        plans = more;
      }
    }
    List<String> ids = new ArrayList<>(m.sites());
    List<BarrierModel.Option> options = new ArrayList<>(m.options());
    List<Integer> twinOf = new ArrayList<>();
    for (int o = 0; o < n0; o++) {
      BarrierModel.Option op = m.options().get(o);
      if (twinSite[op.site()]) {
        options.add(
            new BarrierModel.Option(op.site(), op.type() + "+w", op.cost_eur(), op.mine(), false));
        twinOf.add(o);
      }
    }
    int firstSensor = options.size();
    for (int j = 0; j < nSensors; j++) {
      ids.add("sensor" + j);
      options.add(new BarrierModel.Option(sites + j, "radar", 1 + r.nextInt(15), false, false));
    }
    int n = options.size();
    double[] factor = new double[n0];
    for (int o = 0; o < n0; o++) {
      factor[o] = twinSite[m.options().get(o).site()] ? (r.nextBoolean() ? 0.25 : 0.5) : 1;
    }
    List<BarrierModel.Scenario> scen = new ArrayList<>();
    for (BarrierModel.Scenario sc : m.scenarios()) {
      double[] cell = new double[n];
      double[] road = new double[n];
      for (int o = 0; o < n0; o++) {
        cell[o] = sc.cellDelay_s()[o] * factor[o];
        road[o] = sc.roadDelay_s()[o] * factor[o];
      }
      for (int i = 0; i < twinOf.size(); i++) {
        cell[n0 + i] = sc.cellDelay_s()[twinOf.get(i)];
        road[n0 + i] = sc.roadDelay_s()[twinOf.get(i)];
      }
      scen.add(new BarrierModel.Scenario(sc.name(), sc.group(), sc.graph(), cell, road));
    }
    List<BarrierModel.Budget> budgets = new ArrayList<>();
    for (BarrierModel.Budget b : m.budgets()) {
      long[] c = java.util.Arrays.copyOf(b.coefficient(), n);
      for (int i = 0; i < twinOf.size(); i++) {
        c[n0 + i] = b.coefficient()[twinOf.get(i)];
      }
      for (int o = firstSensor; o < n; o++) {
        c[o] = b.name().equals("total budget") ? options.get(o).cost_eur() : 0;
      }
      budgets.add(new BarrierModel.Budget(b.name(), c, b.limit()));
    }
    List<BarrierModel.Link> links = new ArrayList<>();
    for (int i = 0; i < twinOf.size(); i++) {
      int s = options.get(n0 + i).site();
      List<Integer> cov = new ArrayList<>();
      for (int j = 0; j < nSensors; j++) {
        if (covers[j][s]) {
          cov.add(firstSensor + j);
        }
      }
      links.add(new BarrierModel.Link(n0 + i, cov.stream().mapToInt(Integer::intValue).toArray()));
    }
    return new BarrierModel(ids, options, m.groups(), scen, budgets, links);
  }

  /** The model with every arc length and delay multiplied by {@code f}. */
  static BarrierModel scaled(BarrierModel m, double f) {
    List<BarrierModel.Scenario> sc = new ArrayList<>();
    for (BarrierModel.Scenario s : m.scenarios()) {
      GateGraph g = s.graph();
      GateGraph.Builder b = new GateGraph.Builder(g.nodeCount());
      for (int a = 0; a < g.arcCount(); a++) {
        b.gate(g.tail(a), g.head(a), g.length_s(a) * f, g.site(a), g.kind(a));
      }
      double[] cell = s.cellDelay_s().clone();
      double[] road = s.roadDelay_s().clone();
      for (int o = 0; o < cell.length; o++) {
        cell[o] *= f;
        road[o] *= f;
      }
      sc.add(
          new BarrierModel.Scenario(
              s.name(), s.group(), b.build(g.source(), g.sink()), cell, road));
    }
    return new BarrierModel(m.sites(), m.options(), m.groups(), sc, m.budgets());
  }

  private static int cell(double v, double w, int cells) {
    return Math.min(cells - 1, (int) (v / w));
  }

  /**
   * {@link #small} with depot storage: every mine option draws 1–5 items of stock; one storage row
   * whose limit (what standing depots store, 0–6) the mines may outgrow; 1–2 depot sites (one
   * option each, cost 2–15, no gate arc) that supply 3–10 items each (a negative coefficient).
   * Forced mine options draw nothing (pins stand). At most ~16 000 plans.
   */
  static BarrierModel withDepots(long seed) {
    BarrierModel m = small(seed);
    SplittableRandom r = new SplittableRandom(seed * 104_729 + 3);
    int nDepots = 1 + r.nextInt(2);
    List<String> ids = new ArrayList<>(m.sites());
    List<BarrierModel.Option> options = new ArrayList<>(m.options());
    int n0 = options.size();
    for (int d = 0; d < nDepots; d++) {
      ids.add("depot" + d);
      options.add(
          new BarrierModel.Option(m.sites().size() + d, "depot", 2 + r.nextInt(14), false, false));
    }
    int n = options.size();
    List<BarrierModel.Scenario> scen = new ArrayList<>();
    for (BarrierModel.Scenario k : m.scenarios()) {
      scen.add(
          new BarrierModel.Scenario(
              k.name(),
              k.group(),
              k.graph(),
              java.util.Arrays.copyOf(k.cellDelay_s(), n),
              java.util.Arrays.copyOf(k.roadDelay_s(), n)));
    }
    List<BarrierModel.Budget> budgets = new ArrayList<>();
    for (BarrierModel.Budget b : m.budgets()) {
      budgets.add(
          new BarrierModel.Budget(
              b.name(),
              java.util.Arrays.copyOf(b.coefficient(), n),
              b.limit() + (b.name().equals("total budget") ? 10 : 0)));
    }
    long[] items = new long[n];
    for (int o = 0; o < n0; o++) {
      items[o] = options.get(o).mine() && !options.get(o).forced() ? 1 + r.nextInt(5) : 0;
    }
    for (int o = n0; o < n; o++) {
      items[o] = -(3 + r.nextInt(8));
    }
    budgets.add(new BarrierModel.Budget("depot storage at_mines", items, r.nextInt(7)));
    return new BarrierModel(ids, options, m.groups(), scen, budgets);
  }
}
