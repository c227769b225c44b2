package lt.skydas.region;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.core.geojson.GeoJsonWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Problems met while importing layers, each with file, feature, reason, what was done and a
 * location (lon/lat). Written as a GeoJSON point layer so a GIS user can look at them. Thread-safe.
 */
public final class ImportIssues {
  /** One import problem. */
  public record Issue(
      String file, String feature, String reason, String action, double lon, double lat) {}

  private static final int MAX_KEPT = 20_000;
  private final List<Issue> issues = new ArrayList<>();
  private final Map<String, Integer> counts = new TreeMap<>();

  public synchronized void add(
      String file, String feature, String reason, String action, double lon, double lat) {
    counts.merge(action + ": " + reason.replaceAll("\"[^\"]*\"", "\"…\""), 1, Integer::sum);
    if (issues.size() < MAX_KEPT) {
      issues.add(new Issue(file, feature, reason, action, lon, lat));
    }
  }

  public synchronized int size() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Counts per action and reason, for the build summary. */
  public synchronized Map<String, Integer> summary() {
    return new LinkedHashMap<>(counts);
  }

  public synchronized List<Issue> list() {
    return List.copyOf(issues);
  }

  /**
   * Writes the issues as GeoJSON points (issues without a location get [0, 0] and located=false).
   */
  public synchronized void write(OutputStream out) throws IOException {
    GeometryFactory gf = new GeometryFactory();
    try (GeoJsonWriter w = new GeoJsonWriter(out, 6)) {
      for (Issue i : issues) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("file", i.file());
        p.put("feature", i.feature());
        p.put("reason", i.reason());
        p.put("action", i.action());
        boolean located = Double.isFinite(i.lon()) && Double.isFinite(i.lat());
        p.put("located", located);
        w.feature(
            null,
            gf.createPoint(located ? new Coordinate(i.lon(), i.lat()) : new Coordinate(0, 0)),
            p);
      }
    }
  }
}
