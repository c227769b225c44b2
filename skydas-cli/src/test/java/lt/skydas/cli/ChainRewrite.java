package lt.skydas.cli;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * The insider's attack on a GeoPackage registry (or a copy of one): the first event re-attributed
 * to someone else and the whole chain re-hashed from it, the head moved, so the unkeyed verify
 * still passes.
 */
final class ChainRewrite {
  private ChainRewrite() {}

  static void reattributeFirstEvent(Path gpkg) throws Exception {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
      String prev = lt.skydas.registry.AuditEvent.GENESIS;
      var rs =
          c.createStatement()
              .executeQuery(
                  "SELECT seq, at, actor, role, entity, entity_id, action, before_doc, after_doc"
                      + " FROM audit_events ORDER BY seq");
      java.util.List<String[]> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        String[] r = new String[9];
        for (int i = 0; i < 9; i++) {
          r[i] = rs.getString(i + 1);
        }
        rows.add(r);
      }
      for (String[] r : rows) {
        String actor = r[0].equals("1") ? "someone-else" : r[2];
        String h =
            lt.skydas.registry.AuditEvent.computeHash(
                Long.parseLong(r[0]),
                java.time.Instant.parse(r[1]),
                actor,
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                prev);
        var u =
            c.prepareStatement(
                "UPDATE audit_events SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?");
        u.setString(1, actor);
        u.setString(2, prev);
        u.setString(3, h);
        u.setLong(4, Long.parseLong(r[0]));
        u.executeUpdate();
        prev = h;
      }
      var head = c.prepareStatement("UPDATE audit_head SET hash = ? WHERE id = 1");
      head.setString(1, prev);
      head.executeUpdate();
    }
  }
}
