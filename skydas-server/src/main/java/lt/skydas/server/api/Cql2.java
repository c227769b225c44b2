package lt.skydas.server.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import lt.skydas.core.geo.WktText;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;

/**
 * CQL2 text (OGC 21-065r2) for the {@code filter} parameter of OGC API – Features Part 3: the Basic
 * CQL2 class (comparisons {@code = <> < > <= >=} of properties with strings, numbers, booleans,
 * {@code DATE('…')} and {@code TIMESTAMP('…')}; {@code AND}, {@code OR}, {@code NOT}, parentheses;
 * {@code IS [NOT] NULL}), the advanced comparison operators ({@code [NOT] LIKE} with {@code %} and
 * {@code _}, {@code [NOT] BETWEEN}, {@code [NOT] IN (…)}) and the basic spatial function {@code
 * S_INTERSECTS(geometry, …)} with a {@code BBOX(…)} or a WKT literal (any geometry type) in CRS84.
 * Keywords are case-insensitive; property names are identifiers or "quoted".
 *
 * <p>{@link #parse} gives a {@link Filter}, or throws {@link IllegalArgumentException} whose
 * message says what is wrong and at which character. A property the filter names that is not among
 * the queryables is refused by {@link Filter#check}. Evaluation follows SQL's three values: a
 * comparison with a missing (null) property is unknown, and unknown is not a match. Stateless;
 * filters are immutable.
 */
public final class Cql2 {
  /** The name the feature's geometry goes by in a filter. */
  public static final String GEOMETRY = "geometry";

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
  private static final int MAX_LENGTH = 10_000;
  private static final int MAX_DEPTH = 50;

  private Cql2() {}

  /** A parsed filter. */
  public interface Filter {
    /** TRUE, FALSE or null (unknown) for a feature's properties and geometry. */
    Boolean eval(Map<String, Object> properties, Geometry geometry);

    /** Whether the feature matches (unknown is no match). */
    default boolean test(Map<String, Object> properties, Geometry geometry) {
      return Boolean.TRUE.equals(eval(properties, geometry));
    }

    /** The property names it reads (geometry included as {@value #GEOMETRY}). */
    Set<String> properties();

    /**
     * Throws {@link IllegalArgumentException} naming the first property not in {@code queryables}.
     */
    default void check(Set<String> queryables) {
      for (String p : properties()) {
        if (!queryables.contains(p)) {
          throw new IllegalArgumentException(
              "'"
                  + p
                  + "' is not a queryable of this collection (see its /queryables: "
                  + String.join(", ", new java.util.TreeSet<>(queryables))
                  + ")");
        }
      }
    }
  }

  /** Parses CQL2 text whose geometry literals are in CRS84. */
  public static Filter parse(String text) {
    return parse(text, g -> g);
  }

  /** Parses CQL2 text; {@code toCrs84} takes its geometry literals to CRS84 (a filter-crs). */
  public static Filter parse(String text, java.util.function.UnaryOperator<Geometry> toCrs84) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("filter is longer than " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(tokens(text), toCrs84);
    Cql2Nodes.Node n = p.orExpr(0);
    if (!p.atEnd()) {
      throw p.error("unexpected '" + p.peek().text + "'");
    }
    Set<String> props = new LinkedHashSet<>();
    n.collect(props);
    return new Root(n, Set.copyOf(props));
  }

  private record Root(Cql2Nodes.Node node, Set<String> properties) implements Filter {
    @Override
    public Boolean eval(Map<String, Object> properties, Geometry geometry) {
      return node.eval(properties, geometry);
    }
  }

  // ---- tokens ----

  private enum T {
    IDENT,
    QUOTED_IDENT,
    STRING,
    NUMBER,
    OP,
    LPAREN,
    RPAREN,
    COMMA
  }

