package lt.skydas.optimize.edits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.BarrierOptimizer.SiteEdits;
import lt.skydas.optimize.Candidate;
import lt.skydas.optimize.edits.SiteEdit.Action;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.Violation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads the user's edits of the candidate sites ({@code skydas optimize --sites FILE}): a GeoJSON
 * FeatureCollection (RFC 7946, lon/lat) whose features carry {@code properties.action}:
 *
 * <ul>
 *   <li>{@code add}: a new site; geometry, {@code type} or {@code types} (catalog ids; an array or
 *       a comma-separated string), optional {@code id} (else the feature id);
 *   <li>{@code forbid}: {@code candidate} (an id from {@code skydas candidates}), or else the
 *       geometry: every generated candidate it intersects is forbidden;
 *   <li>{@code pin}: {@code candidate} (generated or added) and {@code type}: built in every plan,
 *       with that type;
 *   <li>{@code existing}: an obstacle that already stands; geometry, {@code type}, optional {@code
 *       id}; in every plan at no cost.
 * </ul>
 *
 * <p>Features may have a null geometry where none is needed (pin, forbid by id); a geometry there
 * is ignored. The hard rules hold for edits too: an added or existing mine inside the civilian
 * buffer or an AP mine the policy does not enable is refused, and so is a pin of a type the
 * candidate does not offer or a site added inside a protected area. A bad feature throws a {@link
 * SkydasProblem} ({@code BAD_INPUT}) naming file, feature and field; a pin of a forbidden site or
 * two types pinned on one site throws {@code INFEASIBLE} naming both features. Nothing partial is
 * returned. Immutable and thread-safe.
 */
public final class SiteEditsReader {
  private static final int LISTED = 10;

  private final ObstacleCatalog catalog;
  private final Envelope extent_lks94;
  private final int epsg;
  private final HumanitarianCheck humanitarian;
  private final PlanPolicy policy;

  /**
   * @param regionExtent_lks94 every geometry must lie inside it (map CRS); null to skip the check
   * @param epsg the region's map CRS (one of {@link Crs#METRIC})
   * @param humanitarian the region's check (civilians and protected areas): an added or existing
   *     site is held to the policy's rules per obstacle kind, protected areas included
   * @param policy the humanitarian policy of the optimisation
   */
  public SiteEditsReader(
      ObstacleCatalog catalog,
      Envelope regionExtent_lks94,
      int epsg,
      HumanitarianCheck humanitarian,
      PlanPolicy policy) {
    this.catalog = catalog;
    this.extent_lks94 = regionExtent_lks94;
    this.epsg = epsg;
    this.humanitarian = humanitarian;
    this.policy = policy;
  }

  /** What the edits have done so far; one per {@link #read}. */
  private static final class Applied {
    final Map<String, Candidate> generated = new LinkedHashMap<>();
    final Map<String, Candidate> added = new LinkedHashMap<>();
    final Map<String, SiteEdit> siteEdit = new LinkedHashMap<>();
    final Map<String, SiteEdit> forbiddenBy = new LinkedHashMap<>();
    final Map<String, SiteEdit> pinnedBy = new LinkedHashMap<>();
    final Map<String, String> pinned = new LinkedHashMap<>();
    final Set<String> existing = new LinkedHashSet<>();
    final List<String> notes = new ArrayList<>();
  }

