package lt.skydas.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;

/**
 * The registry's dual-use works (issue 16, ADR 0019): projects entered whole (all or nothing, every
 * problem named), moved along {@link WorkLifecycle} by role, each change one chained audit event
 * (entity {@code work}, id {@code work:<id>}); {@code registry verify} checks every row against its
 * last event. Obtained from {@link Registry#works()}.
 */
public final class RegistryWorks {
  private final RegistryStore store;
  private final Territory territory;
  private final Clock clock;

  RegistryWorks(RegistryStore store, Territory territory, Clock clock) {
    this.store = store;
    this.territory = territory;
    this.clock = clock;
  }

  /**
   * Enters projects (version 1): planners enter planned ones, admins any status.
   *
   * @param source where they came from, for messages
   * @throws SkydasProblem FORBIDDEN for the role, BAD_INPUT naming every project and field at fault
   *     (nothing stored)
   */
  public List<WorkProject> importAll(Actor actor, List<WorkProject> ws, String source) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<WorkProject> first = new ArrayList<>();
    for (int i = 0; i < ws.size(); i++) {
      WorkProject w = ws.get(i);
      String where = "project " + (i + 1) + " (" + RegistryProblems.shorten(w.id()) + ")";
      boolean mayEnter =
          w.status().equals("planned")
              ? actor.role() == Role.PLANNER || actor.role() == Role.ADMIN
              : actor.role() == Role.ADMIN;
      if (!mayEnter) {
        throw RegistryProblems.forbidden(
            actor,
            w.status().equals("planned")
                ? "enter planned works (planner, admin)"
                : "enter works already " + w.status() + " (admin)");
      }
      for (FieldError f : check(w, ids)) {
        errors.add(f.at(where));
      }
      first.add(w.with(w.status(), w.donePct(), 1));
    }
    if (!errors.isEmpty()) {
      throw RegistryProblems.invalid(
          "no works entered from " + source + ": " + errors.size() + " problem(s)", errors);
    }
    return store.write(
        c -> {
          List<FieldError> clash = new ArrayList<>();
          for (WorkProject w : first) {
            if (store.works().find(c, w.id()).isPresent()) {
              clash.add(
                  new FieldError("id", "'" + w.id() + "' is already in the registry")
                      .at("project " + w.id()));
            }
          }
          if (!clash.isEmpty()) {
            throw RegistryProblems.invalid(
                "no works entered from " + source + ": " + clash.size() + " problem(s)", clash);
          }
          AuditEvent head = store.audit().head(c);
          Instant now = clock.instant();
          long seq = head.seq();
          String prev = head.hash();
          List<AuditEvent> events = new ArrayList<>();
          for (WorkProject w : first) {
            AuditEvent e =
                AuditEvent.next(
                    ++seq,
                    now,
                    actor,
                    "work",
                    WorkProject.entityId(w.id()),
                    "import",
                    null,
                    w.toJson(),
                    prev);
            prev = e.hash();
            events.add(e);
          }
          store.works().insert(c, first);
          store.audit().append(c, events);
          return first;
        });
  }

  /** Every project, in id order. */
  public List<WorkProject> list() {
    return store.read(c -> store.works().list(c));
  }

  public Optional<WorkProject> find(String id) {
    return store.read(c -> store.works().find(c, id));
  }

  /**
   * Moves a project along its lifecycle ({@link WorkLifecycle#apply}) if it is still at {@code
   * expectedVersion}.
   *
   * @throws SkydasProblem NOT_FOUND, CONFLICT (stale version or status), FORBIDDEN, USAGE
   */
  public WorkProject transition(
      Actor actor, String id, long expectedVersion, String action, Integer donePct) {
    return store.write(
        c -> {
          WorkProject cur =
              store
                  .works()
                  .find(c, id)
                  .orElseThrow(
                      () ->
                          new SkydasProblem(
                              ProblemCode.NOT_FOUND,
                              "no works project '"
                                  + RegistryProblems.shorten(id)
                                  + "' in the registry"));
          if (cur.version() != expectedVersion) {
            throw RegistryProblems.conflict(cur.id(), expectedVersion, cur.version());
          }
          WorkProject next = WorkLifecycle.apply(cur, action, donePct, actor);
          if (!store.works().update(c, next, expectedVersion)) {
            throw RegistryProblems.conflict(cur.id(), expectedVersion);
          }
          store
              .audit()
              .appendNext(
                  c,
                  clock.instant(),
                  actor,
                  "work",
                  WorkProject.entityId(id),
                  action,
                  cur.toJson(),
                  next.toJson());
          return next;
        });
  }

  private List<FieldError> check(WorkProject w, Set<String> ids) {
    List<FieldError> e = new ArrayList<>();
    if (!Registry.ID.matcher(w.id()).matches()) {
      e.add(new FieldError("id", "letters, digits and . _ : - only, at most 100 characters"));
    } else if (!ids.add(w.id())) {
      e.add(new FieldError("id", "'" + w.id() + "' is given twice"));
    }
    try {
      Text.clean(w.name(), 2000, "name");
    } catch (SkydasProblem p) {
      e.add(new FieldError("name", p.getMessage()));
    }
    if (!w.kind().equals("road") && !w.kind().equals("bridge")) {
      e.add(
          new FieldError(
              "kind", "road or bridge, not '" + RegistryProblems.shorten(w.kind()) + "'"));
    }
    if (w.end().isBefore(w.start())) {
      e.add(new FieldError("end", "before the start " + w.start()));
    }
    if (!(w.cost_eur() >= 0) || !Double.isFinite(w.cost_eur())) {
      e.add(new FieldError("cost_eur", "a finite amount >= 0"));
    }
    if (!WorkLifecycle.STATUSES.contains(w.status())) {
      e.add(
          new FieldError(
              "status",
              "one of " + String.join(", ", WorkLifecycle.STATUSES) + ", not " + w.status()));
    } else if (!WorkLifecycle.fits(w.status(), w.donePct())) {
      e.add(
          new FieldError(
              "done_pct",
              w.donePct()
                  + " does not fit "
                  + w.status()
                  + " (planned and approved: 0, under construction: 1..99, completed: 100)"));
    }
    for (int mlc : new int[] {w.mlcBefore(), w.mlcAfter()}) {
      if (mlc < 0 || mlc > 200) {
        e.add(new FieldError("mlc", "military load class within 0..200, not " + mlc));
      }
    }
    boolean road = w.kind().equals("road");
    if (road
        && (w.speedAfter_kmh() == null
            || !(w.speedAfter_kmh() >= 5 && w.speedAfter_kmh() <= 130))) {
      e.add(new FieldError("speed_after_kmh", "a road's convoy speed after, 5..130 km/h"));
    }
    if (road ? !(w.geometry() instanceof Lineal) : !(w.geometry() instanceof Point)) {
      e.add(new FieldError("geometry", road ? "a road is a LineString" : "a bridge is a Point"));
    } else {
      // on the home country's land or within about 1 km of it: a border bridge is the home's work
      e.addAll(GeometryChecks.checkRecord(w.geometry(), null, territory, territory.homeIso()));
    }
    return e;
  }
}
