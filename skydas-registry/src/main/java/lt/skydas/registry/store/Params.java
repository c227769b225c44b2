package lt.skydas.registry.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Binds a statement's parameters in the order its {@code ?} placeholders appear, so no caller
 * counts indexes. {@link #reset} starts again at the first placeholder (for batches). Not
 * thread-safe; one per statement.
 */
final class Params {
  private final PreparedStatement p;
  private int next = 1;

  Params(PreparedStatement p) {
    this.p = p;
  }

  /** Starts binding at the first placeholder again. */
  Params reset() {
    next = 1;
    return this;
  }

  Params text(String s) throws SQLException {
    p.setString(next++, s);
    return this;
  }

  /** An instant as ISO-8601 text (how every timestamp is stored). */
  Params instant(Instant t) throws SQLException {
    return text(t.toString());
  }

  Params int32(int v) throws SQLException {
    p.setInt(next++, v);
    return this;
  }

  Params int64(long v) throws SQLException {
    p.setLong(next++, v);
    return this;
  }

  /** An integer column that may be NULL. */
  Params nullableInt(Integer v) throws SQLException {
    if (v == null) {
      p.setNull(next++, Types.INTEGER);
    } else {
      p.setInt(next++, v);
    }
    return this;
  }

  /** A flag stored as INTEGER 1 or 0 (GeoPackage has no boolean). */
  Params flag(boolean b) throws SQLException {
    p.setInt(next++, b ? 1 : 0);
    return this;
  }

  Params float64(double v) throws SQLException {
    p.setDouble(next++, v);
    return this;
  }

  Params bytes(byte[] b) throws SQLException {
    p.setBytes(next++, b);
    return this;
  }

  /** Any value the driver maps itself (query arguments gathered at run time). */
  Params object(Object o) throws SQLException {
    p.setObject(next++, o);
    return this;
  }
}
