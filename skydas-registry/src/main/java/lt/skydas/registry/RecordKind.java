package lt.skydas.registry;

import java.util.Locale;

/** Obstacle or minefield; a minefield carries the CCW Amended Protocol II record. */
public enum RecordKind {
  OBSTACLE,
  MINEFIELD;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
