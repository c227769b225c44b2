package lt.skydas.server.api;

import java.util.List;
import lt.skydas.core.geojson.Feature;
import lt.skydas.registry.RegistryRecord;

/**
 * What the registry's sensor sites observe, as map features: the OGC API collection {@code
 * coverage}. Supplied by the wiring (skydas-cli computes it with skydas-observe over the server's
 * region pack); {@link OgcApi} asks again only when the sensor records change (ids and versions)
 * and serves the cached features meanwhile.
 */
public interface CoverageSource {
  /**
   * The observed area per target class of {@code sensors}: one feature per class, its geometry a
   * (multi)polygon in WGS84 (empty when nothing is observed), properties {@code target}, {@code
   * observed_km2}, {@code sensors} (sites counted). Called by one thread at a time.
   *
   * @param sensors the sensor records that stand (not cleared or released), in id order
   */
  List<Feature> features(List<RegistryRecord> sensors);
}
