package lt.skydas.registry;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a depot record holds beside its point and name: the stock on hand and how it is kept. The
 * registry checks it ({@code DraftChecks}): every stock kind must be one the obstacle catalog's
 * emplacement blocks draw ({@code ObstacleType.emplacement().stockPerUnit()} keys: {@code
 * at_mines}, {@code ap_mines}, {@code demolition_charges}), every count a finite number {@code >=
 * 0}. A stock change is an edit of this value, so the audit chain keeps every level with who set it
 * and when. Immutable.
 *
 * @param stock items on hand by stock kind, in key order; empty if none given (never null)
 * @param storage how and where the stock is kept (magazines, fuzes apart), may be null
 */
public record DepotData(Map<String, Double> stock, String storage) {
  public DepotData {
    stock = stock == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(stock));
  }

  /** A depot with no stock given and no storage note. */
  public static DepotData empty() {
    return new DepotData(Map.of(), null);
  }

  /** The items on hand over all kinds. */
  public double total() {
    double s = 0;
    for (Double v : stock.values()) {
      s += v == null ? 0 : v;
    }
    return s;
  }

  /** This depot with its stock replaced. */
  public DepotData withStock(Map<String, Double> s) {
    return new DepotData(s, storage);
  }
}
