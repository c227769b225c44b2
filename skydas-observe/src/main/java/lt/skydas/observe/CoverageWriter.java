package lt.skydas.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.raster.ByteRaster;
import lt.skydas.raster.GeoTiff;

/**
 * Writes a {@link CoverageReport} to a directory, replaced whole when complete: {@code
 * coverage.json} (per target: observed area, each line's length observed and unobserved, mean
 * redundancy, its longest gaps; the plan's own sites its jammers would deny), {@code gaps.geojson}
 * (every unobserved stretch in WGS84 with its target, line and length) and {@code
 * coverage_<target>.tif} (a byte GeoTIFF on the region grid: the number of sensors observing each
 * cell, 254 meaning 254 or more, 255 where the surface has no data).
 */
public final class CoverageWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** How many of a line's longest gaps {@code coverage.json} lists. */
  public static final int GAPS_LISTED = 10;

  private CoverageWriter() {}

  /** Writes the outputs into {@code dir} (replaced when complete). */
  public static void write(Path dir, CoverageReport r, Surface surface) {
    AtomicOutput.writeDirectory(
        dir,
        tmp -> {
          Files.writeString(tmp.resolve("coverage.json"), JSON.writeValueAsString(summary(r)));
          try (OutputStream out = Files.newOutputStream(tmp.resolve("gaps.geojson"));
              GeoJsonWriter w = new GeoJsonWriter(new BufferedOutputStream(out), 6)) {
            writeGaps(w, r, Crs.of(surface.grid().epsg()));
          }
          for (CoverageReport.TargetCoverage t : r.targets()) {
            GeoTiff.writeByte(
                tmp.resolve("coverage_" + t.target().id() + ".tif"),
                counts(t.grid(), surface),
                255);
          }
        });
  }

  static Map<String, Object> summary(CoverageReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> targets = new ArrayList<>();
    for (CoverageReport.TargetCoverage t : r.targets()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("target", t.target().id());
      tm.put("target_height_m", t.targetHeight_m());
      tm.put("observed_km2", round(t.grid().observedArea_km2(), 1));
      Map<String, Object> lines = new LinkedHashMap<>();
      t.lines()
          .forEach(
              (name, lc) -> {
                Map<String, Object> lm = new LinkedHashMap<>();
                lm.put("length_km", round(lc.length_m() / 1000, 2));
                lm.put("observed_km", round(lc.observed_m() / 1000, 2));
                lm.put("unobserved_km", round(lc.unobserved_m() / 1000, 2));
                lm.put("observed_share", round(lc.observedShare(), 4));
                lm.put("mean_sensors", round(lc.meanSensors(), 2));
                lm.put("gaps", lc.gaps().size());
                lm.put(
                    "longest_gaps_km",
                    lc.gaps().stream()
                        .limit(GAPS_LISTED)
                        .map(g -> round(g.length_m() / 1000, 2))
                        .toList());
                lines.put(name, lm);
              });
      tm.put("lines", lines);
      targets.add(tm);
    }
    m.put("targets", targets);
    m.put("notes", r.notes());
    Map<String, Object> jamming = new LinkedHashMap<>();
    jamming.put(
        "conflicts",
        r.conflicts().stream()
            .map(
                c -> {
                  Map<String, Object> cm = new LinkedHashMap<>();
                  cm.put("jammer", c.jammerId());
                  cm.put("jammer_type", c.jammerType());
                  cm.put("site", c.siteId());
                  cm.put("site_type", c.siteType());
                  cm.put("distance_km", round(c.distance_m() / 1000, 2));
                  cm.put("radius_km", round(c.radius_m() / 1000, 2));
                  return cm;
                })
            .toList());
    jamming.put(
        "denied_everywhere_in_radius",
        r.blankets().stream()
            .map(
                b ->
                    Map.of(
                        "jammer", b.jammerId(),
                        "radius_km", round(b.radius_m() / 1000, 2),
                        "systems", b.systems()))
            .toList());
    m.put("jamming", jamming);
    if (!r.protection().isEmpty()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("sites", r.protection().size());
      pm.put("protected", r.protection().stream().filter(SiteProtection::isProtected).count());
      pm.put("protected_share", round(SiteProtection.protectedShare(r.protection()), 4));
      pm.put(
          "each",
          r.protection().stream()
              .map(
                  p -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("id", p.id());
                    e.put("name", p.name());
                    e.put("detected_by", p.detectedBy());
                    e.put("defended_by", p.defendedBy());
                    e.put("protected", p.isProtected());
                    return e;
                  })
              .toList());
      m.put("protection_against_small_uas", pm);
    }
    return m;
  }

  private static void writeGaps(GeoJsonWriter w, CoverageReport r, Crs crs) throws IOException {
    for (CoverageReport.TargetCoverage t : r.targets()) {
      for (Map.Entry<String, LineCoverage> e : t.lines().entrySet()) {
        for (LineCoverage.Gap g : e.getValue().gaps()) {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("target", t.target().id());
          p.put("line", e.getKey());
          p.put("from_km", round(g.from_m() / 1000, 3));
          p.put("to_km", round(g.to_m() / 1000, 3));
          p.put("length_km", round(g.length_m() / 1000, 3));
          w.feature(null, crs.toWgs84(g.geometry_lks94()), p);
        }
      }
    }
  }

  private static ByteRaster counts(CoverageGrid g, Surface surface) {
    byte[] b = new byte[g.count().length];
    for (int i = 0; i < b.length; i++) {
      b[i] = surface.isNodata(i) ? (byte) 255 : (byte) Math.min(254, g.count()[i]);
    }
    return new ByteRaster(g.grid(), b);
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
