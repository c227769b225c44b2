package lt.skydas.registry;

import java.util.Locale;

/**
 * What a record is, from its catalog type: an obstacle or a minefield (obstacle catalog; a
 * minefield carries the CCW Amended Protocol II record), or a sensor, EW or counter-drone site
 * (sensor catalog; it may carry its mast height and azimuth).
 */
public enum RecordKind {
  OBSTACLE,
  MINEFIELD,
  SENSOR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
