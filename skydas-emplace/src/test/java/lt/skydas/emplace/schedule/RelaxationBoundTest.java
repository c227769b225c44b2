package lt.skydas.emplace.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The greedy solves the relaxation's LP exactly: compared with GLOP on random data. */
class RelaxationBoundTest {
  @Test
  void greedyEqualsTheLpOptimum() {
    Loader.loadNativeLibraries();
    for (long seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      int n = 1 + r.nextInt(25);
      int m = 1 + r.nextInt(5);
      double[] v = new double[n];
      double[] c = new double[n];
      double[] dl = new double[n];
      boolean[] eligible = new boolean[n];
      for (int j = 0; j < n; j++) {
        v[j] = 1 + r.nextInt(10);
        c[j] = 300 + r.nextInt(3000);
        dl[j] = r.nextInt(8) == 0 ? Double.POSITIVE_INFINITY : 600 * (1 + r.nextInt(12));
        eligible[j] = r.nextInt(6) != 0;
      }
      double[] start = new double[m];
      for (int k = 0; k < m; k++) {
        start[k] = r.nextInt(3600);
      }
      double greedy = RelaxationBound.greedy(v, c, dl, eligible, start);
      assertThat(greedy).as("seed " + seed).isCloseTo(lp(v, c, dl, eligible, start), within(1e-6));
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  /** The same LP, written plainly, one constraint per deadline value, solved by GLOP. */
  private static double lp(
      double[] v, double[] c, double[] dl, boolean[] eligible, double[] start) {
    MPSolver s = MPSolver.createSolver("GLOP");
    int n = v.length;
    MPVariable[] y = new MPVariable[n];
    for (int j = 0; j < n; j++) {
      y[j] = s.makeNumVar(0, eligible[j] ? 1 : 0, "y" + j);
    }
    for (int i = 0; i < n; i++) {
      if (!eligible[i] || Double.isInfinite(dl[i])) {
        continue;
      }
      double cap = 0;
      for (double st : start) {
        cap += Math.max(0, dl[i] - st);
      }
      MPConstraint row = s.makeConstraint(Double.NEGATIVE_INFINITY, cap);
      for (int j = 0; j < n; j++) {
        if (dl[j] <= dl[i]) {
          row.setCoefficient(y[j], c[j]);
        }
      }
    }
    MPObjective obj = s.objective();
    for (int j = 0; j < n; j++) {
      obj.setCoefficient(y[j], v[j]);
    }
    obj.setMaximization();
    assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
    return obj.value();
  }
}
