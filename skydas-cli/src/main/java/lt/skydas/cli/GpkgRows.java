package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.problem.SkydasProblem;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.user.UserCoreRow;
import org.locationtech.jts.geom.Geometry;

/**
 * The rows of one layer of a GeoPackage that a mine-action information system exported (hazardous
 * areas, tasks), read with NGA's GeoPackage library: every attribute as text, and the geometry in
 * WGS 84. The layer is the one named (any of {@code names}) or the only one there is; a feature
 * layer in another CRS, a file that is not a GeoPackage, several candidate layers and unreadable
 * geometry are refused naming the file and the layer or row. Read only; the file is not changed.
 */
final class GpkgRows {
  /** A row: where it is ({@code layer L, fid N}), its fields as text, its geometry or null. */
  record Row(String where, Map<String, String> fields, Geometry geometry) {}

  private GpkgRows() {}

  static List<Row> read(Path file, List<String> names, boolean attributesToo) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw SkydasProblem.badInput(name, null, "no such file");
    }
    GeoPackage g;
    try {
      g = GeoPackageManager.open(file.toFile(), false);
    } catch (RuntimeException e) {
      throw SkydasProblem.badInput(name, null, "not a GeoPackage (" + message(e) + ")");
    }
    try {
      List<String> tables = new ArrayList<>(g.getFeatureTables());
      if (attributesToo) {
        tables.addAll(g.getAttributesTables());
      }
      String table = pick(name, tables, names);
      boolean features = g.getFeatureTables().contains(table);
      if (features) {
        var srs = g.getFeatureDao(table).getSrs();
        boolean wgs84 =
            srs != null
                && (("EPSG".equalsIgnoreCase(srs.getOrganization())
                        && srs.getOrganizationCoordsysId() == 4326)
                    || srs.getOrganization().toUpperCase(java.util.Locale.ROOT).contains("CRS84"));
        if (!wgs84) {
          throw SkydasProblem.badInput(
              name,
              "layer " + table,
              "geometry: "
                  + (srs == null
                      ? "no CRS"
                      : srs.getOrganization() + ":" + srs.getOrganizationCoordsysId())
                  + ", not WGS 84 (EPSG:4326): reproject it (ogr2ogr -t_srs EPSG:4326)");
        }
      }
      var dao = features ? g.getFeatureDao(table) : g.getAttributesDao(table);
      List<Row> out = new ArrayList<>();
      var rs = dao.queryForAll();
      try {
        while (rs.moveToNext()) {
          UserCoreRow<?, ?> row = (UserCoreRow<?, ?>) rs.getRow();
          String where = "layer " + table + ", fid " + row.getId();
          Map<String, String> fields = new LinkedHashMap<>();
          String[] cols = row.getColumnNames();
          Geometry geom = null;
          for (int i = 0; i < cols.length; i++) {
            Object v = row.getValue(i);
            if (features
                && i
                    == ((mil.nga.geopackage.features.user.FeatureRow) row)
                        .getGeometryColumnIndex()) {
              geom = geometry(name, where, (mil.nga.geopackage.features.user.FeatureRow) row);
              continue;
            }
            fields.put(
                cols[i].toLowerCase(java.util.Locale.ROOT), v == null ? "" : v.toString().strip());
          }
          out.add(new Row(where, fields, geom));
        }
      } finally {
        rs.close();
      }
      return out;
    } catch (SkydasProblem p) {
      throw p;
    } catch (RuntimeException e) {
      throw SkydasProblem.badInput(name, null, "cannot read the GeoPackage: " + message(e));
    } finally {
      g.close();
    }
  }

  private static String pick(String file, List<String> tables, List<String> names) {
    for (String n : names) {
      for (String t : tables) {
        if (t.equalsIgnoreCase(n)) {
          return t;
        }
      }
    }
    if (tables.size() == 1) {
      return tables.get(0);
    }
    throw SkydasProblem.badInput(
        file,
        null,
        (tables.isEmpty() ? "no layer" : "layers " + tables + ": name one")
            + " "
            + String.join(" or ", names));
  }

  private static Geometry geometry(
      String file, String where, mil.nga.geopackage.features.user.FeatureRow row) {
    try {
      var data = row.getGeometry();
      if (data == null || data.getWkb() == null) {
        return null;
      }
      return new org.locationtech.jts.io.WKBReader().read(data.getWkb());
    } catch (Exception e) {
      throw SkydasProblem.badInput(file, where, "geometry: unreadable (" + message(e) + ")");
    }
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName()
        : m.lines().findFirst().orElse(m);
  }
}
