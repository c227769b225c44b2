package lt.skydas.emplace;

import java.util.List;
import java.util.Map;

/**
 * The forces that put reserved and crisis-laid obstacles in place: depots with their stock and
 * engineer units with their teams (issue 15), and the sites where a new depot may be built (the
 * optimiser chooses among them). Positions in metres of the map CRS {@code epsg}. Immutable.
 *
 * <p>A depot's {@code stock} is what it stores for the plan: the plan buys its crisis-laid
 * obstacles' stock with them (an option's cost includes it) and keeps it in the depots, so the
 * figures are storage for the plan's stock, by kind.
 *
 * @param origin where it was read from (a file, or the shipped defaults)
 * @param depotSites where a depot may be built, with its cost and what it would store (empty: none)
 * @param epsg the map CRS of the positions (LKS-94 for Lithuania)
 */
public record Forces(
    String origin, List<Depot> depots, List<Unit> units, List<DepotSite> depotSites, int epsg) {
  public Forces {
    depots = List.copyOf(depots);
    units = List.copyOf(units);
    depotSites = List.copyOf(depotSites);
  }

  /** Forces without depot sites, in LKS-94. */
  public Forces(String origin, List<Depot> depots, List<Unit> units) {
    this(origin, depots, units, List.of());
  }

  /** Forces in LKS-94. */
  public Forces(String origin, List<Depot> depots, List<Unit> units, List<DepotSite> depotSites) {
    this(origin, depots, units, depotSites, lt.skydas.core.geo.Crs.LKS94);
  }

  /**
   * A site where a depot may be built (a candidate of {@code skydas optimize}).
   *
   * @param build_eur what building and running it over the programme costs, EUR
   * @param capacity what it would store, items by kind
   */
  public record DepotSite(
      String id, String name, double x, double y, double build_eur, Map<String, Double> capacity) {
    public DepotSite {
      capacity = Map.copyOf(capacity);
      if (!(build_eur >= 0) || !Double.isFinite(build_eur)) {
        throw new IllegalArgumentException("depot site " + id + ": build cost must be >= 0");
      }
    }

    /** The depot built here, storing its capacity. */
    public Depot depot() {
      return new Depot(id, name, x, y, capacity);
    }
  }

  /**
   * These forces with depots built at {@code built} (some of their depot sites, by id): the new
   * depots store their capacity and join the others; the sites left stay candidates.
   *
   * @throws IllegalArgumentException when an id names no depot site
   */
  public Forces withBuilt(java.util.Collection<String> built) {
    if (built.isEmpty()) {
      return this;
    }
    List<Depot> all = new java.util.ArrayList<>(depots);
    List<DepotSite> left = new java.util.ArrayList<>();
    java.util.Set<String> want = new java.util.TreeSet<>(built);
    for (DepotSite s : depotSites) {
      if (want.remove(s.id())) {
        all.add(s.depot());
      } else {
        left.add(s);
      }
    }
    if (!want.isEmpty()) {
      throw new IllegalArgumentException("no depot site " + want);
    }
    return new Forces(
        origin + ", depots built at " + String.join(", ", new java.util.TreeSet<>(built)),
        all,
        units,
        left,
        epsg);
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
    return new Forces(origin + ", depots from " + from, depots, units, depotSites, epsg);
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
