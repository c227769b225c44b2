package lt.skydas.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Territory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * Hazardous areas from a mine-action information system (an IMSMA-style export: GeoJSON, a
 * GeoPackage layer {@code hazards} (or its only layer) read with NGA's library, or CSV with a
 * {@code wkt} column; WGS84), with the GICHD Minimum Data Requirements' fields: {@code hazard_id},
 * {@code hazard_type} ({@code SHA} suspected or {@code CHA} confirmed), {@code status} ({@code
 * open} to clear; {@code released}, {@code cancelled} and {@code cleared} are land already
 * released), {@code device_categories} ({@code AP}, {@code AT}, {@code UXO}, separated by {@code ;}
 * or {@code ,}) and the perimeter polygon; optional {@code vegetation}, {@code soil}, {@code
 * priority} (1 to 5) and {@code area_m2} (checked against the polygon). All or nothing: the first
 * problem refuses the file in one line naming the file, the row or feature and the field (a missing
 * MDR field, an unknown device category, an area outside the home territory, one overlapping
 * released land, a duplicate id, an area that disagrees with its polygon by more than 10 %).
 */
final class HazardsReader {
  static final Set<String> TYPES = Set.of("SHA", "CHA");
  static final Set<String> OPEN = Set.of("open");
  static final Set<String> RELEASED = Set.of("released", "cancelled", "cleared");

  /** One hazard as read, before the checks across the file. */
  record Hazard(String where, String id, Geometry geometry, Map<String, String> fields) {}

  private HazardsReader() {}

  /** The open hazards of {@code file}, each with its area, categories and optional fields. */
  static List<Hazard> read(Path file, Territory territory) {
    String name = file.toString();
    String lower = name.toLowerCase(Locale.ROOT);
    List<Hazard> all =
        lower.endsWith(".csv") ? csv(file) : lower.endsWith(".gpkg") ? gpkg(file) : geojson(file);
    if (all.isEmpty()) {
      throw SkydasProblem.badInput(name, null, "no hazardous area in the file");
    }
    Set<String> ids = new HashSet<>();
    List<Hazard> released = new ArrayList<>();
    List<Hazard> open = new ArrayList<>();
    for (Hazard h : all) {
      String where = h.where();
      for (String f : List.of("hazard_id", "hazard_type", "status", "device_categories")) {
        if (h.fields().getOrDefault(f, "").isBlank()) {
          throw SkydasProblem.badInput(name, where, f + ": missing (a GICHD MDR field)");
        }
      }
      if (!ids.add(h.id())) {
        throw SkydasProblem.badInput(name, where, "hazard_id '" + h.id() + "' appears twice");
      }
      String type = h.fields().get("hazard_type").strip().toUpperCase(Locale.ROOT);
      if (!TYPES.contains(type)) {
        throw SkydasProblem.badInput(
            name, where, "hazard_type: '" + h.fields().get("hazard_type") + "' is not SHA or CHA");
      }
      String status = h.fields().get("status").strip().toLowerCase(Locale.ROOT);
      if (!OPEN.contains(status) && !RELEASED.contains(status)) {
        throw SkydasProblem.badInput(
            name,
            where,
            "status: '"
                + h.fields().get("status")
                + "' is not open, released, cancelled or cleared");
      }
      categories(h, name);
      if (!(h.geometry() instanceof Polygonal) || h.geometry().isEmpty()) {
        throw SkydasProblem.badInput(
            name,
            where,
            "geometry: a hazardous area is a Polygon (its perimeter), not a "
                + (h.geometry() == null ? "missing geometry" : h.geometry().getGeometryType()));
      }
      if (!h.geometry().isValid()) {
        throw SkydasProblem.badInput(name, where, "geometry: the perimeter crosses itself");
      }
      String place = territory.placementProblem(h.geometry());
      if (place != null) {
        throw SkydasProblem.badInput(name, where, "geometry: " + place);
      }
      (OPEN.contains(status) ? open : released).add(h);
    }
    for (Hazard h : open) {
      for (Hazard r : released) {
        if (h.geometry().intersects(r.geometry())) {
          double m2 = territory.crs().toMetric(h.geometry().intersection(r.geometry())).getArea();
          if (m2 >= 1) {
            throw SkydasProblem.badInput(
                name,
                h.where(),
                String.format(
                    Locale.ROOT,
                    "overlaps released area %s by %.0f m2: release it again or correct the perimeter",
                    r.id(),
                    m2));
          }
        }
      }
    }
    return open;
  }

