package lt.skydas.optimize.shelter;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.List;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.ShelterPairs;
import lt.skydas.assess.civil.ShelterSite;

/**
 * The siting programme of {@link ShelterSiting} on one MPSolver: as a mixed-integer programme
 * (SCIP) or as its LP relaxation (GLOP, for the start). Sites {@code 0 .. standing-1} are standing
 * shelters, the rest candidates; candidates that cost more than the budget, take nobody or reach
 * nobody get no variable ({@code x[j] == null}). Not thread-safe; lives as long as its solver.
 */
final class SitingModel {
  final MPVariable[] x;
  final MPVariable[] z;
  final MPObjective objective;
  final MPConstraint budget;
  final int candidates;
  final int pairs;

  SitingModel(
      MPSolver solver,
      boolean integer,
      Demand demand,
      List<ShelterSite> sites,
      int standing,
      ShelterPairs p,
      double budget_eur) {
    int n = demand.size();
    MPConstraint[] pointRow = new MPConstraint[n];
    budget = solver.makeConstraint(Double.NEGATIVE_INFINITY, budget_eur);
    objective = solver.objective();
    objective.setMaximization();
    x = new MPVariable[sites.size()];
    z = new MPVariable[p.size()];
    int inModel = 0;
    int pairCount = 0;
    for (int j = 0; j < sites.size(); j++) {
      int from = p.start()[j];
      int to = p.start()[j + 1];
      boolean candidate = j >= standing;
      ShelterSite s = sites.get(j);
      if (to == from || s.capacity() == 0 || candidate && s.cost_eur() > budget_eur) {
        continue;
      }
      MPConstraint siteRow;
      if (candidate) {
        x[j] = integer ? solver.makeBoolVar("x" + j) : solver.makeNumVar(0, 1, "x" + j);
        budget.setCoefficient(x[j], s.cost_eur());
        siteRow = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
        // a site fills at most its capacity and at most the people in its reach: the smaller is
        // the coefficient (valid, and a much tighter LP where a big basement serves few)
        double reach = 0;
        for (int k = from; k < to; k++) {
          reach += demand.people()[p.point()[k]];
        }
        siteRow.setCoefficient(x[j], -Math.min(s.capacity(), reach));
        inModel++;
      } else {
        siteRow = solver.makeConstraint(Double.NEGATIVE_INFINITY, s.capacity());
      }
      for (int k = from; k < to; k++) {
        int i = p.point()[k];
        double people = demand.people()[i];
        MPVariable v = solver.makeNumVar(0, people, "z" + k);
        z[k] = v;
        objective.setCoefficient(v, 1);
        siteRow.setCoefficient(v, 1);
        if (pointRow[i] == null) {
          pointRow[i] = solver.makeConstraint(Double.NEGATIVE_INFINITY, people);
        }
        pointRow[i].setCoefficient(v, 1);
        if (candidate) {
          MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
          link.setCoefficient(v, 1);
          link.setCoefficient(x[j], -Math.min(people, s.capacity()));
        }
        pairCount++;
      }
    }
    this.candidates = inModel;
    this.pairs = pairCount;
  }

  /** Hints a start to the solver: the chosen sites and the people assigned per pair. */
  void hint(MPSolver solver, SitingStart.Start start) {
    int m = 0;
    for (MPVariable v : x) {
      m += v == null ? 0 : 1;
    }
    for (MPVariable v : z) {
      m += v == null ? 0 : 1;
    }
    MPVariable[] vars = new MPVariable[m];
    double[] vals = new double[m];
    int t = 0;
    for (int j = 0; j < x.length; j++) {
      if (x[j] != null) {
        vars[t] = x[j];
        vals[t++] = start.chosen()[j] ? 1 : 0;
      }
    }
    for (int k = 0; k < z.length; k++) {
      if (z[k] != null) {
        vars[t] = z[k];
        vals[t++] = start.z()[k];
      }
    }
    solver.setHint(vars, vals);
  }
}
