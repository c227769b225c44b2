package lt.skydas.optimize;

import java.io.BufferedOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import org.locationtech.jts.geom.Lineal;

/** Writes candidates as GeoJSON (WGS84) for review in a GIS; atomic. */
public final class CandidateWriter {
  private CandidateWriter() {}

  /** Writes {@code candidates} (map CRS {@code epsg}) to {@code file} in lon/lat. */
  public static void write(
      Path file, List<Candidate> candidates, ObstacleCatalog catalog, int epsg) {
    AtomicOutput.writeFile(
        file,
        out -> {
          try (GeoJsonWriter w = new GeoJsonWriter(new BufferedOutputStream(out), 6)) {
            Crs crs = Crs.of(epsg);
            for (Candidate c : candidates) {
              Map<String, Object> p = new LinkedHashMap<>();
              p.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
              p.put("belt_km", Math.round(c.belt_m() / 100.0) / 10.0);
              boolean line = c.geometry_lks94() instanceof Lineal;
              double km = line ? c.geometry_lks94().getLength() / 1000 : 0;
              if (line) {
                p.put("length_km", Math.round(km * 1000) / 1000.0);
              }
              p.put("types", String.join(",", c.types()));
              ObstacleType cheapest = catalog.findType(c.types().get(0)).orElseThrow();
              p.put("cheapest_type", cheapest.id());
              p.put("cheapest_cost_eur", Math.round(cheapest.costEur_perUnit() * (line ? km : 1)));
              w.feature(c.id(), crs.toWgs84(c.geometry_lks94()), p);
            }
          }
        });
  }
}
