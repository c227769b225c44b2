package lt.skydas.optimize;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.plan.ObstacleType;

/**
 * The covering machinery of {@link MarginStep}: the rows (one per path short of a route's floor),
 * path generation on the route graphs, the budget rows and the greedy cover. Stateless apart from
 * {@link Paths}, one per run.
 */
final class MarginCover {
  private MarginCover() {}

  /** A row of the covering problem: {@code Σ coef[i] · y[opt[i]] ≥ need}. */
  record CoverRow(int[] opt, long[] coef, long need) {}

  /** The budget rows the step respects, for the greedy cover. */
  static final class Budgets {
    final long total;
    final long mines;
    final long[] country;
    final int[] countryOfOpt;
    final List<MarginStep.Opt> opts;

    Budgets(Programme p, List<MarginStep.Opt> opts, String[] countryOf) {
      this.opts = opts;
      this.total = Math.round(p.spendable_eur());
      this.mines = Math.round(p.mines_eur());
      List<String> ccs = new ArrayList<>(p.ceilings().byCountry_eur().keySet());
      this.country = new long[ccs.size()];
      for (int c = 0; c < ccs.size(); c++) {
        country[c] = Math.round(p.ceilings().byCountry_eur().get(ccs.get(c)));
      }
      this.countryOfOpt = new int[opts.size()];
      for (int o = 0; o < opts.size(); o++) {
        countryOfOpt[o] = ccs.indexOf(countryOf[opts.get(o).site()]);
      }
    }

    long cost(int[] plan) {
      long c = 0;
      for (int o : plan) {
        c += o >= 0 ? opts.get(o).cost_eur() : 0;
      }
      return c;
    }