  /** The hazard's device categories, checked. */
  static Set<String> categories(Hazard h, String file) {
    Set<String> out = new HashSet<>();
    for (String c : h.fields().get("device_categories").split("[;,]")) {
      String k = c.strip().toUpperCase(Locale.ROOT);
      if (k.isEmpty()) {
        continue;
      }
      if (!Set.of("AP", "AT", "UXO").contains(k)) {
        throw SkydasProblem.badInput(
            file,
            h.where(),
            "device_categories: unknown category '" + c.strip() + "' (AP, AT, UXO)");
      }
      out.add(k);
    }
    if (out.isEmpty()) {
      throw SkydasProblem.badInput(file, h.where(), "device_categories: none given (AP, AT, UXO)");
    }
    return out;
  }

  /** A GeoPackage's hazard layer ({@code hazards}, {@code hazardous_areas}, or its only one). */
  private static List<Hazard> gpkg(Path file) {
    List<Hazard> out = new ArrayList<>();
    for (GpkgRows.Row r :
        GpkgRows.read(file, List.of("hazards", "hazardous_areas", "hazard"), false)) {
      String id = r.fields().getOrDefault("hazard_id", "");
      out.add(
          new Hazard(
              r.where() + (id.isBlank() ? "" : " (" + id + ")"), id, r.geometry(), r.fields()));
    }
    return out;
  }

  private static List<Hazard> geojson(Path file) {
    List<Hazard> out = new ArrayList<>();
    GeoJsonReader.read(
        file,
        f -> {
          Map<String, String> fields = new LinkedHashMap<>();
          f.properties().forEach((k, v) -> fields.put(k, v == null ? "" : v.toString()));
          String id = fields.getOrDefault("hazard_id", f.id() == null ? "" : f.id());
          fields.put("hazard_id", id);
          out.add(
              new Hazard(
                  f.label() + (id.isBlank() ? "" : " (" + id + ")"), id, f.geometry(), fields));
        },
        null);
    return out;
  }

  private static List<Hazard> csv(Path file) {
    String name = file.toString();
    CsvMapper m = new CsvMapper();
    m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<Hazard> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> it = m.readerFor(String[].class).readValues(r)) {
      if (!it.hasNext()) {
        throw SkydasProblem.badInput(name, null, "file is empty (expected a header row)");
      }
      String[] header = it.next();
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        col.putIfAbsent(header[i].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
      }
      if (!col.containsKey("wkt")) {
        throw SkydasProblem.badInput(name, "line 1", "no 'wkt' column with the perimeter");
      }
      int row = 0;
      while (it.hasNextValue()) {
        String[] v = it.nextValue();
        row++;
        if (v.length == 1 && v[0].isBlank()) {
          continue;
        }
        String where = "row " + row;
        Map<String, String> fields = new LinkedHashMap<>();
        for (var e : col.entrySet()) {
          fields.put(e.getKey(), e.getValue() < v.length ? v[e.getValue()].strip() : "");
        }
        String id = fields.getOrDefault("hazard_id", "");
        where += id.isBlank() ? "" : " (" + id + ")";
        Geometry g;
        try {
          g = lt.skydas.core.geo.WktText.read(fields.get("wkt"));
        } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
          throw SkydasProblem.badInput(name, where, "wkt: " + e.getMessage());
        }
        out.add(new Hazard(where, id, g, fields));
      }
    } catch (IOException e) {
      throw SkydasProblem.badInput(name, null, "cannot read: " + e.getMessage());
    }
    return out;
  }
}
