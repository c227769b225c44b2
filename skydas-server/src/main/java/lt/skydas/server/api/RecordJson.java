package lt.skydas.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.registry.Action;
import lt.skydas.registry.ActivityKind;
import lt.skydas.registry.RecordOffer;
import lt.skydas.registry.RecordOffer.Edit;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.exchange.RegistryExchange;

/** Registry records as GeoJSON (WGS84, 7 decimals) in the registry's exchange properties. */
final class RecordJson {
  private RecordJson() {}

  /** Records as a FeatureCollection, with {@code members} as foreign members first. */
  static String features(List<RegistryRecord> rs, Map<String, ?> members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter w = new GeoJsonWriter(out, 7, members)) {
      for (RegistryRecord r : rs) {
        w.feature(r.id(), r.geometry(), RegistryExchange.featureProperties(r));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * One record as a Feature with what a caller of {@code role} may do with it: {@code
   * allowed_actions}, {@code allowed_edits} and {@code allowed_activities} (see {@link
   * RecordOffer}, the registry's rules).
   */
  static ObjectNode feature(Registry registry, RegistryRecord r, Role role, ObjectMapper json) {
    return (ObjectNode)
        featuresWithOffers(registry, List.of(r), role, Map.of(), json).get("features").get(0);
  }

  /**
   * Records as a FeatureCollection, each feature with the offers to {@code role} (by the lifecycle
   * of its type's employment, {@link Registry#offer}).
   */
  static ObjectNode featuresWithOffers(
      Registry registry,
      List<RegistryRecord> rs,
      Role role,
      Map<String, ?> members,
      ObjectMapper json) {
    try {
      ObjectNode fc = (ObjectNode) json.readTree(features(rs, members));
      for (int i = 0; i < rs.size(); i++) {
        ObjectNode f = (ObjectNode) fc.get("features").get(i);
        RecordOffer o = registry.offer(rs.get(i), role);
        f.set("allowed_actions", json.valueToTree(o.actions().stream().map(Action::id).toList()));
        f.set("allowed_edits", json.valueToTree(o.edits().stream().map(Edit::id).toList()));
        f.set(
            "allowed_activities",
            json.valueToTree(o.activities().stream().map(ActivityKind::id).toList()));
      }
      return fc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
