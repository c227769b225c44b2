package lt.skydas.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import lt.skydas.registry.NeighbourFeature;
import lt.skydas.registry.RegistryStore;
import org.locationtech.jts.geom.Envelope;

/**
 * The {@code neighbour_lines} (provenance per country) and {@code neighbour_features} tables. Every
 * method runs in the caller's transaction on the store's connection. Stateless apart from the
 * dialect; obtained from {@link JdbcStore#neighbours()}.
 */
public final class NeighbourTable implements RegistryStore.Neighbours {
  private final Dialect dialect;

  NeighbourTable(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public void replace(Connection c, String country, String doc, List<NeighbourFeature> features)
      throws SQLException {
    for (String table : new String[] {"neighbour_features", "neighbour_lines"}) {
      try (PreparedStatement p =
          c.prepareStatement("DELETE FROM " + table + " WHERE country = ?")) {
        new Params(p).text(country);
        p.executeUpdate();
      }
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO neighbour_lines (country, doc) VALUES (?, ?)")) {
      new Params(p).text(country).text(doc);
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO neighbour_features (geom, country, id, type, name, status, minx, miny,"
                + " maxx, maxy) VALUES ("
                + dialect.geomIn()
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (NeighbourFeature f : features) {
        Envelope e = f.geometry().getEnvelopeInternal();
        new Params(p)
            .bytes(dialect.geometryBytes(f.geometry()))
            .text(f.country())
            .text(f.id())
            .text(f.type())
            .text(f.name())
            .text(f.status())
            .float64(e.getMinX())
            .float64(e.getMinY())
            .float64(e.getMaxX())
            .float64(e.getMaxY());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @Override
  public SortedMap<String, String> lines(Connection c) throws SQLException {
    SortedMap<String, String> out = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT country, doc FROM neighbour_lines")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  @Override
  public List<NeighbourFeature> features(Connection c, String country, Envelope bbox)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT country, id, type, name, status, "
                + dialect.geomOut("geom")
                + " FROM neighbour_features WHERE 1 = 1");
    if (country != null) {
      sql.append(" AND country = ?");
    }
    if (bbox != null) {
      sql.append(" AND maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?");
    }
    sql.append(" ORDER BY country, id");
    List<NeighbourFeature> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      Params params = new Params(p);
      if (country != null) {
        params.text(country);
      }
      if (bbox != null) {
        params
            .float64(bbox.getMinX())
            .float64(bbox.getMaxX())
            .float64(bbox.getMinY())
            .float64(bbox.getMaxY());
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new NeighbourFeature(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  dialect.readGeometry(rs.getBytes(6))));
        }
      }
    }
    return out;
  }
}
