package lt.skydas.cli;

import lt.skydas.optimize.ModelSolver;
import lt.skydas.optimize.OrToolsModelSolver;

/** The solver the CLI uses. */
final class Solvers {
  private Solvers() {}

  static ModelSolver create() {
    return new OrToolsModelSolver();
  }
}
