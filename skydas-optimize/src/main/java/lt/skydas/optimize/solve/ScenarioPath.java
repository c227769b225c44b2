package lt.skydas.optimize.solve;

/**
 * A source–sink path of one scenario's gate graph, as arc ids in order. Solvers exchange these to
 * seed path pools (a shortest path of some plan is a valid cut for every plan).
 *
 * @param scenario scenario index
 * @param arcs arc ids, source to sink (not copied; do not modify)
 */
public record ScenarioPath(int scenario, int[] arcs) {}
