package lt.skydas.emplace.schedule;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tighter proven bound than {@link RelaxationBound} where jobs differ in who can do them: the
 * same relaxation (job on time only if some capable team alone finishes it by its deadline; team
 * time per deadline level), written once per <i>group of team types</i> and solved together as one
 * LP (GLOP). Pooling every team's time, as {@link RelaxationBound} does, lets an idle closure
 * team's hours count toward bridge demolitions it cannot do; here they cannot.
 *
 * <p><b>Constraints.</b> For a set G of team types, let J_G be the jobs every capable team of which
 * has a type in G, {@code c_j^G} = min over capable teams k of type in G of (work of k at j +
 * min(way into j from another site, from k's home) + j's depot-to-site leg), and start_k = ready_k
 * + e_k as in {@link RelaxationBound}. For every deadline level D: {@code Σ_{j ∈ J_G, dl_j ≤ D}
 * c_j^G y_j ≤ Σ_{k of type in G} max(0, D − start_k)}. <b>Proof:</b> a job of J_G is done, if at
 * all, by a team of type in G; the argument of {@link RelaxationBound}'s (2) applied to those teams
 * alone gives the inequality. The groups are every distinct set of capable types of a job and the
 * set of all types (which is {@link RelaxationBound}'s constraint), so the LP's optimum is at most
 * that bound.
 *
 * <p><b>Numerics.</b> GLOP's optimum is taken with a relative margin of 10⁻⁶ of the total value
 * added (its feasibility tolerance), and the result is never above {@link RelaxationBound}'s. Falls
 * back to that bound if GLOP does not report an optimum. Stateless.
 */
final class TypeGroupBound {

  private TypeGroupBound() {}

  static double of(Instance in, double pooled) {
    if (in.n == 0) {
      return pooled;
    }
    String[] type = new String[in.m];
    for (int k = 0; k < in.m; k++) {
      type[k] = in.problem.teams().get(k).teamType();
    }
    double[] into = new double[in.n];
    boolean[] eligible = new boolean[in.n];
    List<Set<String>> capable = new ArrayList<>();
    Set<Set<String>> groups = new LinkedHashSet<>();
    Set<String> all = new TreeSet<>(Arrays.asList(type));
    for (int j = 0; j < in.n; j++) {
      into[j] = RelaxationBound.wayIn(in, j);
      eligible[j] = RelaxationBound.aloneOnTime(in, j);
      Set<String> s = new TreeSet<>();
      for (int k = 0; k < in.m; k++) {
        if (Double.isFinite(in.work_s[k][j])) {
          s.add(type[k]);
        }
      }
      capable.add(s);
      if (eligible[j]) {
        groups.add(s);
      }
    }
    groups.add(all);
    double[] start = new double[in.m];
    for (int k = 0; k < in.m; k++) {
      start[k] = in.ready_s[k] + RelaxationBound.firstExtra(in, k, into);
    }
    OrTools.load();
    MPSolver lp = MPSolver.createSolver("GLOP");
    if (lp == null) {
      return pooled;
    }
    try {
      MPVariable[] y = new MPVariable[in.n];
      MPObjective obj = lp.objective();
      for (int j = 0; j < in.n; j++) {
        y[j] = lp.makeNumVar(0, eligible[j] ? 1 : 0, "y" + j);
        obj.setCoefficient(y[j], in.value[j]);
      }
      obj.setMaximization();
      for (Set<String> g : groups) {
        addGroup(lp, y, in, g, capable, eligible, start, type, into);
      }
      if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
        return pooled;
      }
      double v = obj.value() + 1e-6 * Math.max(1, in.totalValue);
      return Math.min(pooled, v);
    } finally {
      lp.delete();
    }
  }

  private static void addGroup(
      MPSolver lp,
      MPVariable[] y,
      Instance in,
      Set<String> g,
      List<Set<String>> capable,
      boolean[] eligible,
      double[] start,
      String[] type,
      double[] into) {
    List<Integer> jobs = new ArrayList<>();
    double[] c = new double[in.n];
    for (int j = 0; j < in.n; j++) {
      if (!eligible[j] || !g.containsAll(capable.get(j)) || !Double.isFinite(in.deadline_s[j])) {
        continue;
      }
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k < in.m; k++) {
        if (g.contains(type[k])) {
          best =
              Math.min(
                  best, in.work_s[k][j] + Math.min(into[j], in.fromHome_s[k][j]) + in.load_s[j]);
        }
      }
      c[j] = best;
      jobs.add(j);
    }
    jobs.sort((a, b) -> Double.compare(in.deadline_s[a], in.deadline_s[b]));
    int i = 0;
    while (i < jobs.size()) {
      double level = in.deadline_s[jobs.get(i)];
      while (i < jobs.size() && in.deadline_s[jobs.get(i)] <= level) {
        i++;
      }
      double cap = 0;
      for (int k = 0; k < in.m; k++) {
        if (g.contains(type[k])) {
          cap += Math.max(0, level - start[k]);
        }
      }
      MPConstraint row = lp.makeConstraint(Double.NEGATIVE_INFINITY, cap);
      for (int t = 0; t < i; t++) {
        row.setCoefficient(y[jobs.get(t)], c[jobs.get(t)]);
      }
    }
  }
}
