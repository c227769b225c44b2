package lt.skydas.registry.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import lt.skydas.core.text.HtmlEscape;

/**
 * QGIS default styles for the export's layers, in QGIS's own {@code layer_styles} table (registered
 * as an attributes table): one categorized renderer per layer on {@code kind}, in the web map's
 * colours (minefields red, obstacles brown, sensors teal, depots purple, shelters green); areas
 * filled, lines 0.8 mm, points as circles. QGIS applies it when the layer is opened. Stateless.
 */
final class GpkgStyles {
  /** kind, label, RGB. */
  private static final String[][] KINDS = {
    {"minefield", "Minefield", "179,0,27"},
    {"obstacle", "Obstacle", "92,61,17"},
    {"sensor", "Sensor, EW or counter-drone site", "0,104,139"},
    {"depot", "Depot", "106,61,154"},
    {"shelter", "Shelter", "46,125,50"},
  };

  private GpkgStyles() {}

  static void write(Connection c, List<String> tables) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256),"
              + " f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,"
              + " useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),"
              // GeoPackage DATETIME is ISO 8601 with a Z (GDAL warns on CURRENT_TIMESTAMP's form)
              + " update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
      s.execute(
          "INSERT INTO gpkg_contents (table_name, data_type, identifier, description)"
              + " VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles')");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name,"
                + " f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description)"
                + " VALUES ('', '', ?, 'geom', ?, ?, '', 1, ?)")) {
      for (String t : tables) {
        ps.setString(1, t);
        ps.setString(2, t);
        ps.setString(3, qml(t));
        ps.setString(4, "Skydas: colour by record kind");
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The QML of one layer ({@code records_points}, {@code _multilines}, {@code _areas} ...). */
  static String qml(String table) {
    String geom = table.substring(table.lastIndexOf('_') + 1).replace("multi", "");
    StringBuilder cats = new StringBuilder();
    StringBuilder syms = new StringBuilder();
    for (int i = 0; i < KINDS.length; i++) {
      String[] k = KINDS[i];
      cats.append("<category value=\"")
          .append(k[0])
          .append("\" symbol=\"")
          .append(i)
          .append("\" label=\"")
          .append(HtmlEscape.text(k[1]))
          .append("\" render=\"true\"/>");
      syms.append(symbol(geom, i, k[2]));
    }
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
        + "<qgis version=\"3.28.0\" styleCategories=\"Symbology\">"
        + "<renderer-v2 type=\"categorizedSymbol\" attr=\"kind\" symbollevels=\"0\""
        + " enableorderby=\"0\" forceraster=\"0\"><categories>"
        + cats
        + "</categories><symbols>"
        + syms
        + "</symbols></renderer-v2></qgis>";
  }

  private static String symbol(String geom, int i, String rgb) {
    return switch (geom) {
      case "points" ->
          "<symbol type=\"marker\" name=\""
              + i
              + "\" alpha=\"1\"><layer class=\"SimpleMarker\" enabled=\"1\"><Option type=\"Map\">"
              + opt("name", "circle")
              + opt("color", rgb + ",255")
              + opt("outline_color", "255,255,255,255")
              + opt("size", "3")
              + "</Option></layer></symbol>";
      case "lines" ->
          "<symbol type=\"line\" name=\""
              + i
              + "\" alpha=\"1\"><layer class=\"SimpleLine\" enabled=\"1\"><Option type=\"Map\">"
              + opt("line_color", rgb + ",255")
              + opt("line_width", "0.8")
              + opt("line_width_unit", "MM")
              + "</Option></layer></symbol>";
      default ->
          "<symbol type=\"fill\" name=\""
              + i
              + "\" alpha=\"1\"><layer class=\"SimpleFill\" enabled=\"1\"><Option type=\"Map\">"
              + opt("color", rgb + ",40")
              + opt("outline_color", rgb + ",255")
              + opt("outline_width", "0.6")
              + "</Option></layer></symbol>";
    };
  }

  private static String opt(String name, String value) {
    return "<Option name=\"" + name + "\" type=\"QString\" value=\"" + value + "\"/>";
  }
}
