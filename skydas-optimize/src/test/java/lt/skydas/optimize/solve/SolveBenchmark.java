package lt.skydas.optimize.solve;

import java.util.Arrays;
import lt.skydas.optimize.model.BarrierModel;

/**
 * Manual benchmark on a synthetic model sized like the real one (not a test): {@code java ...
 * SolveBenchmark [sites] [links] [budget€] [heuristic s] [exact s] [seed]}. Prints model size,
 * evaluation speed, heuristic and exact-solver results.
 */
public final class SolveBenchmark {
  private SolveBenchmark() {}

  public static void main(String[] args) {
    int sites = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int links = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    long budget = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000;
    double hTime = args.length > 3 ? Double.parseDouble(args[3]) : 30;
    double eTime = args.length > 4 ? Double.parseDouble(args[4]) : 60;
    long seed = args.length > 5 ? Long.parseLong(args[5]) : 1;
    long t0 = System.nanoTime();
    BarrierModel m = TestModels.large(seed, sites, links, budget);
    long t1 = System.nanoTime();
    PlanEvaluator ev = new PlanEvaluator(m);
    long t2 = System.nanoTime();
    System.out.printf(
        "model: %d sites, %d options, %d scenarios, %d nodes, %d arcs/scenario; generated %.2fs,"
            + " indexed %.2fs%n",
        sites,
        m.options().size(),
        m.scenarios().size(),
        m.scenarios().get(0).graph().nodeCount(),
        m.scenarios().get(0).graph().arcCount(),
        (t1 - t0) * 1e-9,
        (t2 - t1) * 1e-9);
    int[] plan = new int[sites];
    Arrays.fill(plan, -1);
    ev.lengths(plan);
    long t3 = System.nanoTime();
    int reps = 20;
    for (int i = 0; i < reps; i++) {
      ev.lengths(plan);
    }
    long t4 = System.nanoTime();
    System.out.printf(
        "full evaluation (all %d scenarios): %.2f ms; baseline objective %.4f%n",
        m.scenarios().size(), (t4 - t3) * 1e-6 / reps, ev.baselineObjective());
    if (hTime > 0) {
      heuristic(m, hTime, seed);
    }
    exact(m, eTime, seed);
  }

  static void heuristic(BarrierModel m, double hTime, long seed) {
    HeuristicResult h =
        new HeuristicSolver(m)
            .solve(
                HeuristicSolver.Settings.builder().withTimeLimit_s(hTime).withSeed(seed).build(),
                p ->
                    System.out.printf(
                        "  [%6.2fs] %s objective %.4f it %d%n",
                        p.elapsed_s(), p.phase(), p.objective(), p.round()));
    System.out.printf(
        "heuristic: greedy %.4f -> %.4f (baseline %.4f) in %.2fs, %d iterations, %d evaluations,"
            + " %d searches, %d options built, %d paths%n",
        h.greedyObjective(),
        h.objective(),
        h.baselineObjective(),
        h.time_s(),
        h.iterations(),
        h.evaluations(),
        h.searches(),
        Arrays.stream(h.choice()).filter(o -> o >= 0).count(),
        h.paths().size());
    long[] ceil = new long[3];
    double[] cap = new double[3];
    long total = m.budgets().get(0).limit();
    for (int y = 0; y < 3; y++) {
      ceil[y] = total / 3;
      cap[y] = m.budgets().get(2).limit() / 3.0;
    }
    double[] effort = new double[m.options().size()];
    for (int o = 0; o < effort.length; o++) {
      effort[o] = m.budgets().get(2).coefficient()[o];
    }
    long p0 = System.nanoTime();
    Phasing ph =
        new PhasingScheduler(m, 2)
            .schedule(h.choice(), new PhasingScheduler.Calendar(3, ceil, cap), effort, null);
    System.out.printf(
        "phasing (3 years, ceilings %d€/year): %.2fs, objective by year %s, spent %s,"
            + " unscheduled %d%n",
        total / 3,
        (System.nanoTime() - p0) * 1e-9,
        Arrays.toString(
            Arrays.stream(ph.objective()).map(v -> Math.round(v * 1e4) / 1e4).toArray()),
        Arrays.toString(ph.spent_eur()),
        ph.unscheduled().size());
  }

  static void exact(BarrierModel m, double eTime, long seed) {
    if (eTime > 0) {
      ExactResult ex =
          new ExactSolver(m)
              .solve(
                  ExactSolver.Settings.builder().withTimeLimit_s(eTime).withSeed(seed).build(),
                  p ->
                      System.out.printf(
                          "  [%6.2fs] %s LB %.4f UB %.4f round %d pool %d%n",
                          p.elapsed_s(),
                          p.phase(),
                          p.objective(),
                          p.bound(),
                          p.round(),
                          p.poolSize()));
      System.out.printf(
          "exact: %s objective %.4f bound %.4f gap %.2f%% delay-gap %.2f%% rounds %d pool %d"
              + " vars %d time %.2fs (heuristic %.2fs, master %.2fs), per-scenario search s %s%n",
          ex.status(),
          ex.objective(),
          ex.bound(),
          100 * ex.gap(),
          100 * ex.delayGap(),
          ex.rounds(),
          ex.poolSize(),
          ex.masterVariables(),
          ex.time_s(),
          ex.heuristicTime_s(),
          ex.masterTime_s(),
          Arrays.toString(
              Arrays.stream(ex.scenarioSearch_s())
                  .map(v -> Math.round(v * 100) / 100.0)
                  .toArray()));
    }
  }
}
