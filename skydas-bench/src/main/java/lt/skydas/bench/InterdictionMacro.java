package lt.skydas.bench;

import java.util.Locale;
import lt.skydas.optimize.interdiction.CoveringInterdiction;
import lt.skydas.optimize.interdiction.GridSpi;
import lt.skydas.optimize.interdiction.InterdictionNetwork;

/**
 * Macro benchmark of the exact interdiction solver on the grid instances (right/up/down
 * arcs, length 1–10, delay 10–20, super-source and super-sink; {@link GridSpi}). For each budget:
 * value, proven bound, rounds, pool rows, searches and wall time on this machine.
 *
 * <pre>
 * java -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.InterdictionMacro \
 *     [rows=100] [cols=100] [budgets=3,5,10] [seeds=1] [timeLimit_s=60] [workers=2]
 *     [CORE|SCIP|CP_SAT]
 * </pre>
 *
 * <p>{@code -Dverbose=true} prints every round; {@code -Dpaths=16 -Dharvest=16 -Dprove=0.6
 * -Dlocal=4000} set the paths separated and harvested per round, the share of time spent proving
 * the incumbent and the local-search moves tried per master before the exact solver.
 */
public final class InterdictionMacro {
  private InterdictionMacro() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int cols = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    String[] budgets = (args.length > 2 ? args[2] : "3,5,10").split(",");
    String[] seeds = (args.length > 3 ? args[3] : "1").split(",");
    double limit = args.length > 4 ? Double.parseDouble(args[4]) : 60;
    int workers = args.length > 5 ? Integer.parseInt(args[5]) : 2;
    CoveringInterdiction.MasterSolver master =
        args.length > 6
            ? CoveringInterdiction.MasterSolver.valueOf(args[6])
            : CoveringInterdiction.Settings.defaults().master();
    boolean verbose = Boolean.getBoolean("verbose");
    System.out.printf(
        Locale.ROOT,
        "grid %dx%d, %d CPUs, %s, time limit %.0f s, %d workers, master %s%n",
        rows,
        cols,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"),
        limit,
        workers,
        master);
    for (String seedS : seeds) {
      long seed = Long.parseLong(seedS.trim());
      InterdictionNetwork g = GridSpi.generate(rows, cols, seed);
      for (String b : budgets) {
        int k = Integer.parseInt(b.trim());
        CoveringInterdiction.Outcome o =
            new CoveringInterdiction(g, 1)
                .solve(
                    k,
                    CoveringInterdiction.Settings.builder()
                        .withTimeLimit_s(limit)
                        .withWorkers(workers)
                        .withSeed(seed)
                        .withMaster(master)
                        .withPathsPerRound(Integer.getInteger("paths", 16))
                        .withHarvestPerRound(Integer.getInteger("harvest", 16))
                        .withProveShare(Double.parseDouble(System.getProperty("prove", "0.6")))
                        .withLocalSteps(Integer.getInteger("local", 4000))
                        .build(),
                    verbose ? m -> System.out.println("  " + m) : null);
        System.out.printf(
            Locale.ROOT,
            "seed %d budget %2d: value %.0f bound %.0f %s | heuristic %.0f | %d rounds, %d rows,"
                + " %d searches, master %.1f s | %.1f s%n",
            seed,
            k,
            o.result().value(),
            o.result().upperBound(),
            o.optimal()
                ? "OPTIMAL"
                : "gap " + String.format(Locale.ROOT, "%.2f%%", 100 * o.result().gap()),
            o.heuristicValue(),
            o.rounds(),
            o.rows(),
            o.searches(),
            o.masterSeconds(),
            o.seconds());
      }
    }
  }
}
