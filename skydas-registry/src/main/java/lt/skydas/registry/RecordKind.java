package lt.skydas.registry;

import java.util.Locale;

/**
 * What a record is, from its catalog type: an obstacle or a minefield (obstacle catalog; a
 * minefield carries the CCW Amended Protocol II record), or a sensor, EW or counter-drone site
 * (sensor catalog; it may carry its mast height and azimuth), or an ammunition and stock depot (the
 * registry's own type {@code depot}: a point with its stock by kind, {@link DepotData}).
 */
public enum RecordKind {
  OBSTACLE,
  MINEFIELD,
  SENSOR,
  DEPOT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
