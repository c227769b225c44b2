package lt.skydas.optimize.corridor;

import java.util.List;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.model.GateGraph;

/**
 * The aggregated corridor graphs of one region: the gates of every site and one {@link GateGraph}
 * per vehicle class × season, in {@code cases} order. Node layout in every graph: 0 = source (the
 * attacker's start line), 1 = sink (any objective), gate {@code g} enters at {@code 2 + 2g} and
 * leaves at {@code 3 + 2g}; the gate arc joins them.
 *
 * @param gates all gates, index = gate number
 * @param cases the (class, season) of each graph
 * @param graphs one per case
 * @param baseline_s the unobstructed attacker time per case on the full model (checks the graph)
 * @param build_s wall time to build
 */
public record CorridorGraphs(
    List<Gate> gates,
    List<Case> cases,
    List<GateGraph> graphs,
    double[] baseline_s,
    double build_s) {

  /** A vehicle class and season. */
  public record Case(VehicleClass vehicle, Season season) {
    public String name() {
      return vehicle.id() + "/" + season.id();
    }
  }

  public static int in(int gate) {
    return 2 + 2 * gate;
  }

  public static int out(int gate) {
    return 3 + 2 * gate;
  }
}