  private record Token(T type, String text, int at) {}

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        out.add(new Token(T.LPAREN, "(", i++));
      } else if (c == ')') {
        out.add(new Token(T.RPAREN, ")", i++));
      } else if (c == ',') {
        out.add(new Token(T.COMMA, ",", i++));
      } else if (c == '\'' || c == '"') {
        int start = i++;
        StringBuilder b = new StringBuilder();
        while (true) {
          if (i >= s.length()) {
            throw new IllegalArgumentException(
                "unclosed "
                    + (c == '"' ? "quoted name" : "string")
                    + " at character "
                    + (start + 1));
          }
          char d = s.charAt(i++);
          if (d == c) {
            if (i < s.length() && s.charAt(i) == c) {
              b.append(c);
              i++;
            } else {
              break;
            }
          } else {
            b.append(d);
          }
        }
        out.add(new Token(c == '"' ? T.QUOTED_IDENT : T.STRING, b.toString(), start));
      } else if ("=<>".indexOf(c) >= 0) {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        String op =
            two.equals("<>") || two.equals("<=") || two.equals(">=") ? two : String.valueOf(c);
        out.add(new Token(T.OP, op, i));
        i += op.length();
      } else if (Character.isDigit(c)
          || ((c == '-' || c == '+' || c == '.')
              && i + 1 < s.length()
              && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.'))) {
        var m = NUMBER.matcher(s).region(i, s.length());
        if (!m.lookingAt()) {
          throw new IllegalArgumentException("malformed number at character " + (i + 1));
        }
        out.add(new Token(T.NUMBER, m.group(), i));
        i = m.end();
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length()
            && (Character.isLetterOrDigit(s.charAt(i)) || "_.:".indexOf(s.charAt(i)) >= 0)) {
          i++;
        }
        out.add(new Token(T.IDENT, s.substring(start, i), start));
      } else {
        throw new IllegalArgumentException(
            "unexpected character '" + c + "' at character " + (i + 1));
      }
    }
    return out;
  }

  // ---- parser ----

  private static final class Parser {
    private final List<Token> ts;
    private final java.util.function.UnaryOperator<Geometry> toCrs84;
    private int i;

    Parser(List<Token> ts, java.util.function.UnaryOperator<Geometry> toCrs84) {
      this.ts = ts;
      this.toCrs84 = toCrs84;
    }

    boolean atEnd() {
      return i >= ts.size();
    }

    Token peek() {
      return atEnd() ? null : ts.get(i);
    }

    IllegalArgumentException error(String what) {
      Token t = peek();
      return new IllegalArgumentException(
          what + (t == null ? " at the end of the filter" : " at character " + (t.at() + 1)));
    }

    boolean keyword(String k) {
      Token t = peek();
      if (t != null && t.type() == T.IDENT && t.text().equalsIgnoreCase(k)) {
        i++;
        return true;
      }
      return false;
    }

    void expect(T type, String what) {
      Token t = peek();
      if (t == null || t.type() != type) {
        throw error("expected " + what);
      }
      i++;
    }

    Cql2Nodes.Node orExpr(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("filter nests deeper than " + MAX_DEPTH);
      }
      Cql2Nodes.Node n = andExpr(depth);
      while (keyword("OR")) {
        n = new Cql2Nodes.Or(n, andExpr(depth));
      }
      return n;
    }

    Cql2Nodes.Node andExpr(int depth) {
      Cql2Nodes.Node n = notExpr(depth);
      while (keyword("AND")) {
        n = new Cql2Nodes.And(n, notExpr(depth));
      }
      return n;
    }

    Cql2Nodes.Node notExpr(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("filter nests deeper than " + MAX_DEPTH);
      }
      if (keyword("NOT")) {
        return new Cql2Nodes.Not(notExpr(depth + 1));
      }
      return primary(depth);
    }

    Cql2Nodes.Node primary(int depth) {
      Token t = peek();
      if (t == null) {
        throw error("expected a condition");
      }
      if (t.type() == T.LPAREN) {
        i++;
        Cql2Nodes.Node n = orExpr(depth + 1);
        expect(T.RPAREN, "')'");
        return n;
      }
      if (t.type() == T.IDENT && t.text().equalsIgnoreCase("S_INTERSECTS")) {
        i++;
        return intersects();
      }
      Cql2Nodes.Scalar a = scalar();
      boolean not = keyword("NOT");
      if (keyword("LIKE")) {
        Token p = peek();
        if (p == null || p.type() != T.STRING) {
          throw error("LIKE takes a 'pattern' string");
        }
        i++;
        return new Cql2Nodes.Like(a, like(p.text()), not);
      }
      if (keyword("BETWEEN")) {
        Cql2Nodes.Scalar lo = scalar();
        if (!keyword("AND")) {
          throw error("expected AND in BETWEEN");
        }
        return new Cql2Nodes.Between(a, lo, scalar(), not);
      }
      if (keyword("IN")) {
        expect(T.LPAREN, "'(' after IN");
        List<Cql2Nodes.Scalar> list = new ArrayList<>();
        do {
          list.add(scalar());
        } while (comma());
        expect(T.RPAREN, "')' closing the IN list");
        return new Cql2Nodes.In(a, List.copyOf(list), not);
      }
      if (not) {
        throw error("expected LIKE, BETWEEN or IN after NOT");
      }
      if (keyword("IS")) {
        boolean isNot = keyword("NOT");
        if (!keyword("NULL")) {
          throw error("expected NULL after IS");
        }
        return new Cql2Nodes.IsNull(a, isNot);
      }
      Token op = peek();
      if (op == null || op.type() != T.OP) {
        if (a.property() == null && a.literal() instanceof Boolean b) {
          return new Cql2Nodes.Const(b);
        }
        throw error("expected a comparison (=, <>, <, >, <=, >=), LIKE, BETWEEN, IN or IS NULL");
      }
      i++;
      return new Cql2Nodes.Compare(a, op.text(), scalar());
    }

    private boolean comma() {
      Token t = peek();
      if (t != null && t.type() == T.COMMA) {
        i++;
        return true;
      }
      return false;
    }

    Cql2Nodes.Scalar scalar() {
      Token t = peek();
      if (t == null) {
        throw error("expected a property or a value");
      }
      i++;
      switch (t.type()) {
        case STRING:
          return new Cql2Nodes.Scalar(null, t.text());
        case NUMBER:
          return new Cql2Nodes.Scalar(null, Double.parseDouble(t.text()));
        case QUOTED_IDENT:
          return new Cql2Nodes.Scalar(t.text(), null);
        case IDENT:
          String k = t.text().toUpperCase(Locale.ROOT);
          if (k.equals("TRUE") || k.equals("FALSE")) {
            return new Cql2Nodes.Scalar(null, k.equals("TRUE"));
          }
          if ((k.equals("DATE") || k.equals("TIMESTAMP"))
              && peek() != null
              && peek().type() == T.LPAREN) {
            i++;
            Token v = peek();
            if (v == null || v.type() != T.STRING) {
              throw error(k + " takes a quoted value");
            }
            i++;
            expect(T.RPAREN, "')'");
            try {
              return new Cql2Nodes.Scalar(
                  null, k.equals("DATE") ? LocalDate.parse(v.text()) : Instant.parse(v.text()));
            } catch (DateTimeParseException e) {
              throw new IllegalArgumentException(
                  k + "('" + v.text() + "') at character " + (t.at() + 1) + " is not ISO 8601");
            }
          }
          return new Cql2Nodes.Scalar(t.text(), null);
        default:
          i--;
          throw error("expected a property or a value");
      }
    }

    Cql2Nodes.Node intersects() {
      expect(T.LPAREN, "'(' after S_INTERSECTS");
      Token prop = peek();
      boolean first = prop != null && isGeometryName(prop);
      Geometry lit;
      if (first) {
        i++;
        expect(T.COMMA, "','");
        lit = geometry();
      } else {
        lit = geometry();
        expect(T.COMMA, "','");
        Token p2 = peek();
        if (p2 == null || !isGeometryName(p2)) {
          throw error("S_INTERSECTS compares the feature's geometry with a literal");
        }
        i++;
      }
      expect(T.RPAREN, "')'");
      return new Cql2Nodes.Intersects(toCrs84.apply(lit));
    }

    private static boolean isGeometryName(Token t) {
      return (t.type() == T.IDENT || t.type() == T.QUOTED_IDENT)
          && (t.text().equalsIgnoreCase(GEOMETRY) || t.text().equalsIgnoreCase("geom"));
    }

    /** {@code BBOX(w,s,e,n)} or a WKT literal, up to its matching parenthesis. */
    Geometry geometry() {
      Token t = peek();
      if (t == null || t.type() != T.IDENT) {
        throw error("expected BBOX(…) or a WKT geometry");
      }
      int start = i;
      i++;
      if (t.text().equalsIgnoreCase("BBOX")) {
        expect(T.LPAREN, "'(' after BBOX");
        List<Double> v = new ArrayList<>();
        do {
          Token n = peek();
          if (n == null || n.type() != T.NUMBER) {
            throw error("BBOX takes 4 numbers");
          }
          i++;
          v.add(Double.parseDouble(n.text()));
        } while (comma());
        expect(T.RPAREN, "')' closing BBOX");
        if (v.size() != 4 && v.size() != 6) {
          throw error("BBOX takes 4 (or 6) numbers, not " + v.size());
        }
        int h = v.size() / 2;
        return WGS84.toGeometry(new Envelope(v.get(0), v.get(h), v.get(1), v.get(h + 1)));
      }
      // WKT: the keyword and everything up to the parenthesis that closes its first one
      int depth = 0;
      StringBuilder wkt = new StringBuilder(t.text());
      while (!atEnd()) {
        Token n = ts.get(i);
        if (n.type() == T.LPAREN) {
          depth++;
        } else if (n.type() == T.RPAREN) {
          if (depth == 0) {
            break;
          }
          depth--;
        }
        wkt.append(n.type() == T.COMMA ? "," : " " + n.text());
        i++;
        if (depth == 0 && n.type() == T.RPAREN) {
          break;
        }
      }
      try {
        return WktText.read(wkt.toString(), WGS84);
      } catch (ParseException | IllegalArgumentException e) {
        i = start;
        throw error("not a WKT geometry (" + e.getMessage() + ")");
      }
    }

    private static Pattern like(String p) {
      StringBuilder re = new StringBuilder();
      for (int k = 0; k < p.length(); k++) {
        char c = p.charAt(k);
        if (c == '\\' && k + 1 < p.length()) {
          re.append(Pattern.quote(String.valueOf(p.charAt(++k))));
        } else if (c == '%') {
          re.append(".*");
        } else if (c == '_') {
          re.append('.');
        } else {
          re.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
  }
}
