package lt.skydas.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;

/**
 * The humanitarian policy a plan, a record or a run is held to (docs/policy.md). Hard rules, never
 * options: a run gets the registry's policy or an explicit policy file, never one a plan asks for.
 *
 * <ul>
 *   <li>Anti-personnel mines: off, or on, optionally only inside {@code apZones_wgs84}.
 *   <li>The civilian buffer: no mine closer than this to a settlement, a residential area or a
 *       building. Below {@link #BUFFER_FLOOR_M} only with {@code bufferOverride}, a reason that the
 *       registry audits.
 *   <li>Protected areas: which obstacle kinds may lie in one ({@link #allowedInProtectedArea}); the
 *       documented defaults ({@link #DEFAULT_PROTECTED_AREA_RULES}) take what the policy leaves
 *       unsaid.
 * </ul>
 *
 * Immutable.
 *
 * @param apMinesEnabled whether national policy allows anti-personnel mines at all
 * @param civilianBuffer_m no mine may lie closer than this to a dwelling (0..50000)
 * @param apZones_wgs84 where AP mines may lie when enabled (polygons, lon/lat); empty: anywhere
 * @param protectedAreaRules obstacle kind (a catalog category such as {@code mines}, or a type id,
 *     which wins over its category) → allowed in a protected area; the defaults fill the rest
 * @param bufferOverride why the buffer is below the floor; null when it is not
 * @param source where the policy came from ("built-in default", "file policy.json", "registry
 *     version 3")
 */
