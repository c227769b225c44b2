package lt.skydas.plan;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lt.skydas.core.problem.SkydasProblem;

/**
 * The editable catalog of sensors, EW systems and counter-drone effectors ({@code sensors.json}),
 * the second sourced catalog beside {@link ObstacleCatalog}. Every figure cites a reference of the
 * file's {@code references} table or is marked {@code estimate:} with its reasoning; loading checks
 * that and every range and names the file, the type and the field at fault in a {@link
 * SkydasProblem} (BAD_INPUT, or NOT_FOUND for a missing file). Immutable and thread-safe.
 *
 * <pre>{@code
 * SensorCatalog c = SensorCatalog.defaults();
 * double reach_m = c.findType("gsr_portable").orElseThrow().range_m(TargetClass.PERSON);
 * }</pre>
 */
public final class SensorCatalog {
  private final Map<String, SensorType> types;
  private final Map<String, String> references;
  private final String origin;

  SensorCatalog(Map<String, SensorType> types, Map<String, String> references, String origin) {
    this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    this.references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
    this.origin = origin;
  }

  /** The catalog shipped with Skydas. */
  public static SensorCatalog defaults() {
    return new SensorCatalogReader("built-in sensors.json")
        .read(CatalogJson.readResource("sensors.json"));
  }

  /**
   * Reads a user's sensor catalog file.
   *
   * @throws SkydasProblem NOT_FOUND when the file does not exist, BAD_INPUT when it is empty, not
   *     JSON (also when truncated) or any entry is invalid
   */
  public static SensorCatalog load(Path file) {
    return new SensorCatalogReader(file.toString()).read(CatalogJson.readFile(file));
  }

  /** The type with this id, if any. */
  public Optional<SensorType> findType(String id) {
    return Optional.ofNullable(types.get(id));
  }

  /** All types in file order. */
  public List<SensorType> listTypes() {
    return List.copyOf(types.values());
  }

  /** The file's references, id to full citation, in file order. */
  public Map<String, String> references() {
    return references;
  }

  /** Where the catalog came from (a file name or "built-in sensors.json"). */
  public String origin() {
    return origin;
  }
}
