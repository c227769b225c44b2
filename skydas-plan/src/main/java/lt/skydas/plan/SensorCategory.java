package lt.skydas.plan;

import java.util.Locale;

/**
 * What a sensor or effector is for; the budget lines of the programme's non-mine share. Ids in
 * catalog files are the lower-case names ({@code early_warning}).
 */
public enum SensorCategory {
  /** Watches ground movement near the border: radars, cameras, cable and ground sensors, UAS. */
  SURVEILLANCE,
  /** Sees far beyond the border from height: aerostats and tethered drones with radar. */
  EARLY_WARNING,
  /** Electronic warfare: jammers of GNSS and drone links over an area. */
  EW,
  /** Finds small drones: RF detectors, counter-drone radar. */
  CUAS_SENSOR,
  /** Defeats small drones: directional jammers, interceptor drones, guns. */
  CUAS_EFFECTOR;

  /** The id used in catalog files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
