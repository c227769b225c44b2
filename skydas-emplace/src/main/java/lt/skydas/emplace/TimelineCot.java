package lt.skydas.emplace;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.cot.CotEnvelope;
import lt.skydas.core.cot.CotEventWriter;
import lt.skydas.core.geo.Crs;
import lt.skydas.emplace.EmplacementResult.CaseOutcome;
import lt.skydas.emplace.EmplacementResult.ObstacleOutcome;
import lt.skydas.emplace.EmplacementResult.SeasonPlan;
import lt.skydas.emplace.schedule.Assignment;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import org.locationtech.jts.geom.Coordinate;

/**
 * The emplacement timeline as Cursor-on-Target 2.0 for TAK ({@code timeline.cot.xml}, ADR 0012):
 * the first season's schedule (the one {@code emplacement.geojson} shows), one waypoint per task
 * and one route per team.
 *
 * <ul>
 *   <li><b>Task</b> (one per assignment): type {@value #WAYPOINT} at the site a team drives to, uid
 *       {@code skydas-emplace-<obstacle id>} (re-sending updates it), {@code start} = the warning
 *       moment + the start of work, {@code stale} = + its finish; the callsign names the obstacle,
 *       the team and its place in the team's order; the remarks say unit, team, depot, obstacle
 *       type, start and finish hours after the warning, the deadline, and whether it is in place
 *       before the attacker arrives (over the season's cases, the worst one named); the same facts
 *       as attributes of {@code <skydas_task>} for machines.
 *   <li><b>Route</b> (one per team with work): type {@value #ROUTE}, uid {@code
 *       skydas-emplace-route-<team id>}, its stops in order as {@code <link>} waypoints: home, then
 *       for each job the depot it loads at (if any) and the site — the site's link carries the
 *       task's uid, so TAK binds the task marker into the route.
 * </ul>
 *
 * Obstacles no team can put in place (the result's shortfalls) are not tasked; a comment at the top
 * counts them (their reasons are in the report, the CSV and the JSON). CoT's tasking types ({@code
 * t-…}) are not used: ATAK drops them on receipt (ADR 0012). Positions are WGS84 from the LKS-94
 * sites, to 1e-7°. Stateless.
 */
final class TimelineCot {
  static final String WAYPOINT = "b-m-p-w";
  static final String ROUTE = "b-m-r";
  static final String PREFIX = "skydas-emplace-";

  /** Route colours (ARGB as signed ints, as ATAK writes them), one per team in turn. */
  private static final int[] COLOURS = {
    0xFFFF8C00, 0xFF00BFFF, 0xFFFF00FF, 0xFF32CD32, 0xFFFFD700, 0xFFFF4500
  };

  private TimelineCot() {}

  /**
   * Writes the events.
   *
   * @param warningAt the moment the order to emplace is given (the timeline's hour 0)
   * @param now when the events are generated (their {@code time})
   */
  static void write(
      OutputStream out,
      BarrierPlan plan,
      Forces forces,
      EmplacementResult r,
      Instant warningAt,
      Instant now)
      throws IOException {
    Instant t = now.truncatedTo(ChronoUnit.MILLIS);
    Instant w = warningAt.truncatedTo(ChronoUnit.MILLIS);
    SeasonPlan p = r.seasons().isEmpty() ? null : r.seasons().get(0);
    Map<String, List<Assignment>> byTeam = byTeam(p);
    try (CotEventWriter cot = new CotEventWriter(out)) {
      cot.comment(
          String.format(
              Locale.ROOT,
              "skydas emplace: warning %s (%s h before the attacker crosses), season %s: %d"
                  + " task(s), %d route(s); %d obstacle(s) cannot be put in place and are not"
                  + " tasked",
              w,
              num(r.warning_h()),
              p == null ? "none" : p.season().id(),
              p == null ? 0 : p.schedule().assignments().size(),
              byTeam.size(),
              r.shortfalls().size()));
      if (p == null) {
        return;
      }
      Context c = new Context(plan, forces, r, p, w, t);
      for (List<Assignment> jobs : byTeam.values()) {
        for (Assignment a : jobs) {
          task(cot, c, a, jobs.size());
        }
      }
      int k = 0;
      for (Map.Entry<String, List<Assignment>> e : byTeam.entrySet()) {
        route(cot, c, e.getKey(), e.getValue(), COLOURS[k++ % COLOURS.length]);
      }
    }
  }

