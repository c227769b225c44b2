package lt.skydas.server.api;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Status;
import org.locationtech.jts.geom.Envelope;

/**
 * A page of records read in small chunks, up to the limit asked and a budget of vertices, so a
 * listing of many large geometries neither holds them all in memory at once nor answers with
 * hundreds of megabytes (issue 18, finding 3: 39 polygons of 300,000 vertices made a viewer's
 * {@code GET /api/records?limit=10000} fail with OutOfMemoryError). A page cut by the budget says
 * so; the client asks for the next from where it ended. Stateless.
 */
final class RecordPages {
  private RecordPages() {}

  /** Records read from the store at a time. */
  static final int CHUNK = 50;

  /** Vertices one response carries at most (about 40 MB of GeoJSON); the first record always. */
  static final long MAX_VERTICES = 1_000_000;

  /**
   * @param records the page
   * @param cut whether the vertex budget ended the page before the limit (more may follow)
   */
  record Page(List<RegistryRecord> records, boolean cut) {}

  static Page read(
      Registry registry, Envelope bbox, Status status, RecordKind kind, int limit, int offset) {
    return read(registry, bbox, status, kind, limit, offset, MAX_VERTICES);
  }

  /** As above with a vertex budget of {@code maxVertices}. */
  static Page read(
      Registry registry,
      Envelope bbox,
      Status status,
      RecordKind kind,
      int limit,
      int offset,
      long maxVertices) {
    List<RegistryRecord> out = new ArrayList<>();
    long vertices = 0;
    int at = offset;
    while (out.size() < limit) {
      int n = Math.min(CHUNK, limit - out.size());
      List<RegistryRecord> chunk = registry.list(bbox, status, kind, n, at);
      for (RegistryRecord r : chunk) {
        int v = r.geometry().getNumPoints();
        if (!out.isEmpty() && vertices + v > maxVertices) {
          return new Page(out, true);
        }
        out.add(r);
        vertices += v;
      }
      if (chunk.size() < n) {
        break;
      }
      at += n;
    }
    return new Page(out, false);
  }
}
