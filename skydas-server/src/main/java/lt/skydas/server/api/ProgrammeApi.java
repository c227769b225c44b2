package lt.skydas.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.SensorType;
import lt.skydas.plan.TargetClass;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Status;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;

/**
 * The obstacle and sensor catalogs (what the UI offers to draw, with each sensor type's map symbol)
 * and the programme: the registry's records costed from the catalog, by programme year and
 * category, with the clearance liability of every mine still planned or in the ground and the
 * yearly upkeep (inspections, marking and fencing repair) of the minefields in the ground.
 */
public final class ProgrammeApi {
  /** The inspection interval the programme's upkeep assumes (as {@code GET /api/inspections}). */
  static final int UPKEEP_EVERY_DAYS = 30;

  private final Registry registry;
  private final Responses responses;

  public ProgrammeApi(Registry registry, Responses responses) {
    this.registry = registry;
    this.responses = responses;
  }

  /** Declares the catalog and programme routes. */
  public void routes(RouteTable s) {
    s.add(
        HandlerType.GET,
        "/api/catalog",
        Access.ANY_USER,
        "planning",
        "The obstacle and sensor catalogs",
        this::catalog);
    s.add(
        HandlerType.GET,
        "/api/programme",
        Access.ANY_USER,
        "planning",
        "Cost by year and category",
        this::programme);
  }

  private void catalog(Context ctx) {
    List<Map<String, Object>> types = new ArrayList<>();
    for (ObstacleType t : registry.catalog().listTypes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("name", t.name());
      m.put("category", t.category());
      m.put("geometry", t.geometry().name().toLowerCase(java.util.Locale.ROOT));
      m.put("unit", t.unit());
      m.put("mines", t.mines().name().toLowerCase(java.util.Locale.ROOT));
      m.put("cost_eur_per_unit", t.costEur_perUnit());
      types.add(m);
    }
    List<Map<String, Object>> sensorTypes = new ArrayList<>();
    for (SensorType t : registry.catalogs().sensors().listTypes()) {
      sensorTypes.add(sensorType(t));
    }
    responses.json(ctx, 200, Map.of("types", types, "sensor_types", sensorTypes));
  }

  /**
   * A sensor type for the UI: id, name, category, geometry, unit, its MIL-STD-2525C symbol id
   * (drawn with milsymbol), range per target class, height, arc and cost.
   */
  private static Map<String, Object> sensorType(SensorType t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("name", t.name());
    m.put("category", t.category().id());
    m.put("geometry", t.geometry().name().toLowerCase(java.util.Locale.ROOT));
    m.put("unit", t.unit());
    m.put("sidc", t.sidc());
    Map<String, Object> ranges = new LinkedHashMap<>();
    for (TargetClass c : TargetClass.values()) {
      ranges.put(c.id(), t.range_m(c));
    }
    m.put("range_m", ranges);
    m.put("height_m", t.height_m());
    m.put("arc_deg", t.arc_deg());
    m.put("cost_eur_per_unit", t.costEur_perUnit());
    return m;
  }

  private void programme(Context ctx) {
    Map<Integer, Map<String, double[]>> byYear = new TreeMap<>();
    double total = 0;
    double clearance = 0;
    int counted = 0;
    int offset = 0;
    while (true) {
      List<RegistryRecord> page = registry.list(null, null, null, 5000, offset);
      for (RegistryRecord r : page) {
        ObstacleType t = registry.catalog().findType(r.type()).orElse(null);
        if (t == null || r.status() == Status.LAND_RELEASED) {
          continue;
        }
        Obstacle o =
            new Obstacle(
                r.id(),
                r.name(),
                t,
                r.geometry(),
                registry.territory().crs().toMetric(r.geometry()),
                r.year() == null ? 1 : r.year());
        double[] v =
            byYear
                .computeIfAbsent(o.year(), k -> new TreeMap<>())
                .computeIfAbsent(t.category(), k -> new double[2]);
        v[0] += o.cost_eur();
        v[1]++;
        total += o.cost_eur();
        if (r.status() != Status.CLEARED) {
          clearance += o.clearanceCost_eur();
        }
        counted++;
      }
      if (page.size() < 5000) {
        break;
      }
      offset += page.size();
    }
    // Articles 5 and 10: the minefields in the ground are inspected and their marking and fencing
    // kept up until they are cleared, a cost every year (the inspections list's figures)
    double upkeep = 0;
    int watched = 0;
    int overdue = 0;
    for (var d :
        lt.skydas.registry.Inspections.of(
            registry, java.time.Duration.ofDays(UPKEEP_EVERY_DAYS), java.time.Instant.now())) {
      upkeep += d.upkeep_eurPerYear();
      watched++;
      overdue += d.overdue() ? 1 : 0;
    }
    Map<String, Object> recurring = new LinkedHashMap<>();
    recurring.put("minefields_in_the_ground", watched);
    recurring.put("inspection_every_days", UPKEEP_EVERY_DAYS);
    recurring.put("upkeep_eur_per_year", Math.round(upkeep));
    recurring.put("overdue_inspections", overdue);
    List<Map<String, Object>> years = new ArrayList<>();
    for (var y : byYear.entrySet()) {
      Map<String, Object> cats = new LinkedHashMap<>();
      double sum = 0;
      for (var c : y.getValue().entrySet()) {
        cats.put(
            c.getKey(),
            Map.of("cost_eur", Math.round(c.getValue()[0]), "count", (long) c.getValue()[1]));
        sum += c.getValue()[0];
      }
      years.add(Map.of("year", y.getKey(), "cost_eur", Math.round(sum), "categories", cats));
    }
    responses.json(
        ctx,
        200,
        Map.of(
            "records",
            counted,
            "total_cost_eur",
            Math.round(total),
            "clearance_liability_eur",
            Math.round(clearance),
            "recurring",
            recurring,
            "years",
            years));
  }
}
