package lt.skydas.assess.works;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeometryParser;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;

/**
 * A programme of dual-use road and bridge works (issue 16): projects with their calendar, cost,
 * lifecycle, progress and military load class before and after, read from a works file ({@code
 * skydas-works/1}, JSON, geometry GeoJSON in WGS84). Immutable.
 *
 * <p>Lifecycle: planned → approved → under construction → completed, or cancelled. A planned or
 * approved project is 0 % done, a completed one 100 %, one under construction in between; a project
 * counts on the road network from its end date (or at once when completed), never when cancelled.
 *
 * @param illustrative whether the programme's places are illustrative (the public figures give no
 *     exact location): reports say so
 */
public record WorksProgramme(
    String name, String source, boolean illustrative, List<Project> projects) {

  public static final String FORMAT = "skydas-works/1";

  private static final org.locationtech.jts.geom.GeometryFactory GF =
      new org.locationtech.jts.geom.GeometryFactory();

  public WorksProgramme {
    projects = List.copyOf(projects);
  }

  public enum Kind {
    ROAD,
    BRIDGE
  }

  public enum Status {
    PLANNED,
    APPROVED,
    UNDER_CONSTRUCTION,
    COMPLETED,
    CANCELLED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One project.
   *
   * @param mlcBefore military load class the road or bridge carries before the works
   * @param mlcAfter the same after
   * @param speedAfter_kmh a road's convoy speed after the works, km/h (NaN for bridges)
   * @param geometry WGS84: a line for a road section, a point for a bridge
   * @param geometry_map the same in the region's map CRS
   */
  public record Project(
      String id,
      String name,
      Kind kind,
      LocalDate start,
      LocalDate end,
      double cost_eur,
      Status status,
      int donePct,
      int mlcBefore,
      int mlcAfter,
      double speedAfter_kmh,
      Geometry geometry,
      Geometry geometry_map) {

    /** Whether the project changes the network on {@code day}. */
    public boolean inEffect(LocalDate day) {
      return status != Status.CANCELLED && (status == Status.COMPLETED || !day.isBefore(end));
    }
  }

  /** Total cost of the projects not cancelled, EUR. */
  public double cost_eur() {
    return projects.stream()
        .filter(p -> p.status() != Status.CANCELLED)
        .mapToDouble(Project::cost_eur)
        .sum();
  }

  /**
   * Reads a works file, its geometry projected with {@code crs}.
   *
   * @throws SkydasProblem BAD_INPUT naming the file and the project and field at fault
   */
  public static WorksProgramme read(Path file, Crs crs) {
    String f = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, f + ": works file not found", Map.of("file", f));
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw SkydasProblem.badInput(f, null, "not a JSON works file (" + first(e) + ")");
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw SkydasProblem.badInput(f, "format", "must be \"" + FORMAT + "\"");
    }
    if (!root.path("projects").isArray() || root.path("projects").isEmpty()) {
      throw SkydasProblem.badInput(f, "projects", "a list of at least one project is required");
    }
    List<Project> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode p : root.path("projects")) {
      String where = "projects[" + i++ + "]";
      Project pr = project(f, where, p, crs);
      if (!ids.add(pr.id())) {
        throw SkydasProblem.badInput(f, where, "project id \"" + pr.id() + "\" repeats");
      }
      out.add(pr);
    }
    return new WorksProgramme(
        root.path("name").asText(file.getFileName().toString()),
        f,
        root.path("illustrative").asBoolean(false),
        out);
  }

  private static Project project(String f, String where, JsonNode p, Crs crs) {
    String id = text(f, where, p, "id");
    where = where + " (" + id + ")";
    String name = p.path("name").asText(id);
    Kind kind = enumOf(Kind.class, f, where, "kind", text(f, where, p, "kind"));
    LocalDate start = date(f, where, p, "start");
    LocalDate end = date(f, where, p, "end");
    if (end.isBefore(start)) {
      throw SkydasProblem.badInput(f, where, "end " + end + " is before start " + start);
    }
    double cost = number(f, where, p, "cost_eur", 0, 1e10);
    Status status = enumOf(Status.class, f, where, "status", text(f, where, p, "status"));
    int pct = (int) number(f, where, p, "done_pct", 0, 100);
    boolean ok =
        switch (status) {
          case PLANNED, APPROVED -> pct == 0;
          case UNDER_CONSTRUCTION -> pct > 0 && pct < 100;
          case COMPLETED -> pct == 100;
          case CANCELLED -> true;
        };
    if (!ok) {
      throw SkydasProblem.badInput(
          f,
          where,
          "done_pct "
              + pct
              + " does not fit status "
              + status.id()
              + " (planned and approved: 0, under construction: 1..99, completed: 100)");
    }
    int before = (int) number(f, where, p, "mlc_before", 0, 200);
    int after = (int) number(f, where, p, "mlc_after", 0, 200);
    double speed = kind == Kind.ROAD ? number(f, where, p, "speed_after_kmh", 5, 130) : Double.NaN;
    Geometry g;
    try {
      g = GeometryParser.parse(GF, p.path("geometry"));
    } catch (GeometryParser.BadGeometry e) {
      throw SkydasProblem.badInput(f, where + ".geometry", e.getMessage());
    }
    boolean shape = kind == Kind.ROAD ? g instanceof Lineal : g instanceof Point;
    if (!shape || g.isEmpty()) {
      throw SkydasProblem.badInput(
          f,
          where + ".geometry",
          kind == Kind.ROAD ? "a road project is a LineString" : "a bridge project is a Point");
    }
    for (var c : g.getCoordinates()) {
      if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
        throw SkydasProblem.badInput(
            f, where + ".geometry", "[" + c.x + ", " + c.y + "] is not WGS84 lon/lat");
      }
    }
    return new Project(
        id, name, kind, start, end, cost, status, pct, before, after, speed, g, crs.toMetric(g));
  }

  private static String text(String f, String where, JsonNode p, String field) {
    if (!p.path(field).isTextual() || p.path(field).asText().isBlank()) {
      throw SkydasProblem.badInput(f, where + "." + field, "a text value is required");
    }
    return p.path(field).asText();
  }

  private static double number(
      String f, String where, JsonNode p, String field, double lo, double hi) {
    JsonNode v = p.path(field);
    if (!v.isNumber() || v.asDouble() < lo || v.asDouble() > hi) {
      throw SkydasProblem.badInput(
          f, where + "." + field, "a number within " + fmt(lo) + ".." + fmt(hi) + " is required");
    }
    return v.asDouble();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static LocalDate date(String f, String where, JsonNode p, String field) {
    String s = text(f, where, p, field);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw SkydasProblem.badInput(
          f, where + "." + field, "\"" + s + "\" is not a date (2027-06-30)");
    }
  }

  private static <E extends Enum<E>> E enumOf(
      Class<E> type, String f, String where, String field, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      List<String> ok = new ArrayList<>();
      for (E x : type.getEnumConstants()) {
        ok.add(x.name().toLowerCase(Locale.ROOT));
      }
      throw SkydasProblem.badInput(
          f, where + "." + field, "\"" + value + "\" is not one of " + String.join(", ", ok));
    }
  }

  private static String first(Exception e) {
    String m = e.getMessage() == null ? "unreadable" : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
