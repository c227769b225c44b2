package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lt.skydas.emplace.Forces;
import lt.skydas.optimize.model.BarrierModel;

/**
 * The depots' storage for the plan's stock (issue 15, {@link EmplacementStep#storage}; rows built
 * by {@link #rows}): per stock kind a row {@code Σ items of the chosen options − Σ capacity of the
 * depot sites built ≤ what the forces' depots store}. A depot site is an option of a site of its
 * own after the sensor candidates, with its build cost against the total, no delay, no effort and a
 * negative coefficient (its capacity) in the storage rows: it supplies them ({@link
 * BarrierModel.Budget}).
 *
 * @param sites the depot sites the model may build
 * @param capacity per kind: what the forces' depots store, items
 * @param items site number → type id → kind → items the option draws
 */
public record DepotStorage(
    List<Forces.DepotSite> sites,
    Map<String, Double> capacity,
    Map<Integer, Map<String, Map<String, Double>>> items) {
  public DepotStorage {
    sites = List.copyOf(sites);
    capacity = Map.copyOf(capacity);
    items = Map.copyOf(items);
  }

  /** No storage rows and no depot sites. */
  public static DepotStorage none() {
    return new DepotStorage(List.of(), Map.of(), Map.of());
  }

  /** Items of {@code kind} option {@code op} draws (0 for none). */
  double of(BarrierModel.Option op, String kind) {
    Map<String, Map<String, Double>> byType = items.get(op.site());
    Map<String, Double> k = byType == null ? null : byType.get(op.type());
    return k == null ? 0 : k.getOrDefault(kind, 0.0);
  }

  /** Prefix of the storage rows' names: {@code "depot storage at_mines"}. */
  public static final String ROW_PREFIX = "depot storage ";

  /**
   * One storage row per kind some option draws: items (rounded up) of each option, minus the
   * capacity (rounded down) of each depot site; the limit is what the forces' depots store, raised
   * to what the forced options draw when they draw more (pins stand).
   */
  List<BarrierModel.Budget> rows(OptionTable table) {
    java.util.TreeSet<String> kinds = new java.util.TreeSet<>();
    items()
        .values()
        .forEach(
            t ->
                t.values()
                    .forEach(
                        k ->
                            k.forEach(
                                (kind, v) -> {
                                  if (v > 0) {
                                    kinds.add(kind);
                                  }
                                })));
    int n = table.options().size();
    List<BarrierModel.Budget> rows = new ArrayList<>();
    for (String kind : kinds) {
      long[] coef = new long[n];
      long forced = 0;
      for (int o = 0; o < n; o++) {
        BarrierModel.Option op = table.options().get(o);
        Forces.DepotSite d = table.depotOf().get(o);
        if (d != null) {
          coef[o] = -(long) Math.floor(d.capacity().getOrDefault(kind, 0.0) + 1e-9);
        } else if (table.obstacles().get(o) != null && !table.existing()[o]) {
          coef[o] = (long) Math.ceil(of(op, kind) - 1e-9);
          forced += op.forced() ? coef[o] : 0;
        }
      }
      long limit = (long) Math.floor(capacity().getOrDefault(kind, 0.0) + 1e-9);
      rows.add(new BarrierModel.Budget(ROW_PREFIX + kind, coef, Math.max(limit, forced)));
    }
    return rows;
  }
}
