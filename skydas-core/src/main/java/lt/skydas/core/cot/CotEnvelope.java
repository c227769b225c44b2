package lt.skydas.core.cot;

import java.time.Instant;
import java.util.Objects;

/**
 * What every Cursor-on-Target 2.0 event says before its {@code <detail>}: who ({@code uid}), what
 * ({@code type}), how the position was found ({@code how}), when ({@code time}: generated, {@code
 * start}: valid from, {@code stale}: valid until) and where ({@code lat}, {@code lon}: WGS84
 * degrees). Height and errors are always written as unknown. Immutable.
 *
 * @param uid the event's identity: an event with the same uid replaces the earlier one in TAK
 * @param type the CoT type, e.g. {@code b-m-p-w} (a waypoint) or {@code u-d-f} (a drawn line)
 * @param how e.g. {@link CotEventWriter#HOW_ESTIMATED}
 */
public record CotEnvelope(
    String uid,
    String type,
    String how,
    Instant time,
    Instant start,
    Instant stale,
    double lat,
    double lon) {

  /**
   * @throws IllegalArgumentException on a blank uid, type or how, stale before start, or a position
   *     outside −90..90 / −180..180
   */
  public CotEnvelope {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stale, "stale");
    for (String[] f : new String[][] {{"uid", uid}, {"type", type}, {"how", how}}) {
      if (f[1] == null || f[1].isBlank()) {
        throw new IllegalArgumentException("CoT event: " + f[0] + " is blank");
      }
    }
    if (stale.isBefore(start)) {
      throw new IllegalArgumentException(
          "CoT event " + uid + ": stale " + stale + " is before start " + start);
    }
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException(
          "CoT event " + uid + ": position " + lat + ", " + lon + " is not WGS84 lat/lon");
    }
  }
}
