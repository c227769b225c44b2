package lt.skydas.server.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;

/**
 * The syntax tree of a CQL2 filter ({@link Cql2} parses it) and its evaluation on a feature's
 * properties and geometry in SQL's three values: TRUE, FALSE, or null for unknown (a comparison
 * with a missing property). Immutable nodes.
 */
final class Cql2Nodes {
  private Cql2Nodes() {}

  interface Node {
    Boolean eval(Map<String, Object> p, Geometry g);

    void collect(Set<String> props);
  }

  /** A scalar: a property or a literal (String, Double, Boolean, LocalDate, Instant). */
  record Scalar(String property, Object literal) {
    Object value(Map<String, Object> p) {
      return property == null ? literal : p.get(property);
    }
  }

  record And(Node a, Node b) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      Boolean x = a.eval(p, g);
      if (Boolean.FALSE.equals(x)) {
        return false;
      }
      Boolean y = b.eval(p, g);
      if (Boolean.FALSE.equals(y)) {
        return false;
      }
      return x == null || y == null ? null : true;
    }

    @Override
    public void collect(Set<String> s) {
      a.collect(s);
      b.collect(s);
    }
  }

  record Or(Node a, Node b) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      Boolean x = a.eval(p, g);
      if (Boolean.TRUE.equals(x)) {
        return true;
      }
      Boolean y = b.eval(p, g);
      if (Boolean.TRUE.equals(y)) {
        return true;
      }
      return x == null || y == null ? null : false;
    }

    @Override
    public void collect(Set<String> s) {
      a.collect(s);
      b.collect(s);
    }
  }

  record Not(Node a) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      Boolean x = a.eval(p, g);
      return x == null ? null : !x;
    }

    @Override
    public void collect(Set<String> s) {
      a.collect(s);
    }
  }

  record Const(boolean v) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      return v;
    }

    @Override
    public void collect(Set<String> s) {}
  }

  static void add(Set<String> s, Scalar... xs) {
    for (Scalar x : xs) {
      if (x.property() != null) {
        s.add(x.property());
      }
    }
  }

  record Compare(Scalar a, String op, Scalar b) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      Integer c = compare(a.value(p), b.value(p));
      if (c == null) {
        return null;
      }
      return switch (op) {
        case "=" -> c == 0;
        case "<>" -> c != 0;
        case "<" -> c < 0;
        case ">" -> c > 0;
        case "<=" -> c <= 0;
        default -> c >= 0;
      };
    }

    @Override
    public void collect(Set<String> s) {
      add(s, a, b);
    }
  }

  record Between(Scalar x, Scalar lo, Scalar hi, boolean not) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      Integer c1 = compare(x.value(p), lo.value(p));
      Integer c2 = compare(x.value(p), hi.value(p));
      if (c1 == null || c2 == null) {
        return null;
      }
      return (c1 >= 0 && c2 <= 0) != not;
    }

    @Override
    public void collect(Set<String> s) {
      add(s, x, lo, hi);
    }
  }

  record In(Scalar x, List<Scalar> list, boolean not) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      Object v = x.value(p);
      if (v == null) {
        return null;
      }
      boolean unknown = false;
      for (Scalar s : list) {
        Integer c = compare(v, s.value(p));
        if (c == null) {
          unknown = true;
        } else if (c == 0) {
          return !not;
        }
      }
      return unknown ? null : not;
    }

    @Override
    public void collect(Set<String> s) {
      add(s, x);
      list.forEach(l -> add(s, l));
    }
  }

  record Like(Scalar x, Pattern pattern, boolean not) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      Object v = x.value(p);
      if (v == null) {
        return null;
      }
      return pattern.matcher(String.valueOf(v)).matches() != not;
    }

    @Override
    public void collect(Set<String> s) {
      add(s, x);
    }
  }

  record IsNull(Scalar x, boolean not) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      return (x.value(p) == null) != not;
    }

    @Override
    public void collect(Set<String> s) {
      add(s, x);
    }
  }

  record Intersects(Geometry literal) implements Node {
    @Override
    public Boolean eval(Map<String, Object> p, Geometry g) {
      return g == null ? null : g.intersects(literal);
    }

    @Override
    public void collect(Set<String> s) {
      s.add(Cql2.GEOMETRY);
    }
  }

  /**
   * Compares two values: numbers as numbers, booleans with booleans, a date or timestamp with a
   * property's ISO text, strings as strings; null when either is null or they cannot be compared.
   */
  static Integer compare(Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (b instanceof LocalDate || b instanceof Instant) {
      Object t = temporal(a, b);
      return t == null ? null : ((Comparable<Object>) t).compareTo(b);
    }
    if (a instanceof LocalDate || a instanceof Instant) {
      Integer c = compare(b, a);
      return c == null ? null : -c;
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof Number || b instanceof Number) {
      // a number stored as text (a CSV-born layer) still compares as a number
      try {
        return Double.compare(
            Double.parseDouble(String.valueOf(a)), Double.parseDouble(String.valueOf(b)));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Object temporal(Object value, Object like) {
    String s = String.valueOf(value);
    try {
      if (like instanceof LocalDate) {
        return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
      }
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
