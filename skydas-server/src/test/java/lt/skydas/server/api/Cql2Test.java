package lt.skydas.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** CQL2 text: the grammar, SQL's three-valued logic, and evaluation against a plain reference. */
class Cql2Test {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final Geometry AT = GF.createPoint(new Coordinate(24.5, 55.0));

  private static Map<String, Object> props() {
    Map<String, Object> p = new HashMap<>();
    p.put("type", "at_ditch");
    p.put("status", "planned");
    p.put("name", "Griovys O'Brien");
    p.put("year", 2027);
    p.put("marked", false);
    p.put("height_m", 2.5);
    p.put("created_at", "2027-03-01T10:00:00Z");
    p.put("notes", null);
    return p;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "status = 'planned'                                  | true",
        "STATUS = 'planned'                                  | false", // names are case-sensitive
        "\"status\" = 'planned' and year >= 2027             | true",
        "status <> 'planned' OR year < 2027                  | false",
        "NOT (status = 'emplaced')                           | true",
        "year BETWEEN 2026 AND 2028                          | true",
        "year NOT BETWEEN 2026 AND 2028                      | false",
        "type IN ('bunker', 'at_ditch')                      | true",
        "type NOT IN ('bunker', 'at_ditch')                  | false",
        "name LIKE 'Griovys%'                                | true",
        "name LIKE '%O''Brien'                               | true",
        "name LIKE 'G_iovys%'                                | true",
        "name NOT LIKE '%ditch%'                             | true",
        "notes IS NULL                                       | true",
        "name IS NOT NULL                                    | true",
        "marked = FALSE                                      | true",
        "height_m > 2                                        | true",
        "height_m > -1.5e1                                   | true",
        "created_at > TIMESTAMP('2027-01-01T00:00:00Z')      | true",
        "created_at < DATE('2027-03-01')                     | false",
        "S_INTERSECTS(geometry, BBOX(24, 54.5, 25, 55.5))    | true",
        "S_INTERSECTS(geometry, BBOX(25, 54.5, 26, 55.5))    | false",
        "s_intersects(geometry, POLYGON((24 54, 25 54, 25 56, 24 56, 24 54))) | true",
        "S_INTERSECTS(POINT(24.5 55), geometry)              | true",
        "notes = 'x'                                         | false", // unknown is no match
        "NOT (notes = 'x')                                   | false", // NOT unknown is unknown
        "notes = 'x' OR year = 2027                          | true",
        "TRUE                                                | true",
      })
  void evaluates(String filter, boolean expected) {
    Map<String, Object> p = props();
    p.put("STATUS", null);
    assertThat(Cql2.parse(filter).test(p, AT)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "status =                         | at the end of the filter",
        "status = 'planned                | unclosed string at character 10",
        "status == 'x'                    | at character 9",
        "(status = 'x'                    | expected ')'",
        "status ~ 'x'                     | unexpected character '~' at character 8",
        "name LIKE 5                      | LIKE takes a 'pattern' string",
        "year BETWEEN 1 OR 2              | expected AND in BETWEEN",
        "S_INTERSECTS(geometry, BBOX(1,2))| BBOX takes 4 (or 6) numbers, not 2",
        "created_at > DATE('yesterday')   | is not ISO 8601",
        "status = 'x' status              | unexpected 'status'",
      })
  void refusesWithThePlace(String filter, String message) {
    assertThatThrownBy(() -> Cql2.parse(filter)).hasMessageContaining(message.strip());
  }

  @Test
  void namesOutsideTheQueryablesAreRefused() {
    Cql2.Filter f = Cql2.parse("status = 'planned' AND secret = 1");
    assertThat(f.properties()).containsExactlyInAnyOrder("status", "secret");
    assertThatThrownBy(() -> f.check(Set.of("status", "year")))
        .hasMessageContaining("'secret' is not a queryable");
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "(".repeat(3000) + "year = 1" + ")".repeat(3000);
    assertThatThrownBy(() -> Cql2.parse(deep)).hasMessageContaining("nests deeper than");
  }

  /**
   * Random AND/OR/NOT trees of comparisons over random records, evaluated by the parser and by a
   * plain Java predicate built alongside (fixed seed, named in the failure).
   */
  @Test
  void randomFiltersAgreeWithAPlainReference() {
    long seed = 20261205L;
    Random rnd = new Random(seed);
    String[] statuses = {"planned", "approved", "emplaced"};
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Map<String, Object> p = new HashMap<>();
      p.put("status", statuses[rnd.nextInt(3)]);
      p.put("year", rnd.nextInt(5) == 0 ? null : 2025 + rnd.nextInt(6));
      rows.add(p);
    }
    for (int t = 0; t < 300; t++) {
      StringBuilder text = new StringBuilder();
      Ref ref = tree(rnd, 3, text, statuses);
      Cql2.Filter f = Cql2.parse(text.toString());
      for (Map<String, Object> p : rows) {
        assertThat(f.eval(p, AT))
            .as("seed %d, filter %s, row %s", seed, text, p)
            .isEqualTo(ref.eval(p));
      }
    }
  }

  /** A reference predicate in three values (null unknown). */
  private interface Ref {
    Boolean eval(Map<String, Object> p);
  }

  private static Ref tree(Random rnd, int depth, StringBuilder out, String[] statuses) {
    int k = depth == 0 ? 3 + rnd.nextInt(2) : rnd.nextInt(5);
    switch (k) {
      case 0 -> {
        StringBuilder a = new StringBuilder(), b = new StringBuilder();
        Ref x = tree(rnd, depth - 1, a, statuses), y = tree(rnd, depth - 1, b, statuses);
        out.append('(').append(a).append(") AND (").append(b).append(')');
        return p -> {
          Boolean u = x.eval(p), v = y.eval(p);
          if (Boolean.FALSE.equals(u) || Boolean.FALSE.equals(v)) {
            return false;
          }
          return u == null || v == null ? null : true;
        };
      }
      case 1 -> {
        StringBuilder a = new StringBuilder(), b = new StringBuilder();
        Ref x = tree(rnd, depth - 1, a, statuses), y = tree(rnd, depth - 1, b, statuses);
        out.append('(').append(a).append(") OR (").append(b).append(')');
        return p -> {
          Boolean u = x.eval(p), v = y.eval(p);
          if (Boolean.TRUE.equals(u) || Boolean.TRUE.equals(v)) {
            return true;
          }
          return u == null || v == null ? null : false;
        };
      }
      case 2 -> {
        StringBuilder a = new StringBuilder();
        Ref x = tree(rnd, depth - 1, a, statuses);
        out.append("NOT (").append(a).append(')');
        return p -> {
          Boolean u = x.eval(p);
          return u == null ? null : !u;
        };
      }
      case 3 -> {
        String s = statuses[rnd.nextInt(statuses.length)];
        out.append("status = '").append(s).append('\'');
        return p -> s.equals(p.get("status"));
      }
      default -> {
        int y = 2025 + rnd.nextInt(6);
        String op = new String[] {"<", "<=", ">", ">=", "=", "<>"}[rnd.nextInt(6)];
        out.append("year ").append(op).append(' ').append(y);
        return p -> {
          Object v = p.get("year");
          if (v == null) {
            return null;
          }
          int c = Integer.compare((Integer) v, y);
          return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "=" -> c == 0;
            default -> c != 0;
          };
        };
      }
    }
  }
}
