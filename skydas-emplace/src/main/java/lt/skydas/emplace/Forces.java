package lt.skydas.emplace;

import java.util.List;
import java.util.Map;

/**
 * The forces that put reserved and crisis-laid obstacles in place: depots with their stock and
 * engineer units with their teams (issue 15). Positions in LKS-94 metres. Immutable.
 *
 * @param origin where it was read from (a file, or the shipped defaults)
 */
public record Forces(String origin, List<Depot> depots, List<Unit> units) {
  public Forces {
    depots = List.copyOf(depots);
    units = List.copyOf(units);
  }

  /** A depot: items in stock by kind ({@code at_mines}, {@code demolition_charges}). */
  public record Depot(String id, String name, double x, double y, Map<String, Double> stock) {
    public Depot {
      stock = Map.copyOf(stock);
    }
  }

  /**
   * An engineer unit: where its teams start, how long after the order they can move ({@code
   * readiness_h}), and how many teams of each type it has.
   */
  public record Unit(
      String id, String name, double x, double y, double readiness_h, Map<String, Integer> teams) {
    public Unit {
      teams = Map.copyOf(teams);
    }
  }

  /** These forces with {@code depots} instead of theirs, read from {@code from}. */
  public Forces withDepots(List<Depot> depots, String from) {
    return new Forces(origin + ", depots from " + from, depots, units);
  }

  /** Total stock of one kind over all depots. */
  public double stock(String kind) {
    double s = 0;
    for (Depot d : depots) {
      s += d.stock().getOrDefault(kind, 0.0);
    }
    return s;
  }
}
