package lt.skydas.registry.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Symbology;

/**
 * GeoJSON (RFC 7946) records and plans. Export writes one feature per record whose properties are
 * the record's canonical JSON ({@link RecordCodec#toTree}) without the geometry, so it imports back
 * to the same draft, plus the record's map symbol ({@code sidc}: MIL-STD-2525C, {@code sidc_app6d}:
 * APP-6(D), from {@link Symbology}; import ignores them). Import reads those, and plans from {@code
 * skydas optimize} (plan statuses {@code chosen}, {@code pinned}, {@code existing} become {@code
 * planned}). Stateless.
 */
final class GeoJsonExchange {
  /** Enough decimals that every double is written exactly (shortest round-trip form). */
  private static final int DECIMALS = 17;

  private GeoJsonExchange() {}

  static List<RecordDraft> read(Path file) {
    String name = file.toString();
    List<RecordDraft> out = new ArrayList<>();
    GeoJsonReader.read(file, f -> out.add(draft(name, f)), null, new LinkedHashMap<>());
    return out;
  }

  private static RecordDraft draft(String file, Feature f) {
    Map<String, Object> p = new LinkedHashMap<>(f.properties());
    if (p.get("id") == null && f.id() != null) {
      p.put("id", f.id());
    }
    return Fields.draft(file, f.label(), f.geometry(), p);
  }

  static void write(List<RegistryRecord> records, Path file) {
    AtomicOutput.writeFile(
        file,
        out -> {
          try (GeoJsonWriter w = new GeoJsonWriter(out, DECIMALS)) {
            for (RegistryRecord r : records) {
              w.feature(r.id(), r.geometry(), properties(r));
            }
          }
        });
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(RegistryRecord r) {
    ObjectNode o = RecordCodec.toTree(r);
    o.remove("geometry");
    Map<String, Object> p = RecordCodec.JSON.convertValue(o, LinkedHashMap.class);
    Symbology.Symbol s = Symbology.defaults().of(r);
    p.put("sidc", s.sidc());
    if (s.sidcApp6d() != null) {
      p.put("sidc_app6d", s.sidcApp6d());
    }
    return p;
  }
}
