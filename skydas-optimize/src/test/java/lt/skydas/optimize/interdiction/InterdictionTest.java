package lt.skydas.optimize.interdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InterdictionTest {
  @Test
  void benchmarkGeneratorMatchesTheSpecAndIsDeterministic() {
    InterdictionNetwork g = GridSpi.generate(100, 100, 1);
    assertThat(g.nodeCount()).isEqualTo(10_002);
    assertThat(g.arcCount()).isEqualTo(29_900);
    InterdictionNetwork h = GridSpi.generate(100, 100, 1);
    for (int a = 0; a < g.arcCount(); a++) {
      assertThat(h.length(a)).isEqualTo(g.length(a));
      assertThat(h.delay(a)).isEqualTo(g.delay(a));
    }
    for (int a = 0; a < g.arcCount(); a++) {
      if (g.interdictable(a)) {
        assertThat(g.length(a)).isBetween(1.0, 10.0);
        assertThat(g.delay(a)).isBetween(10.0, 20.0);
      } else {
        assertThat(g.length(a)).isZero();
      }
    }
  }

  /** Independent reference: Bellman–Ford over the arc list. */
  static double bellmanFord(InterdictionNetwork g, boolean[] x) {
    double[] d = new double[g.nodeCount()];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    d[g.source()] = 0;
    for (int i = 0; i < g.nodeCount(); i++) {
      boolean changed = false;
      for (int a = 0; a < g.arcCount(); a++) {
        double nd = d[g.tail(a)] + g.length(a) + (x[a] ? g.delay(a) : 0);
        if (nd < d[g.head(a)]) {
          d[g.head(a)] = nd;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return d[g.sink()];
  }

  @Test
  void evaluatorMatchesBellmanFordAndItsPathHasThatLength() {
    for (int seed = 1; seed <= 50; seed++) {
      Random r = new Random(seed);
      InterdictionNetwork g = GridSpi.generate(2 + r.nextInt(6), 2 + r.nextInt(6), seed);
      boolean[] x = new boolean[g.arcCount()];
      for (int a = 0; a < x.length; a++) {
        x[a] = g.interdictable(a) && r.nextInt(4) == 0;
      }
      PathEvaluator e = new PathEvaluator(g);
      double v = e.value(x);
      assertThat(v).as("seed %d", seed).isEqualTo(bellmanFord(g, x));
      double sum = 0;
      int at = g.source();
      for (int a : e.lastPath()) {
        assertThat(g.tail(a)).isEqualTo(at);
        at = g.head(a);
        sum += g.length(a) + (x[a] ? g.delay(a) : 0);
      }
      assertThat(at).isEqualTo(g.sink());
      assertThat(sum).isEqualTo(v);
    }
  }

  @Test
  void greedyNeverBeatsBruteForceAndIsExactForBudgetOne() {
    int equal = 0;
    int runs = 0;
    for (int seed = 1; seed <= 60; seed++) {
      Random r = new Random(seed);
      InterdictionNetwork g = GridSpi.generate(2 + r.nextInt(3), 2 + r.nextInt(3), seed);
      BruteForceInterdiction exact = new BruteForceInterdiction(g);
      double previous = Double.NEGATIVE_INFINITY;
      for (int k = 0; k <= 3; k++) {
        InterdictionResult opt = exact.solve(k);
        InterdictionResult heur = new GreedyInterdiction(g).solve(k);
        assertThat(opt.value())
            .as("seed %d: optimum monotone in budget", seed)
            .isGreaterThanOrEqualTo(previous);
        previous = opt.value();
        assertThat(heur.value()).as("seed %d budget %d", seed, k).isLessThanOrEqualTo(opt.value());
        assertThat(heur.arcs().length).isLessThanOrEqualTo(k);
        boolean[] x = new boolean[g.arcCount()];
        for (int a : heur.arcs()) {
          x[a] = true;
        }
        assertThat(bellmanFord(g, x))
            .as("seed %d: reported value re-evaluates", seed)
            .isEqualTo(heur.value());
        if (k <= 1) {
          assertThat(heur.value()).as("seed %d budget %d exact", seed, k).isEqualTo(opt.value());
        }
        runs++;
        if (heur.value() == opt.value()) {
          equal++;
        }
      }
    }
    assertThat(equal).as("greedy optimal in %d of %d", equal, runs).isGreaterThan(runs / 2);
  }
}
