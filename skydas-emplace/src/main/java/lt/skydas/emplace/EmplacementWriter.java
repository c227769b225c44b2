package lt.skydas.emplace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.emplace.EmplacementResult.CaseOutcome;
import lt.skydas.emplace.EmplacementResult.ObjectiveDelay;
import lt.skydas.emplace.EmplacementResult.ObstacleOutcome;
import lt.skydas.emplace.EmplacementResult.SeasonPlan;
import lt.skydas.emplace.EmplacementResult.Shortfall;
import lt.skydas.emplace.schedule.Assignment;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;

/**
 * Writes an emplacement: {@code timeline.csv} (who lays or executes what, from which depot, when),
 * {@code timeline.cot.xml} (the same timeline as Cursor-on-Target for TAK: {@link TimelineCot}),
 * {@code emplacement.json} (everything, machine-readable), {@code delay-curve.csv}, {@code
 * emplacement.geojson} and {@code emplacement.html} (the report with the delay against warning
 * time). The directory is replaced atomically.
 */
public final class EmplacementWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EmplacementWriter() {}

  /** {@link #write(Path, BarrierPlan, Forces, EmplacementResult, List, Instant)}, warned now. */
  public static Path write(
      Path out,
      BarrierPlan plan,
      Forces forces,
      EmplacementResult at,
      List<EmplacementResult> curve) {
    return write(out, plan, forces, at, curve, Instant.now());
  }

  /**
   * Writes {@code out}; returns the report's path.
   *
   * @param curve the delay curve (may be empty)
   * @param warningAt the moment the order to emplace is given: hour 0 of the timeline, which the
   *     CoT tasks' start and stale times count from
   */
  public static Path write(
      Path out,
      BarrierPlan plan,
      Forces forces,
      EmplacementResult at,
      List<EmplacementResult> curve,
      Instant warningAt) {
    Instant now = Instant.now();
    AtomicOutput.writeDirectory(
        out,
        dir -> {
          AtomicOutput.writeString(dir.resolve("timeline.csv"), timelineCsv(plan, at));
          AtomicOutput.writeFile(
              dir.resolve("timeline.cot.xml"),
              os -> TimelineCot.write(os, plan, forces, at, warningAt, now));
          AtomicOutput.writeString(dir.resolve("delay-curve.csv"), curveCsv(curve));
          AtomicOutput.writeString(
              dir.resolve("emplacement.json"),
              JSON.writeValueAsString(json(plan, forces, at, curve)));
          AtomicOutput.writeString(
              dir.resolve("emplacement.html"), EmplacementReport.html(plan, forces, at, curve));
          AtomicOutput.writeFile(dir.resolve("emplacement.geojson"), os -> geojson(os, plan, at));
        });
    return out.resolve("emplacement.html");
  }

  static String timelineCsv(BarrierPlan plan, EmplacementResult r) {
    Map<String, Obstacle> byId = byId(plan);
    StringWriter s = new StringWriter();
    PrintWriter w = new PrintWriter(s);
    w.println(
        "season,team,unit,team_type,sequence,obstacle,obstacle_type,employment,depot,"
            + "leave_h,load_h,arrive_h,start_h,finish_h,deadline_h,on_time");
    for (SeasonPlan p : r.seasons()) {
      for (Assignment a : p.schedule().assignments()) {
        Obstacle o = byId.get(a.jobId());
        String unit = unitOf(a.teamId());
        String type = teamTypeOf(a.teamId());
        w.printf(
            Locale.ROOT,
            "%s,%s,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
            p.season().id(),
            csv(a.teamId()),
            csv(unit),
            type,
            a.sequence() + 1,
            csv(a.jobId()),
            o.type().id(),
            o.type().emplacement().employment().id(),
            csv(p.depotOf().getOrDefault(a.jobId(), "")),
            h(a.leave_s()),
            h(a.load_s()),
            h(a.arrive_s()),
            h(a.start_s()),
            h(a.finish_s()),
            h(p.jobDeadline_s().getOrDefault(a.jobId(), Double.NaN)),
            a.onTime());
      }
    }
    w.flush();
    return s.toString();
  }

  /**
   * Every reserved and crisis-laid obstacle of the plan (its plan geometry, WGS84) with who puts it
   * in place, from which depot, when, its deadline, and in how many of the cases it is in place
   * when the attacker reaches it; the first season's timeline.
   */
  static void geojson(java.io.OutputStream out, BarrierPlan plan, EmplacementResult r)
      throws java.io.IOException {
    SeasonPlan p = r.seasons().isEmpty() ? null : r.seasons().get(0);
    Map<String, Assignment> byJob = new LinkedHashMap<>();
    if (p != null) {
      for (Assignment a : p.schedule().assignments()) {
        byJob.put(a.jobId(), a);
      }
    }
    Map<String, int[]> inPlace = new LinkedHashMap<>();
    for (CaseOutcome c : r.cases()) {
      for (ObstacleOutcome o : c.obstacles()) {
        int[] n = inPlace.computeIfAbsent(o.obstacleId(), k -> new int[2]);
        n[0] += o.inPlace() ? 1 : 0;
        n[1]++;
      }
    }
    Map<String, String> why = new LinkedHashMap<>();
    for (Shortfall s : r.shortfalls()) {
      why.put(s.obstacleId(), s.reason());
    }
    try (lt.skydas.core.geojson.GeoJsonWriter w =
        new lt.skydas.core.geojson.GeoJsonWriter(
            new java.io.BufferedOutputStream(out),
            6,
            Map.of("name", "emplacement", "warning_h", r.warning_h()))) {
      for (Obstacle o : plan.obstacles()) {
        if (!o.type().emplacement().onWarning()) {
          continue;
        }
        Assignment a = byJob.get(o.id());
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("type", o.type().id());
        x.put("employment", o.type().emplacement().employment().id());
        x.put("season", p == null ? null : p.season().id());
        x.put("team", a == null ? null : a.teamId());
        x.put("depot", p == null ? null : p.depotOf().get(o.id()));
        x.put("start_h", a == null ? null : a.start_s() / 3600);
        x.put("finish_h", a == null ? null : a.finish_s() / 3600);
        Double deadline = p == null ? null : p.jobDeadline_s().get(o.id());
        x.put(
            "deadline_h", deadline == null || !Double.isFinite(deadline) ? null : deadline / 3600);
        x.put("on_time", a != null && a.onTime());
        int[] n = inPlace.getOrDefault(o.id(), new int[2]);
        x.put("in_place_cases", n[0]);
        x.put("cases", n[1]);
        x.put("not_possible", why.get(o.id()));
        w.feature(o.id(), o.geometry_wgs84(), x);
      }
    }
  }

  /** The unit of a team id ({@code unit/type-k}, as {@code Crews} makes them). */
  static String unitOf(String teamId) {
    return teamId.substring(0, teamId.indexOf('/'));
  }

  /** The team type of a team id ({@code unit/type-k}). */
  static String teamTypeOf(String teamId) {
    return teamId.substring(teamId.indexOf('/') + 1, teamId.lastIndexOf('-'));
  }

  static String curveCsv(List<EmplacementResult> curve) {
    StringBuilder sb =
        new StringBuilder(
            "warning_h,class,season,objective,baseline_h,permanent_h,plan_h,delay_h,"
                + "on_warning_delay_h,in_place,on_warning\n");
    for (EmplacementResult r : curve) {
      for (CaseOutcome c : r.cases()) {
        for (ObjectiveDelay d : c.objectives()) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%s,%s,%s,%s,%s,%.3f,%.3f,%d,%d%n",
                  num(r.warning_h()),
                  c.vehicleClass().id(),
                  c.season().id(),
                  csv(d.id()),
                  h(d.baseline_s()),
                  h(d.permanent_s()),
                  h(d.plan_s()),
                  d.delay_s() / 3600,
                  d.onWarningDelay_s() / 3600,
                  c.inPlace(),
                  c.obstacles().size()));
        }
      }
    }
    return sb.toString();
  }

  static Map<String, Object> json(
      BarrierPlan plan, Forces forces, EmplacementResult r, List<EmplacementResult> curve) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plan", plan.name());
    // the humanitarian policy the plan was held to (docs/policy.md)
    m.put("policy", plan.policy().describe());
    m.put("forces", forces.origin());
    m.put("warning_h", r.warning_h());
    m.put("result", result(r, true));
    List<Object> points = new ArrayList<>();
    for (EmplacementResult c : curve) {
      points.add(result(c, false));
    }
    m.put("delay_curve", points);
    return m;
  }

  private static Map<String, Object> result(EmplacementResult r, boolean detail) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("warning_h", r.warning_h());
    List<Object> seasons = new ArrayList<>();
    for (SeasonPlan p : r.seasons()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("season", p.season().id());
      s.put("method", p.schedule().method());
      s.put("optimal", p.schedule().optimal());
      s.put("value_on_time", p.schedule().value());
      s.put("bound", finite(p.schedule().bound()));
      s.put("jobs", p.schedule().assignments().size());
      s.put("on_time", p.schedule().assignments().stream().filter(Assignment::onTime).count());
      s.put("unreached", p.schedule().unassigned());
      s.put("solve_s", p.solve_s());
      seasons.add(s);
    }
    m.put("schedules", seasons);
    List<Object> cases = new ArrayList<>();
    for (CaseOutcome c : r.cases()) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("class", c.vehicleClass().id());
      k.put("season", c.season().id());
      k.put("in_place", c.inPlace());
      k.put("on_warning", c.obstacles().size());
      k.put("searches", c.searches());
      List<Object> objs = new ArrayList<>();
      for (ObjectiveDelay d : c.objectives()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("objective", d.id());
        o.put("baseline_h", finite(d.baseline_s() / 3600));
        o.put("permanent_h", finite(d.permanent_s() / 3600));
        o.put("plan_h", finite(d.plan_s() / 3600));
        o.put("delay_h", d.delay_s() / 3600);
        o.put("on_warning_delay_h", d.onWarningDelay_s() / 3600);
        objs.add(o);
      }
      k.put("objectives", objs);
      if (detail) {
        List<Object> obs = new ArrayList<>();
        for (ObstacleOutcome o : c.obstacles()) {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put("obstacle", o.obstacleId());
          x.put("in_place", o.inPlace());
          x.put("finish_h", finite(o.finish_s() / 3600));
          x.put("attacker_arrival_h", finite(o.arrival_s() / 3600));
          obs.add(x);
        }
        k.put("obstacles", obs);
      }
      cases.add(k);
    }
    m.put("cases", cases);
    if (detail) {
      List<Object> sf = new ArrayList<>();
      for (Shortfall s : r.shortfalls()) {
        sf.add(Map.of("obstacle", s.obstacleId(), "reason", s.reason()));
      }
      m.put("not_possible", sf);
      List<Object> idle = new ArrayList<>();
      for (Shortfall s : r.idleUnits()) {
        idle.add(Map.of("unit", s.obstacleId(), "reason", s.reason()));
      }
      m.put("idle_units", idle);
      Map<String, Object> st = new LinkedHashMap<>();
      r.stock().forEach((k, v) -> st.put(k, Map.of("needed", v[0], "available", v[1])));
      m.put("stock", st);
      Map<String, Object> ds = new LinkedHashMap<>();
      r.depots()
          .forEach(
              (id, kinds) -> {
                Map<String, Object> k = new LinkedHashMap<>();
                kinds.forEach((kind, v) -> k.put(kind, Map.of("drawn", v[0], "held", v[1])));
                ds.put(id, k);
              });
      m.put("depots", ds);
    }
    return m;
  }

  private static Map<String, Obstacle> byId(BarrierPlan plan) {
    Map<String, Obstacle> m = new LinkedHashMap<>();
    for (Obstacle o : plan.obstacles()) {
      m.put(o.id(), o);
    }
    return m;
  }

  private static Object finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  static String h(double s) {
    return Double.isFinite(s) ? String.format(Locale.ROOT, "%.3f", s / 3600) : "";
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** A CSV field, quoted when it holds a comma, quote or line break; formula starts neutralised. */
  static String csv(String s) {
    String t = lt.skydas.core.text.CsvCells.defuse(s);
    if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
      return "\"" + t.replace("\"", "\"\"") + "\"";
    }
    return t;
  }
}
