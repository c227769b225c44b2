package lt.skydas.plan;

import java.util.Locale;

/** What a sensor detects or an effector acts on; ids in catalog files are lower case. */
public enum TargetClass {
  /** A tracked or wheeled vehicle moving on the ground. */
  VEHICLE,
  /** A person on foot. */
  PERSON,
  /** A small unmanned aircraft (multirotor or small fixed wing). */
  SMALL_UAS;

  /** The id used in catalog files ({@code small_uas}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