  /**
   * Applies {@code file}'s edits to the generated candidates.
   *
   * @return generated minus forbidden plus added and existing sites; pins and existing obstacles
   *     with their types; what the edits did, as notes
   */
  public SiteEdits read(Path file, List<Candidate> generated) {
    String name = file.toString();
    List<SiteEdit> edits = new ArrayList<>();
    GeoJsonReader.read(
        file,
        f -> edits.add(SiteEdit.of(name, f)),
        (index, id, reason, raw) -> edits.add(SiteEdit.unlocated(name, index, id, reason, raw)),
        null);
    Applied a = new Applied();
    for (Candidate c : generated) {
      a.generated.put(c.id(), c);
    }
    // sites first, so that pins may name added sites whatever the order
    for (SiteEdit e : edits) {
      if (e.action() == Action.ADD || e.action() == Action.EXISTING) {
        addSite(e, a);
      }
    }
    for (SiteEdit e : edits) {
      if (e.action() == Action.FORBID) {
        forbid(e, a);
      }
    }
    for (SiteEdit e : edits) {
      if (e.action() == Action.PIN) {
        pin(e, a);
      }
    }
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : generated) {
      if (!a.forbiddenBy.containsKey(c.id())) {
        out.add(c);
      }
    }
    out.addAll(a.added.values());
    if (!a.forbiddenBy.isEmpty()) {
      List<String> ids = new ArrayList<>(a.forbiddenBy.keySet());
      a.notes.add(
          0,
          "forbade "
              + ids.size()
              + (ids.size() == 1 ? " candidate: " : " candidates: ")
              + String.join(", ", ids.subList(0, Math.min(LISTED, ids.size())))
              + (ids.size() > LISTED ? ", …" : ""));
    }
    return new SiteEdits(
        List.copyOf(out), Map.copyOf(a.pinned), Set.copyOf(a.existing), List.copyOf(a.notes));
  }

  private void addSite(SiteEdit e, Applied a) {
    Candidate c = site(e);
    SiteEdit before = a.siteEdit.get(c.id());
    if (before != null || a.generated.containsKey(c.id())) {
      throw e.bad(
          "id",
          "duplicate id \""
              + SiteEdit.clip(c.id())
              + "\" (also "
              + (before != null ? before.label() : "the id of a generated candidate")
              + ")");
    }
    a.added.put(c.id(), c);
    a.siteEdit.put(c.id(), e);
    if (e.action() == Action.EXISTING) {
      a.pinned.put(c.id(), c.types().get(0));
      a.existing.add(c.id());
      a.notes.add("existing " + c.types().get(0) + " " + c.id() + " counts as built");
    } else {
      a.notes.add("added site " + c.id() + " (" + String.join(", ", c.types()) + ")");
    }
  }

  private void forbid(SiteEdit e, Applied a) {
    String id = e.text("candidate");
    if (id != null) {
      if (a.siteEdit.containsKey(id)) {
        throw e.bad(
            "candidate",
            "\""
                + id
                + "\" is the site of "
                + a.siteEdit.get(id).label()
                + "; remove that instead");
      }
      a.forbiddenBy.putIfAbsent(generated(e, id, a).id(), e);
      return;
    }
    if (e.geometry() == null) {
      throw e.bad("candidate", "forbid needs a \"candidate\" id or a geometry");
    }
    PreparedGeometry area = PreparedGeometryFactory.prepare(metric(e));
    int hits = 0;
    for (Candidate c : a.generated.values()) {
      if (area.intersects(c.geometry_lks94())) {
        a.forbiddenBy.putIfAbsent(c.id(), e);
        hits++;
      }
    }
    if (hits == 0) {
      a.notes.add(e.label() + " forbids an area that meets no candidate");
    }
  }

  private void pin(SiteEdit e, Applied a) {
    String id = e.requiredText("candidate");
    if (a.existing.contains(id)) {
      throw e.bad(
          "candidate",
          "\"" + id + "\" already stands (" + a.siteEdit.get(id).label() + "); no pin needed");
    }
    Candidate c = a.added.containsKey(id) ? a.added.get(id) : generated(e, id, a);
    ObstacleType t = type(e, e.requiredText("type"), "type");
    if (!c.types().contains(t.id())) {
      throw e.bad("type", t.id() + " may not stand at " + c.id() + ": " + whyNot(c, t));
    }
    SiteEdit other = a.forbiddenBy.get(id);
    if (other != null) {
      throw contradiction(
          e,
          " pins "
              + id
              + " but "
              + other.label()
              + " forbids it: a site cannot be both pinned"
              + " and forbidden");
    }
    SiteEdit first = a.pinnedBy.get(id);
    if (first != null && !a.pinned.get(id).equals(t.id())) {
      throw contradiction(
          e,
          " pins "
              + id
              + " as "
              + t.id()
              + " but "
              + first.label()
              + " pins it as "
              + a.pinned.get(id)
              + ": one option per site");
    }
    if (first == null) {
      a.pinnedBy.put(id, e);
      a.pinned.put(id, t.id());
      a.notes.add("pinned " + id + " as " + t.id());
    }
  }

  /** The site an add or existing feature describes, checked against the hard rules. */
  private Candidate site(SiteEdit e) {
    if (e.geometry() == null) {
      throw e.bad("geometry", e.action().id() + " needs a geometry");
    }
    boolean many = e.props().get("types") != null;
    if (many && e.action() == Action.EXISTING) {
      throw e.bad("types", "an existing obstacle has one \"type\", not \"types\"");
    }
    String field = many ? "types" : "type";
    List<ObstacleType> types = new ArrayList<>();
    for (String id : e.typeIds()) {
      ObstacleType t = type(e, id, field);
      if (!fits(t, e.geometry())) {
        throw e.bad(
            field,
            t.id() + " needs a " + kind(t) + " geometry, not " + e.geometry().getGeometryType());
      }
      if (!types.contains(t)) {
        types.add(t);
      }
    }
    Geometry metric = metric(e);
    String id = e.text("id");
    if (id == null) {
      id = e.featureId() != null ? e.featureId() : e.action().id() + "-" + (e.index() + 1);
      e.checkText("id", id);
    }
    for (ObstacleType t : types) {
      Obstacle o = new Obstacle(id, t.name(), t, e.geometry(), metric, 0);
      String broken = violation(o, e.action() == Action.EXISTING);
      if (broken != null) {
        throw e.bad(field, t.id() + " is refused: " + broken);
      }
    }
    types.sort(Comparator.comparingDouble(ObstacleType::costEur_perUnit));
    return new Candidate(
        id, Candidate.Kind.USER, 0, metric, types.stream().map(ObstacleType::id).toList());
  }

  /** The feature's geometry in the map CRS, checked: valid, inside the region, not degenerate. */
  private Geometry metric(SiteEdit e) {
    IsValidOp valid = new IsValidOp(e.geometry());
    if (!valid.isValid()) {
      TopologyValidationError err = valid.getValidationError();
      Coordinate c = err.getCoordinate();
      throw e.bad(
          "geometry",
          "invalid: " + err.getMessage() + (c == null ? "" : " at [" + c.x + ", " + c.y + "]"));
    }
    Crs crs = Crs.of(epsg);
    Geometry m = crs.toMetric(e.geometry());
    if (extent_lks94 != null) {
      for (Coordinate c : m.getCoordinates()) {
        if (!extent_lks94.contains(c)) {
          Coordinate ll = crs.toWgs84(c.x, c.y, new Coordinate());
          throw e.bad(
              "geometry",
              String.format(
                  Locale.ROOT, "position [%.5f, %.5f] lies outside the region model", ll.x, ll.y));
        }
      }
    }
    if ((m instanceof Lineal && m.getLength() < 1) || (m instanceof Polygonal && m.getArea() < 1)) {
      throw e.bad("geometry", "is smaller than 1 m (or 1 m2)");
    }
    return m;
  }

  private ObstacleType type(SiteEdit e, String id, String field) {
    return catalog
        .findType(id)
        .orElseThrow(
            () ->
                e.bad(
                    field,
                    "unknown obstacle type \""
                        + SiteEdit.clip(id)
                        + "\" (known: "
                        + String.join(
                            ", ", catalog.listTypes().stream().map(ObstacleType::id).toList())
                        + ")"));
  }

  private static Candidate generated(SiteEdit e, String id, Applied a) {
    Candidate c = a.generated.get(id);
    if (c == null) {
      throw e.bad(
          "candidate",
          "unknown candidate \""
              + SiteEdit.clip(id)
              + "\" (ids come from `skydas candidates` with the same region, belts and policy)");
    }
    return c;
  }

  /** Why type {@code t} is not offered at candidate {@code c}. */
  private String whyNot(Candidate c, ObstacleType t) {
    Obstacle o = new Obstacle(c.id(), t.name(), t, null, c.geometry_lks94(), 0);
    String offered = " (offered there: " + String.join(", ", c.types()) + ")";
    if (!humanitarian.allows(o, policy)) {
      return violation(o, false) + offered;
    }
    return "not offered at a " + c.kind().name().toLowerCase(Locale.ROOT) + " site" + offered;
  }

  /**
   * The first rule {@code o} breaks, as "rule: message", or null. An obstacle that already stands
   * ({@code existing}) may stand in a protected area: the rule keeps new works out; the civilian
   * buffer and the AP rules hold for it too.
   */
  private String violation(Obstacle o, boolean existing) {
    List<Violation> v = humanitarian.check(new BarrierPlan("sites", "sites", policy, List.of(o)));
    for (Violation x : v) {
      if (existing && x.rule() == Violation.Rule.PROTECTED_AREA) {
        continue;
      }
      String m = x.message();
      return x.rule().id()
          + ": "
          + (m.startsWith(o.id() + ": ") ? m.substring(o.id().length() + 2) : m);
    }
    return null;
  }

  private static boolean fits(ObstacleType t, Geometry g) {
    return switch (t.geometry()) {
      case LINE -> g instanceof Lineal;
      case AREA -> g instanceof Polygonal;
      case POINT -> g instanceof Puntal;
    };
  }

  private static String kind(ObstacleType t) {
    return switch (t.geometry()) {
      case LINE -> "LineString or MultiLineString";
      case AREA -> "Polygon or MultiPolygon";
      case POINT -> "Point or MultiPoint";
    };
  }

  /** Two features that cannot both hold: {@code file: feature 3 pins … but feature 1 …}. */
  private static SkydasProblem contradiction(SiteEdit e, String what) {
    return new SkydasProblem(
        ProblemCode.INFEASIBLE,
        e.file() + ": " + e.label() + what,
        Map.of("file", e.file(), "where", e.label()));
  }
}
