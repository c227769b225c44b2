package lt.skydas.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import lt.skydas.optimize.clearance.ClearanceAssets;

/**
 * The clearance tasks of an IMSMA-style export (GeoJSON features, geometry optional; CSV; or a
 * GeoPackage's {@code tasks} layer, attributes or features), read beside its hazardous areas
 * ({@link HazardsReader}): GICHD MDR task fields {@code task_id}, {@code hazard_id} (an open hazard
 * of the hazards file), {@code organisation}, {@code asset} (a kind of the asset catalog), {@code
 * status} ({@code planned}, {@code ongoing}, {@code completed}, {@code suspended}) and {@code
 * start_date}; optional {@code cleared_m2} (what a task has cleared so far). All or nothing: the
 * first problem refuses the file in one line naming the file, the row or feature and the field (a
 * missing field, an unknown hazard, asset or status, a duplicate id, a date that is not one, a
 * cleared area below 0 or above the hazard's).
 */
final class TasksReader {
  static final Set<String> STATUSES = Set.of("planned", "ongoing", "completed", "suspended");

  /**
   * A task as read and checked.
   *
   * @param cleared_m2 what it cleared (NaN: not given)
   */
  record Task(
      String where,
      String id,
      String hazardId,
      String organisation,
      String asset,
      String status,
      LocalDate start,
      double cleared_m2) {}

  private TasksReader() {}

  /**
   * The tasks of {@code file}, checked against the open hazards' ids and areas ({@code
   * area_m2ById}) and the asset catalog.
   */
  static List<Task> read(Path file, Map<String, Double> area_m2ById, ClearanceAssets catalog) {
    String name = file.toString();
    String lower = name.toLowerCase(Locale.ROOT);
    List<Map.Entry<String, Map<String, String>>> rows = new ArrayList<>();
    if (lower.endsWith(".gpkg")) {
      for (GpkgRows.Row r :
          GpkgRows.read(file, List.of("tasks", "clearance_tasks", "task"), true)) {
        rows.add(Map.entry(r.where(), r.fields()));
      }
    } else {
      rows = lower.endsWith(".csv") ? csv(file) : geojson(file);
    }
    if (rows.isEmpty()) {
      throw SkydasProblem.badInput(name, null, "no task in the file");
    }
    Set<String> ids = new HashSet<>();
    List<Task> out = new ArrayList<>();
    for (var row : rows) {
      Map<String, String> f = row.getValue();
      String id = f.getOrDefault("task_id", "").strip();
      String where = row.getKey() + (id.isEmpty() ? "" : " (" + id + ")");
      for (String k :
          List.of("task_id", "hazard_id", "organisation", "asset", "status", "start_date")) {
        if (f.getOrDefault(k, "").isBlank()) {
          throw SkydasProblem.badInput(name, where, k + ": missing (a GICHD MDR task field)");
        }
      }
      if (!ids.add(id)) {
        throw SkydasProblem.badInput(name, where, "task_id '" + id + "' appears twice");
      }
      String hazard = f.get("hazard_id").strip();
      Double area = area_m2ById.get(hazard);
      if (area == null) {
        throw SkydasProblem.badInput(
            name, where, "hazard_id: '" + hazard + "' is not an open hazard of the hazards file");
      }
      String asset = f.get("asset").strip();
      if (catalog.assets().stream().noneMatch(a -> a.id().equals(asset))) {
        throw SkydasProblem.badInput(
            name,
            where,
            "asset: unknown asset type '"
                + asset
                + "' (the catalog has "
                + String.join(", ", catalog.assets().stream().map(a -> a.id()).toList())
                + ")");
      }
      String status = f.get("status").strip().toLowerCase(Locale.ROOT);
      if (!STATUSES.contains(status)) {
        throw SkydasProblem.badInput(
            name,
            where,
            "status: '" + f.get("status") + "' is not planned, ongoing, completed or suspended");
      }
      LocalDate start;
      try {
        start = LocalDate.parse(f.get("start_date").strip());
      } catch (DateTimeParseException e) {
        throw SkydasProblem.badInput(
            name, where, "start_date: '" + f.get("start_date") + "' is not a date (2031-05-03)");
      }
      double cleared = Double.NaN;
      String c = f.getOrDefault("cleared_m2", "").strip();
      if (!c.isEmpty()) {
        try {
          cleared = Double.parseDouble(c);
        } catch (NumberFormatException e) {
          cleared = -1;
        }
        if (!(cleared >= 0) || cleared > area * 1.0001) {
          throw SkydasProblem.badInput(
              name,
              where,
              String.format(
                  Locale.ROOT,
                  "cleared_m2: '%s' is not an area from 0 to the hazard's %.0f m2",
                  c,
                  area));
        }
      }
      out.add(
          new Task(
              where, id, hazard, f.get("organisation").strip(), asset, status, start, cleared));
    }
    return out;
  }

  private static List<Map.Entry<String, Map<String, String>>> geojson(Path file) {
    List<Map.Entry<String, Map<String, String>>> out = new ArrayList<>();
    GeoJsonReader.read(
        file,
        f -> {
          Map<String, String> fields = new LinkedHashMap<>();
          f.properties().forEach((k, v) -> fields.put(k, v == null ? "" : v.toString()));
          out.add(Map.entry(f.label(), fields));
        },
        null);
    return out;
  }

  private static List<Map.Entry<String, Map<String, String>>> csv(Path file) {
    String name = file.toString();
    CsvMapper m = new CsvMapper();
    m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<Map.Entry<String, Map<String, String>>> out = new ArrayList<>();
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
      int row = 0;
      while (it.hasNextValue()) {
        String[] v = it.nextValue();
        row++;
        if (v.length == 1 && v[0].isBlank()) {
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (var e : col.entrySet()) {
          fields.put(e.getKey(), e.getValue() < v.length ? v[e.getValue()].strip() : "");
        }
        out.add(Map.entry("row " + row, fields));
      }
    } catch (IOException e) {
      throw SkydasProblem.badInput(name, null, "cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof SkydasProblem p) {
        throw p;
      }
      throw SkydasProblem.badInput(name, null, "not CSV: " + e.getMessage());
    }
    return out;
  }
}