  /** What every event of one file needs. */
  private record Context(
      BarrierPlan plan,
      Forces forces,
      EmplacementResult result,
      SeasonPlan season,
      Instant warningAt,
      Instant now) {
    Obstacle obstacle(String id) {
      for (Obstacle o : plan.obstacles()) {
        if (o.id().equals(id)) {
          return o;
        }
      }
      throw new IllegalStateException("assignment for unknown obstacle " + id);
    }

    Forces.Unit unit(String teamId) {
      String id = EmplacementWriter.unitOf(teamId);
      for (Forces.Unit u : forces.units()) {
        if (u.id().equals(id)) {
          return u;
        }
      }
      throw new IllegalStateException("team " + teamId + " of unknown unit " + id);
    }

    Forces.Depot depot(String obstacleId) {
      String id = season.depotOf().get(obstacleId);
      for (Forces.Depot d : forces.depots()) {
        if (d.id().equals(id)) {
          return d;
        }
      }
      return null;
    }

    Instant at(double s) {
      return warningAt.plus(Duration.ofMillis(Math.round(s * 1000)));
    }
  }

  /** Each team's assignments in its order, teams in order of first appearance. */
  private static Map<String, List<Assignment>> byTeam(SeasonPlan p) {
    Map<String, List<Assignment>> m = new LinkedHashMap<>();
    if (p != null) {
      for (Assignment a : p.schedule().assignments()) {
        m.computeIfAbsent(a.teamId(), k -> new ArrayList<>()).add(a);
      }
      m.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(Assignment::sequence)));
    }
    return m;
  }

  private static void task(CotEventWriter cot, Context c, Assignment a, int jobs)
      throws IOException {
    Obstacle o = c.obstacle(a.jobId());
    Forces.Unit unit = c.unit(a.teamId());
    Forces.Depot depot = c.depot(a.jobId());
    InPlace race = inPlace(c, a.jobId());
    double[] site = wgs84(c.forces(), Sites.of(o));
    cot.startEvent(
        new CotEnvelope(
            PREFIX + a.jobId(),
            WAYPOINT,
            CotEventWriter.HOW_ESTIMATED,
            c.now(),
            c.at(a.start_s()),
            c.at(a.finish_s()),
            site[1],
            site[0]));
    cot.contact(callsign(o, a, jobs));
    Double deadline = c.season().jobDeadline_s().get(a.jobId());
    cot.remarks(
        String.format(
            Locale.ROOT,
            "%s %s (%s); unit %s (%s), team %s (%s), job %d of %d; depot: %s; works %s–%s h"
                + " after warning (%s to %s), deadline %s h; %s",
            o.type().emplacement().employment().id(),
            name(o),
            o.type().id(),
            unit.name(),
            unit.id(),
            a.teamId(),
            EmplacementWriter.teamTypeOf(a.teamId()),
            a.sequence() + 1,
            jobs,
            depot == null ? "none" : depot.name() + " (" + depot.id() + ")",
            hours(a.start_s()),
            hours(a.finish_s()),
            c.at(a.start_s()),
            c.at(a.finish_s()),
            deadline == null ? "none" : hours(deadline),
            race.text()));
    cot.element(
        "skydas_task",
        "obstacle",
        a.jobId(),
        "obstacle_type",
        o.type().id(),
        "unit",
        unit.id(),
        "team",
        a.teamId(),
        "sequence",
        String.valueOf(a.sequence() + 1),
        "depot",
        depot == null ? "" : depot.id(),
        "start_h",
        hours(a.start_s()),
        "finish_h",
        hours(a.finish_s()),
        "in_place_cases",
        String.valueOf(race.inPlace()),
        "cases",
        String.valueOf(race.cases()));
    cot.endEvent();
  }

  private static void route(
      CotEventWriter cot, Context c, String teamId, List<Assignment> jobs, int colour)
      throws IOException {
    Forces.Unit unit = c.unit(teamId);
    double[] home = wgs84(c.forces(), new Coordinate(unit.x(), unit.y()));
    Assignment last = jobs.get(jobs.size() - 1);
    cot.startEvent(
        new CotEnvelope(
            PREFIX + "route-" + teamId,
            ROUTE,
            CotEventWriter.HOW_ESTIMATED,
            c.now(),
            c.at(jobs.get(0).leave_s()),
            c.at(last.finish_s()),
            home[1],
            home[0]));
    String stop = PREFIX + "route-" + teamId + "-";
    link(cot, stop + "home", home, teamId + " home: " + unit.name());
    StringBuilder order = new StringBuilder();
    for (Assignment a : jobs) {
      Obstacle o = c.obstacle(a.jobId());
      Forces.Depot d = c.depot(a.jobId());
      if (d != null) {
        link(
            cot,
            stop + (a.sequence() + 1) + "-load",
            wgs84(c.forces(), new Coordinate(d.x(), d.y())),
            teamId + " load " + (a.sequence() + 1) + ": " + d.name());
      }
      link(cot, PREFIX + a.jobId(), wgs84(c.forces(), Sites.of(o)), callsign(o, a, jobs.size()));
      order.append(
          String.format(
              Locale.ROOT,
              "%s%d. %s (%s) %s–%s h",
              order.length() == 0 ? "" : "; ",
              a.sequence() + 1,
              name(o),
              o.type().id(),
              hours(a.start_s()),
              hours(a.finish_s())));
    }
    cot.contact(teamId + " (" + unit.name() + ")");
    cot.remarks(
        String.format(
            Locale.ROOT,
            "team %s of unit %s (%s), %d job(s) in order: %s",
            teamId,
            unit.name(),
            unit.id(),
            jobs.size(),
            order));
    cot.element(
        "link_attr",
        "color",
        String.valueOf(colour),
        "type",
        "Vehicle",
        "method",
        "Driving",
        "direction",
        "Infil",
        "routetype",
        "Primary",
        "order",
        "Ascending Check Points",
        "stroke",
        "3");
    cot.endEvent();
  }

  private static void link(CotEventWriter cot, String uid, double[] lonLat, String callsign)
      throws IOException {
    cot.element(
        "link",
        "uid",
        uid,
        "type",
        WAYPOINT,
        "callsign",
        callsign,
        "point",
        CotEventWriter.point(lonLat[1], lonLat[0]),
        "relation",
        "c");
  }

  /** How the race went for one obstacle over the season's cases. */
  private record InPlace(int inPlace, int cases, String text) {}

  /**
   * In place before the attacker arrives in how many of the season's cases; the worst case is the
   * one with the least margin (warning + attacker's arrival − finish).
   */
  private static InPlace inPlace(Context c, String obstacleId) {
    int in = 0;
    int n = 0;
    double worst = Double.POSITIVE_INFINITY;
    String worstCase = null;
    double w_s = c.result().warning_h() * 3600;
    for (CaseOutcome k : c.result().cases()) {
      if (!k.season().equals(c.season().season())) {
        continue;
      }
      for (ObstacleOutcome o : k.obstacles()) {
        if (!o.obstacleId().equals(obstacleId)) {
          continue;
        }
        n++;
        in += o.inPlace() ? 1 : 0;
        double margin = w_s + o.arrival_s() - o.finish_s();
        if (worstCase == null || margin < worst) {
          worst = margin;
          worstCase = k.vehicleClass().id() + "/" + k.season().id();
        }
      }
    }
    String text;
    if (n == 0) {
      text = "not raced";
    } else if (in == n && !Double.isFinite(worst)) {
      text = "in place: the attacker never reaches it in any of " + n + " case(s)";
    } else if (in == n) {
      text =
          String.format(
              Locale.ROOT,
              "in place before the attacker arrives in all %d case(s) (worst %s: %s h to spare)",
              n,
              worstCase,
              hours(worst));
    } else {
      text =
          String.format(
              Locale.ROOT,
              "NOT in place before the attacker arrives in %d of %d case(s) (worst %s: %s h late)",
              n - in,
              n,
              worstCase,
              hours(-worst));
    }
    return new InPlace(in, n, text);
  }

  /**
   * The map label: the obstacle's id (as in the CSV), the team and the job's place in its order.
   */
  private static String callsign(Obstacle o, Assignment a, int jobs) {
    return o.id() + " [" + a.teamId() + " " + (a.sequence() + 1) + "/" + jobs + "]";
  }

  /** The obstacle's id and, when it has one, its name. */
  private static String name(Obstacle o) {
    return o.name() != null && !o.name().isBlank() && !o.name().equals(o.id())
        ? o.id() + " \"" + o.name() + "\""
        : o.id();
  }

  /** {lon, lat} of a point of the forces' map CRS, rounded to 1e-7° (about 1 cm: no noise). */
  private static double[] wgs84(Forces forces, Coordinate xy) {
    Coordinate c = Crs.of(forces.epsg()).toWgs84(xy.x, xy.y, new Coordinate());
    return new double[] {Math.rint(c.x * 1e7) / 1e7, Math.rint(c.y * 1e7) / 1e7};
  }

  private static String hours(double s) {
    return String.format(Locale.ROOT, "%.2f", s / 3600);
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
