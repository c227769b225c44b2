package lt.skydas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.quadtree.Quadtree;

/**
 * The records of one import, each checked against those added before it: no id twice, no two of one
 * type on one geometry, no overlapping minefields. Checks against stored records are the
 * registry's. Not thread-safe; one per import.
 */
final class ImportBatch {
  private final List<RegistryRecord> records = new ArrayList<>();
  private final Map<String, String> whereById = new HashMap<>();
  private final Map<String, String> whereByGeometry = new HashMap<>();

  /** Polygonal minefields added so far, each as {where, geometry}. */
  private final Quadtree minefields = new Quadtree();

  /**
   * Adds a record (null if its draft did not build); its clashes with the records added before are
   * added to {@code fe}.
   *
   * @param where where its draft came from, for messages
   */
  void add(RegistryRecord r, String where, List<FieldError> fe) {
    records.add(r);
    if (r == null) {
      return;
    }
    String prev = whereById.putIfAbsent(r.id(), where);
    if (prev != null) {
      fe.add(new FieldError("id", "duplicate id '" + r.id() + "' (also " + prev + ")"));
    }
    String other =
        whereByGeometry.putIfAbsent(RegistryStore.geometryHash(r.type(), r.geometry()), where);
    if (other != null) {
      fe.add(
          new FieldError(
              "geometry", "duplicate: a " + r.type() + " on the same geometry as " + other));
    }
    if (r.kind() == RecordKind.MINEFIELD && r.geometry() instanceof Polygonal) {
      for (Object o : minefields.query(r.geometry().getEnvelopeInternal())) {
        Object[] p = (Object[]) o;
        if (Registry.overlaps(r.geometry(), (Geometry) p[1])) {
          fe.add(new FieldError("geometry", "overlaps minefield " + p[0]));
        }
      }
      minefields.insert(r.geometry().getEnvelopeInternal(), new Object[] {where, r.geometry()});
    }
  }

  /** The records in the order added (none null once every draft built). */
  List<RegistryRecord> records() {
    return records;
  }

  /** The distinct ids. */
  List<String> ids() {
    return new ArrayList<>(whereById.keySet());
  }

  /** Where the record with this id came from. */
  String whereOf(String id) {
    return whereById.get(id);
  }

  /** Where a record came from, or {@code record <id>}. */
  String label(RegistryRecord r) {
    return whereById.getOrDefault(r.id(), "record " + r.id());
  }
}
