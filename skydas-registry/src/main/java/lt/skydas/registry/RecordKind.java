package lt.skydas.registry;

import java.util.Locale;

/**
 * What a record is, from its catalog type: an obstacle or a minefield (obstacle catalog; a
 * minefield carries the CCW Amended Protocol II record), or a sensor, EW or counter-drone site
 * (sensor catalog; it may carry its mast height and azimuth), or an ammunition and stock depot (the
 * registry's own type {@code depot}: a point with its stock by kind, {@link DepotData}), or a
 * civil-protection shelter (the registry's own type {@code shelter}: a point with its capacity,
 * {@link ShelterData}; issue 17).
 */
public enum RecordKind {
  OBSTACLE,
  MINEFIELD,
  SENSOR,
  DEPOT,
  SHELTER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