    /** Whether {@code plan} plus option {@code add} stays within every row. */
    boolean fits(int[] plan, int add) {
      long t = opts.get(add).cost_eur();
      long mi = opts.get(add).mine() ? t : 0;
      long[] cc = new long[country.length];
      if (countryOfOpt[add] >= 0) {
        cc[countryOfOpt[add]] += t;
      }
      for (int o : plan) {
        if (o < 0) {
          continue;
        }
        long x = opts.get(o).cost_eur();
        t += x;
        mi += opts.get(o).mine() ? x : 0;
        if (countryOfOpt[o] >= 0) {
          cc[countryOfOpt[o]] += x;
        }
      }
      if (t > total || mi > mines) {
        return false;
      }
      for (int c = 0; c < country.length; c++) {
        if (cc[c] > country[c]) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * {@code start} with options added at free sites, most delay on the unmet rows per euro first,
   * until every row is met; null when no option left helps or fits.
   */
  static int[] greedy(
      int[] start,
      List<CoverRow> rows,
      List<List<Integer>> bySite,
      List<MarginStep.Opt> opts,
      Budgets b) {
    int[] plan = start.clone();
    while (true) {
      long[] residual = new long[rows.size()];
      boolean unmet = false;
      for (int r = 0; r < rows.size(); r++) {
        CoverRow row = rows.get(r);
        long have = 0;
        for (int i = 0; i < row.opt().length; i++) {
          if (plan[opts.get(row.opt()[i]).site()] == row.opt()[i]) {
            have += row.coef()[i];
          }
        }
        residual[r] = Math.max(0, row.need() - have);
        unmet |= residual[r] > 0;
      }
      if (!unmet) {
        return plan;
      }
      double[] gain = new double[opts.size()];
      for (int r = 0; r < rows.size(); r++) {
        if (residual[r] == 0) {
          continue;
        }
        CoverRow row = rows.get(r);
        for (int i = 0; i < row.opt().length; i++) {
          int o = row.opt()[i];
          if (plan[opts.get(o).site()] < 0) {
            gain[o] += Math.min(row.coef()[i], residual[r]);
          }
        }
      }
      int best = -1;
      double bestRatio = 0;
      for (int o = 0; o < opts.size(); o++) {
        if (gain[o] > 0) {
          double ratio = gain[o] / Math.max(1, opts.get(o).cost_eur());
          if (ratio > bestRatio && b.fits(plan, o)) {
            bestRatio = ratio;
            best = o;
          }
        }
      }
      if (best < 0) {
        return null;
      }
      plan[opts.get(best).site()] = best;
    }
  }

  /** Path generation: the rows of the paths a plan leaves short of a route's floor. */
  static final class Paths {
    final CorridorGraphs graphs;
    final List<MarginStep.Route> routes;
    final double margin_s;
    final List<MarginStep.Opt> opts;
    final List<List<Integer>> bySite;
    final CpModel m;
    final BoolVar[] y;
    final List<CoverRow> rows = new ArrayList<>();
    boolean emptyRow;

    Paths(
        CorridorGraphs graphs,
        List<MarginStep.Route> routes,
        double margin_s,
        List<MarginStep.Opt> opts,
        List<List<Integer>> bySite,
        CpModel m,
        BoolVar[] y) {
      this.graphs = graphs;
      this.routes = routes;
      this.margin_s = margin_s;
      this.opts = opts;
      this.bySite = bySite;
      this.m = m;
      this.y = y;
    }

    /**
     * Adds the rows of up to {@link MarginStep#PATHS_PER_ROUND} paths per route and case short of
     * the floor with {@code plan} (each found with the arcs of the ones before made dearer); true
     * if any.
     */
    boolean generate(int[] plan) {
      boolean added = false;
      for (int r = 0; r < routes.size(); r++) {
        for (int k = 0; k < graphs.cases().size(); k++) {
          GateGraph g = graphs.graph(k, r);
          double floor = routes.get(r).transit_s()[k] + margin_s;
          double[] penalty = null;
          for (int p = 0; p < MarginStep.PATHS_PER_ROUND; p++) {
            List<Integer> path = new ArrayList<>();
            double t = shortest(g, k, graphs, plan, opts, path, penalty);
            if (path.isEmpty() || !Double.isFinite(t)) {
              break;
            }
            double real = 0;
            for (int a : path) {
              real += arcTime(g, a, graphs.cases().get(k), plan, opts);
            }
            if (real >= floor - 1e-6) {
              break;
            }
            addRow(g, path, k, floor);
            added = true;
            if (penalty == null) {
              penalty = new double[g.arcCount()];
            }
            for (int a : path) {
              penalty[a] += floor;
            }
          }
        }
      }
      return added;
    }

    /** The row {@code Σ delays on the path ≥ floor − length} of one path (arc ids). */
    private void addRow(GateGraph g, List<Integer> path, int k, double floor) {
      double length = 0;
      Map<Integer, Long> coef = new LinkedHashMap<>();
      for (int a : path) {
        length += g.length_s(a);
        int s = g.site(a);
        if (s < 0 || s >= bySite.size()) {
          continue;
        }
        for (int o : bySite.get(s)) {
          long d = (long) Math.floor(delay(opts.get(o), g.kind(a), graphs.cases().get(k)));
          if (d > 0) {
            coef.merge(o, d, Long::sum);
          }
        }
      }
      long need = (long) Math.ceil(floor - length - 1e-9);
      if (coef.isEmpty()) {
        emptyRow = true; // no site on this path can slow it
        m.addBoolOr(new Literal[0]);
        return;
      }
      int[] os = coef.keySet().stream().mapToInt(Integer::intValue).toArray();
      long[] cs = coef.values().stream().mapToLong(Long::longValue).toArray();
      rows.add(new CoverRow(os, cs, need));
      LinearExprBuilder e = LinearExpr.newBuilder();
      for (int i = 0; i < os.length; i++) {
        e.addTerm(y[os[i]], cs[i]);
      }
      m.addGreaterOrEqual(e, need);
    }
  }

  /** The delay an option adds on a gate arc of {@code kind} in case {@code c}, s. */
  static double delay(MarginStep.Opt o, byte kind, CorridorGraphs.Case c) {
    ObstacleType t = o.type();
    double d =
        kind == GateGraph.CELL_GATE
            ? t.crossingDelay_s(c.vehicle())
            : (t.blocksRoads() ? t.roadDelay_s(c.vehicle()) : 0);
    return o.f() * d;
  }

  /**
   * The shortest source–sink time of {@code g} with {@code plan} (per site its option, or -1); the
   * path's arcs into {@code path} when not null.
   */
  static double shortest(
      GateGraph g,
      int k,
      CorridorGraphs graphs,
      int[] plan,
      List<MarginStep.Opt> opts,
      List<Integer> path) {
    return shortest(g, k, graphs, plan, opts, path, null);
  }

  /** As above, each arc {@code a} costing {@code penalty[a]} more (null: none). */
  static double shortest(
      GateGraph g,
      int k,
      CorridorGraphs graphs,
      int[] plan,
      List<MarginStep.Opt> opts,
      List<Integer> path,
      double[] penalty) {
    int n = g.nodeCount();
    double[] dist = new double[n];
    int[] via = new int[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(via, -1);
    dist[g.source()] = 0;
    PriorityQueue<double[]> q = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    q.add(new double[] {0, g.source()});
    CorridorGraphs.Case c = graphs.cases().get(k);
    while (!q.isEmpty()) {
      double[] top = q.poll();
      int u = (int) top[1];
      if (top[0] > dist[u]) {
        continue;
      }
      if (u == g.sink()) {
        break;
      }
      for (int a = g.firstArc(u); a < g.firstArc(u + 1); a++) {
        double w = arcTime(g, a, c, plan, opts) + (penalty == null ? 0 : penalty[a]);
        int v = g.head(a);
        if (dist[u] + w < dist[v]) {
          dist[v] = dist[u] + w;
          via[v] = a;
          q.add(new double[] {dist[v], v});
        }
      }
    }
    if (path != null && Double.isFinite(dist[g.sink()])) {
      List<Integer> rev = new ArrayList<>();
      for (int v = g.sink(); v != g.source(); v = g.tail(via[v])) {
        rev.add(via[v]);
      }
      for (int j = rev.size() - 1; j >= 0; j--) {
        path.add(rev.get(j));
      }
    }
    return dist[g.sink()];
  }

  /** An arc's time under {@code plan}: its length plus the delay of the option at its site. */
  static double arcTime(
      GateGraph g, int a, CorridorGraphs.Case c, int[] plan, List<MarginStep.Opt> opts) {
    double w = g.length_s(a);
    int s = g.site(a);
    if (s >= 0 && s < plan.length && plan[s] >= 0) {
      w += delay(opts.get(plan[s]), g.kind(a), c);
    }
    return w;
  }
}
