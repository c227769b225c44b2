package lt.skydas.optimize.corridor;

import java.util.List;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.optimize.model.ObjectiveMode;

/**
 * The aggregated corridor graphs of one region: the gates of every site and one {@link GateGraph}
 * per vehicle class × season × {@link Target}. Node layout in every graph: 0 = source (the
 * attacker's start line), 1 = sink (the target's objectives), gate {@code g} of the case's gates
 * ({@link CorridorGraphBuilder#gatesFor}: the located gates, cell gates cut to the case's span)
 * enters at {@code 2 + 2g} and leaves at {@code 3 + 2g}; the gate arc joins them. The graphs of one
 * case share every arc but those into the sink (gate → target and start → target).
 *
 * @param gates the located gates (before each case cuts them to its span)
 * @param cases the (class, season) of each row of graphs
 * @param targets what the sink of each column of graphs stands for
 * @param graphs {@code graphs.get(case).get(target)}
 * @param baseline_s {@code baseline_s[case][target]}: the unobstructed attacker time on the full
 *     model of the graph region (checks the graph; +Inf when the target cannot be reached)
 * @param uncovered ids of the objectives that cover no cell of the graph region (in no target)
 * @param build_s wall time to build
 */
public record CorridorGraphs(
    List<Gate> gates,
    List<Case> cases,
    List<Target> targets,
    List<List<GateGraph>> graphs,
    double[][] baseline_s,
    List<String> uncovered,
    double build_s) {

  public CorridorGraphs {
    gates = List.copyOf(gates);
    cases = List.copyOf(cases);
    targets = List.copyOf(targets);
    graphs = graphs.stream().map(List::copyOf).toList();
    uncovered = List.copyOf(uncovered);
    if (graphs.size() != cases.size() || baseline_s.length != cases.size()) {
      throw new IllegalArgumentException("one row of graphs and baselines per case");
    }
    for (int k = 0; k < cases.size(); k++) {
      if (graphs.get(k).size() != targets.size() || baseline_s[k].length != targets.size()) {
        throw new IllegalArgumentException("one graph and baseline per case and target");
      }
    }
  }

  /** A vehicle class and season. */
  public record Case(VehicleClass vehicle, Season season) {
    public String name() {
      return vehicle.id() + "/" + season.id();
    }
  }

  /**
   * What a graph's sink is: one objective ({@link ObjectiveMode#EACH}), or the nearest of all of
   * them ({@link ObjectiveMode#NEAREST}).
   *
   * @param id the objective's id, or {@link #NEAREST_ID}
   * @param name for people
   * @param objectiveIds the objectives whose cells make the sink (reaching any of them counts)
   */
  public record Target(String id, String name, List<String> objectiveIds) {
    /** Id of the single target of {@link ObjectiveMode#NEAREST}. */
    public static final String NEAREST_ID = "nearest";

    public Target {
      objectiveIds = List.copyOf(objectiveIds);
    }
  }

  /**
   * These graphs with only the target columns {@code from} (inclusive) to {@code to} (exclusive):
   * one build may serve the objectives and the friendly routes' corridor margins, each its own.
   */
  public CorridorGraphs columns(int from, int to) {
    List<List<GateGraph>> g = new java.util.ArrayList<>();
    double[][] b = new double[cases.size()][];
    for (int k = 0; k < cases.size(); k++) {
      g.add(graphs.get(k).subList(from, to));
      b[k] = java.util.Arrays.copyOfRange(baseline_s[k], from, to);
    }
    return new CorridorGraphs(gates, cases, targets.subList(from, to), g, b, uncovered, build_s);
  }

  /** The graph of case {@code k} toward target {@code t}. */
  public GateGraph graph(int k, int t) {
    return graphs.get(k).get(t);
  }

  public static int in(int gate) {
    return 2 + 2 * gate;
  }

  public static int out(int gate) {
    return 3 + 2 * gate;
  }
}