public record PlanPolicy(
    boolean apMinesEnabled,
    double civilianBuffer_m,
    List<Geometry> apZones_wgs84,
    Map<String, Boolean> protectedAreaRules,
    String bufferOverride,
    String source) {

  /** Default buffer around settlements, residential areas and buildings. */
  public static final double DEFAULT_CIVILIAN_BUFFER_M = 1000;

  /**
   * The least buffer without an audited override: the danger area of a bounding fragmentation AP
   * mine is ~25–100 m and a mined strip is ~100 m deep, and people and livestock stray from the
   * last house into the fields. 500 m keeps the line half a kilometre from any dwelling.
   */
  public static final double BUFFER_FLOOR_M = 500;

  /** Largest buffer accepted. */
  public static final double MAX_CIVILIAN_BUFFER_M = 50_000;

  /**
   * What may lie in a protected area when the policy says nothing, by catalog category: nothing
   * that digs, fills or mines the land (mines, barriers, fortifications); planting and the road
   * control kinds (a control point or a prepared demolition on a road that already crosses the
   * area) may.
   */
  public static final Map<String, Boolean> DEFAULT_PROTECTED_AREA_RULES =
      Collections.unmodifiableMap(
          new TreeMap<>(
              Map.of(
                  "mines", false,
                  "barriers", false,
                  "fortifications", false,
                  "vegetation", true,
                  "road control", true)));

  /** The built-in policy: AP mines off, 1 km civilian buffer, the default protected-area rules. */
  public static final PlanPolicy DEFAULT =
      new PlanPolicy(
          false, DEFAULT_CIVILIAN_BUFFER_M, List.of(), Map.of(), null, "built-in default");

  public PlanPolicy {
    if (!Double.isFinite(civilianBuffer_m)
        || civilianBuffer_m < 0
        || civilianBuffer_m > MAX_CIVILIAN_BUFFER_M) {
      throw new IllegalArgumentException(
          "civilian buffer must be within 0..50000 m, not " + civilianBuffer_m);
    }
    if (bufferOverride != null && bufferOverride.isBlank()) {
      bufferOverride = null;
    }
    if (civilianBuffer_m < BUFFER_FLOOR_M && bufferOverride == null) {
      throw new IllegalArgumentException(belowFloor(civilianBuffer_m));
    }
    apZones_wgs84 = List.copyOf(apZones_wgs84);
    protectedAreaRules = Collections.unmodifiableMap(new TreeMap<>(protectedAreaRules));
    source = source == null ? "unnamed" : source;
  }

  /**
   * AP mines as given, buffer as given (at least the floor), default rules: for tests and tools.
   */
  public PlanPolicy(boolean apMinesEnabled, double civilianBuffer_m) {
    this(apMinesEnabled, civilianBuffer_m, List.of(), Map.of(), null, "built-in default");
  }

  /** The message for a buffer below the floor without an override. */
  public static String belowFloor(double buffer_m) {
    return String.format(
        Locale.ROOT,
        "a civilian buffer of %.0f m is below the floor of %.0f m: it needs an explicit override"
            + " with a reason (buffer_override_reason), which the registry audits",
        buffer_m,
        BUFFER_FLOOR_M);
  }

  /** Whether an obstacle of {@code type} may lie in a protected area under this policy. */
  public boolean allowedInProtectedArea(ObstacleType type) {
    Boolean byType = protectedAreaRules.get(type.id());
    if (byType != null) {
      return byType;
    }
    Boolean byCategory = protectedAreaRules.get(type.category());
    if (byCategory != null) {
      return byCategory;
    }
    return DEFAULT_PROTECTED_AREA_RULES.getOrDefault(type.category(), false);
  }

  /** The protected-area rule of every category and type named, defaults included, sorted. */
  public Map<String, Boolean> effectiveProtectedAreaRules() {
    Map<String, Boolean> out = new TreeMap<>(DEFAULT_PROTECTED_AREA_RULES);
    out.putAll(protectedAreaRules);
    return out;
  }

  public PlanPolicy withApMinesEnabled(boolean v) {
    return new PlanPolicy(
        v, civilianBuffer_m, apZones_wgs84, protectedAreaRules, bufferOverride, source);
  }

  public PlanPolicy withCivilianBuffer_m(double v) {
    return new PlanPolicy(
        apMinesEnabled, v, apZones_wgs84, protectedAreaRules, bufferOverride, source);
  }

  public PlanPolicy withSource(String v) {
    return new PlanPolicy(
        apMinesEnabled, civilianBuffer_m, apZones_wgs84, protectedAreaRules, bufferOverride, v);
  }

  /**
   * True when the two hold plans to the same rules (the source is not compared): what a plan asked
   * for against what it got.
   */
  public boolean sameRules(PlanPolicy o) {
    return apMinesEnabled == o.apMinesEnabled
        && civilianBuffer_m == o.civilianBuffer_m
        && zonesEqual(apZones_wgs84, o.apZones_wgs84)
        && effectiveProtectedAreaRules().equals(o.effectiveProtectedAreaRules());
  }

  private static boolean zonesEqual(List<Geometry> a, List<Geometry> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsExact(b.get(i), 1e-7)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The registry's version number of this policy when it came from a registry ({@code "registry
   * version 3"}), else null (a built-in default, a file).
   */
  public Integer registryVersion() {
    var m = java.util.regex.Pattern.compile("^registry version (\\d+)").matcher(source);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /**
   * The policy as a JSON-ready map for a run's outputs: {@code summary}, {@code source} and {@code
   * version} (the registry's, null otherwise).
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("summary", summary());
    m.put("source", source);
    m.put("version", registryVersion());
    return m;
  }

  /** One line: "AP mines off, 1000 m civilian buffer (built-in default)". */
  public String summary() {
    Map<String, Boolean> rules = new LinkedHashMap<>(effectiveProtectedAreaRules());
    StringBuilder allowed = new StringBuilder();
    rules.forEach(
        (k, v) -> {
          if (v) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(k);
          }
        });
    return String.format(
        Locale.ROOT,
        "AP mines %s, %.0f m civilian buffer%s, protected areas allow %s (%s)",
        !apMinesEnabled
            ? "off"
            : apZones_wgs84.isEmpty() ? "on" : "on in " + apZones_wgs84.size() + " zone(s)",
        civilianBuffer_m,
        bufferOverride == null ? "" : " (below the floor: " + bufferOverride + ")",
        allowed.length() == 0 ? "nothing" : allowed,
        source);
  }
}
