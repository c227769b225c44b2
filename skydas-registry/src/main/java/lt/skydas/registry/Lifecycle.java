package lt.skydas.registry;

import static lt.skydas.registry.Role.ADMIN;
import static lt.skydas.registry.Role.ENGINEER;
import static lt.skydas.registry.Role.INSPECTOR;
import static lt.skydas.registry.Status.APPROVED;
import static lt.skydas.registry.Status.BREACHED;
import static lt.skydas.registry.Status.CLEARANCE_IN_PROGRESS;
import static lt.skydas.registry.Status.CLEARED;
import static lt.skydas.registry.Status.CLOSED;
import static lt.skydas.registry.Status.DAMAGED;
import static lt.skydas.registry.Status.EMPLACED;
import static lt.skydas.registry.Status.EXECUTED;
import static lt.skydas.registry.Status.LAID;
import static lt.skydas.registry.Status.LAND_RELEASED;
import static lt.skydas.registry.Status.ORDERED;
import static lt.skydas.registry.Status.PLANNED;
import static lt.skydas.registry.Status.PREPARED;
import static lt.skydas.registry.Status.READY;
import static lt.skydas.registry.Status.STOCKED;
import static lt.skydas.registry.Status.UNDER_CONSTRUCTION;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.Emplacement.Employment;

/**
 * The lifecycle of records of one employment, or of depots (issue 15): every allowed step, the
 * statuses it leaves from, where it leads and the roles that own it. Anything not listed is
 * refused.
 *
 * <ul>
 *   <li>{@link Employment#PERMANENT} (and sensor sites): planned, approved, under construction,
 *       emplaced.
 *   <li>{@link Employment#RESERVED}: planned, approved, prepared, ordered, executed; stood down
 *       back to prepared.
 *   <li>{@link Employment#CRISIS_LAID}: planned, approved, prepared, stocked, ordered, laid,
 *       emplaced (a minefield only with its complete CCW Amended Protocol II record: {@link
 *       RecordValidator}).
 *   <li>{@link #depot()} (records of the type {@code depot}, no employment): planned, approved,
 *       prepared (built, empty), stocked; closed through clearance, cleared and land released.
 *   <li>{@link #shelter()} (records of the type {@code shelter}): planned, approved, under
 *       construction (built or adapted), ready (accepted by an inspector; an existing basement may
 *       be accepted straight from approved), damaged and repaired, closed.
 * </ul>
 *
 * The three obstacle lifecycles share the steps after the obstacle is in place: breach, damage,
 * repair, clearance, land release. A record in a status outside its lifecycle (stored before its
 * type's lifecycle was split off, e.g. a crisis-laid minefield under construction) follows the
 * permanent table from there until it rejoins its own. The table is in {@code
 * skydas-registry/package.md} and ADR 0013. Immutable and thread-safe.
 */
public final class Lifecycle {
  /**
   * One allowed step.
   *
   * @param action the action
   * @param from the statuses it may leave from
   * @param to the status it leads to; null for protection actions, which keep it
   * @param roles the roles that may take it
   */
  public record Step(Action action, Set<Status> from, Status to, Set<Role> roles) {
    public Step {
      from = Set.copyOf(from);
      roles = Set.copyOf(roles);
    }

    /** The status after this step from {@code current}. */
    public Status next(Status current) {
      return to == null ? current : to;
    }
  }

  /** The id of the depots' lifecycle (the others are their employment's id). */
  public static final String DEPOT = "depot";

  private static final Map<Employment, Lifecycle> ALL = new EnumMap<>(Employment.class);
  private static final Lifecycle DEPOTS = new Lifecycle(DEPOT, null, depots());

  /** The id of the shelters' lifecycle. */
  public static final String SHELTER = "shelter";

  private static final Lifecycle SHELTERS = new Lifecycle(SHELTER, null, shelters());

  static {
    for (Employment e : Employment.values()) {
      List<Step> table =
          switch (e) {
            case PERMANENT -> permanent();
            case RESERVED -> reserved();
            case CRISIS_LAID -> crisisLaid();
          };
      ALL.put(e, new Lifecycle(e.id(), e, table));
    }
  }

  private final String id;
  private final Employment employment;
  private final List<Step> steps;
  private final Set<Status> statuses;

  private Lifecycle(String id, Employment employment, List<Step> steps) {
    this.id = id;
    this.employment = employment;
    this.steps = List.copyOf(steps);
    EnumSet<Status> s = EnumSet.of(PLANNED);
    for (Step st : steps) {
      s.addAll(st.from());
      if (st.to() != null) {
        s.add(st.to());
      }
    }
    this.statuses = Set.copyOf(s);
  }

  /** The lifecycle of records of {@code e}. */
  public static Lifecycle of(Employment e) {
    return ALL.get(e);
  }

  /** The lifecycle of depot records. */
  public static Lifecycle depot() {
    return DEPOTS;
  }

  /** The lifecycle of shelter records. */
  public static Lifecycle shelter() {
    return SHELTERS;
  }

  /**
   * Every lifecycle by its {@link #id()}: permanent, reserved, crisis_laid (employment order), then
   * depot and shelter.
   */
  public static Map<String, Lifecycle> all() {
    Map<String, Lifecycle> out = new LinkedHashMap<>();
    ALL.values().forEach(lc -> out.put(lc.id, lc));
    out.put(DEPOT, DEPOTS);
    out.put(SHELTER, SHELTERS);
    return Collections.unmodifiableMap(out);
  }

  /** {@code permanent}, {@code reserved}, {@code crisis_laid}, {@code depot} or {@code shelter}. */
  public String id() {
    return id;
  }

  /** The employment whose lifecycle this is; null for the depots' and the shelters'. */
  public Employment employment() {
    return employment;
  }

  /**
   * How a record of {@code type} is named in messages: {@code crisis-laid at_minefield}, {@code
   * depot}.
   */
  String describe(String type) {
    return employment == null ? type : employment.id().replace('_', '-') + " " + type;
  }

  /** Every step, in table order. */
  public List<Step> steps() {
    return steps;
  }

  /** The statuses a record of this employment passes through, in lifecycle order. */
  public List<Status> statuses() {
    return EnumSet.copyOf(statuses).stream().toList();
  }

  /** True if {@code s} is one of this lifecycle's own statuses. */
  public boolean has(Status s) {
    return statuses.contains(s);
  }

  /**
   * The step {@code a} takes from {@code s}: this table's if {@code s} is one of its statuses, else
   * the permanent table's (a record stored before its lifecycle was split off).
   */
  public Optional<Step> find(Action a, Status s) {
    for (Step st : tableFor(s).steps) {
      if (st.action() == a && st.from().contains(s)) {
        return Optional.of(st);
      }
    }
    return Optional.empty();
  }

  /** The statuses {@code a} may leave from in this lifecycle (empty if it has no such step). */
  public Set<Status> from(Action a) {
    EnumSet<Status> out = EnumSet.noneOf(Status.class);
    for (Step st : steps) {
      if (st.action() == a) {
        out.addAll(st.from());
      }
    }
    return out;
  }

  /** The actions of this lifecycle that apply to a record of {@code kind}, in enum order. */
  public Set<Action> actions(RecordKind kind) {
    EnumSet<Action> out = EnumSet.noneOf(Action.class);
    for (Step st : steps) {
      if (!st.action().minefieldOnly() || kind == RecordKind.MINEFIELD) {
        out.add(st.action());
      }
    }
    return out;
  }

  /** The actions a role may take on a record of this kind in this status, in enum order. */
  public Set<Action> offered(Status status, RecordKind kind, Role role) {
    EnumSet<Action> out = EnumSet.noneOf(Action.class);
    for (Step st : tableFor(status).steps) {
      if (st.from().contains(status)
          && st.roles().contains(role)
          && (!st.action().minefieldOnly() || kind == RecordKind.MINEFIELD)) {
        out.add(st.action());
      }
    }
    return out;
  }

  /**
   * The step {@code action} takes {@code cur} by (the role is checked by the caller); refused if
   * the action does not apply to the record's kind (INFEASIBLE), is not one of this employment's
   * (INFEASIBLE naming record, type, employment and its actions) or not from its status (CONFLICT,
   * with what {@code role} is offered).
   */
  Step require(RegistryRecord cur, Action action, Role role) {
    if (action.minefieldOnly() && cur.kind() != RecordKind.MINEFIELD) {
      throw new SkydasProblem(
          ProblemCode.INFEASIBLE,
          action.id() + " applies to minefields; " + cur.id() + " is a " + cur.type());
    }
    Optional<Step> step = find(action, cur.status());
    if (step.isPresent()) {
      return step.get();
    }
    Set<Status> from = from(action);
    if (from.isEmpty()) {
      throw new SkydasProblem(
          ProblemCode.INFEASIBLE,
          "record "
              + cur.id()
              + " is a "
              + describe(cur.type())
              + ": "
              + action.id()
              + " is not one of its actions ("
              + RegistryProblems.ids(actions(cur.kind()))
              + ")",
          Map.of(
              "type",
              cur.type(),
              "employment",
              id,
              "actions",
              RegistryProblems.ids(actions(cur.kind())),
              "offered",
              RegistryProblems.ids(offered(cur.status(), cur.kind(), role))));
    }
    throw new SkydasProblem(
        ProblemCode.CONFLICT,
        "record "
            + cur.id()
            + " is "
            + cur.status().id()
            + ": "
            + action.id()
            + " is only allowed from "
            + RegistryProblems.ids(from),
        Map.of(
            "status",
            cur.status().id(),
            "offered",
            RegistryProblems.ids(offered(cur.status(), cur.kind(), role))));
  }

  private Lifecycle tableFor(Status s) {
    return statuses.contains(s) ? this : ALL.get(Employment.PERMANENT);
  }

  // ---- the tables ----

  private static List<Step> permanent() {
    List<Step> t = new ArrayList<>();
    t.add(step(Action.APPROVE, Set.of(PLANNED), APPROVED, ADMIN));
    t.add(step(Action.START_CONSTRUCTION, Set.of(APPROVED), UNDER_CONSTRUCTION, ENGINEER));
    t.add(step(Action.EMPLACE, Set.of(UNDER_CONSTRUCTION), EMPLACED, ENGINEER));
    inPlace(t, EMPLACED, Set.of(EMPLACED, BREACHED, DAMAGED));
    protection(t, EnumSet.of(UNDER_CONSTRUCTION));
    return t;
  }

  private static List<Step> reserved() {
    List<Step> t = new ArrayList<>();
    t.add(step(Action.APPROVE, Set.of(PLANNED), APPROVED, ADMIN));
    t.add(step(Action.PREPARE, Set.of(APPROVED), PREPARED, ENGINEER));
    t.add(step(Action.ORDER, Set.of(PREPARED), ORDERED, ADMIN));
    t.add(step(Action.EXECUTE, Set.of(ORDERED), EXECUTED, ENGINEER));
    t.add(step(Action.STAND_DOWN, Set.of(ORDERED), PREPARED, ADMIN));
    t.add(step(Action.STAND_DOWN, Set.of(EXECUTED), PREPARED, ENGINEER));
    inPlace(t, EXECUTED, Set.of(PREPARED, EXECUTED, BREACHED, DAMAGED));
    return t;
  }

  private static List<Step> crisisLaid() {
    List<Step> t = new ArrayList<>();
    t.add(step(Action.APPROVE, Set.of(PLANNED), APPROVED, ADMIN));
    t.add(step(Action.PREPARE, Set.of(APPROVED), PREPARED, ENGINEER));
    t.add(step(Action.STOCK, Set.of(PREPARED), STOCKED, ENGINEER));
    t.add(step(Action.ORDER, Set.of(STOCKED), ORDERED, ADMIN));
    t.add(step(Action.STAND_DOWN, Set.of(ORDERED), STOCKED, ADMIN));
    t.add(step(Action.LAY, Set.of(ORDERED), LAID, ENGINEER));
    t.add(step(Action.EMPLACE, Set.of(LAID), EMPLACED, ENGINEER));
    inPlace(t, EMPLACED, Set.of(EMPLACED, BREACHED, DAMAGED));
    protection(t, EnumSet.of(LAID));
    return t;
  }

  /**
   * Depots: built (prepared) once approved, stocked; a stock change while prepared or stocked is an
   * edit of the record's stock (engineer). Closing one withdraws its stock and clears the site
   * (clearance, cleared) before its land is released.
   */
  private static List<Step> depots() {
    List<Step> t = new ArrayList<>();
    t.add(step(Action.APPROVE, Set.of(PLANNED), APPROVED, ADMIN));
    t.add(step(Action.PREPARE, Set.of(APPROVED), PREPARED, ENGINEER));
    t.add(step(Action.STOCK, Set.of(PREPARED), STOCKED, ENGINEER));
    t.add(step(Action.START_CLEARANCE, Set.of(PREPARED, STOCKED), CLEARANCE_IN_PROGRESS, ENGINEER));
    t.add(step(Action.COMPLETE_CLEARANCE, Set.of(CLEARANCE_IN_PROGRESS), CLEARED, ENGINEER));
    t.add(step(Action.RELEASE_LAND, Set.of(CLEARED), LAND_RELEASED, INSPECTOR));
    return t;
  }

  /**
   * Shelters (issue 17): approved, built or adapted (under construction), then accepted by an
   * inspector (ready; an existing basement or metro station may be accepted straight from
   * approved). Damage takes a ready shelter out of the count until it is repaired and accepted
   * again; closing withdraws it for good.
   */
  private static List<Step> shelters() {
    List<Step> t = new ArrayList<>();
    t.add(step(Action.APPROVE, Set.of(PLANNED), APPROVED, ADMIN));
    t.add(step(Action.START_CONSTRUCTION, Set.of(APPROVED), UNDER_CONSTRUCTION, ENGINEER));
    t.add(step(Action.COMMISSION, Set.of(APPROVED, UNDER_CONSTRUCTION), READY, INSPECTOR));
    t.add(step(Action.REPORT_DAMAGE, Set.of(READY), DAMAGED, ENGINEER, INSPECTOR));
    t.add(step(Action.REPAIR, Set.of(DAMAGED), UNDER_CONSTRUCTION, ENGINEER));
    t.add(step(Action.CLOSE, Set.of(APPROVED, UNDER_CONSTRUCTION, READY, DAMAGED), CLOSED, ADMIN));
    return t;
  }

  /**
   * The steps once the obstacle is in place ({@code inPlace}): breach, damage, repair back to it,
   * clearance from {@code clearFrom}, land release.
   */
  private static void inPlace(List<Step> t, Status inPlace, Set<Status> clearFrom) {
    t.add(
        new Step(
            Action.REPORT_BREACH, Set.of(inPlace, DAMAGED), BREACHED, Set.of(INSPECTOR, ENGINEER)));
    t.add(new Step(Action.REPORT_DAMAGE, Set.of(inPlace), DAMAGED, Set.of(INSPECTOR, ENGINEER)));
    t.add(step(Action.REPAIR, Set.of(BREACHED, DAMAGED), inPlace, ENGINEER));
    t.add(step(Action.START_CLEARANCE, clearFrom, CLEARANCE_IN_PROGRESS, ENGINEER));
    t.add(step(Action.COMPLETE_CLEARANCE, Set.of(CLEARANCE_IN_PROGRESS), CLEARED, ENGINEER));
    t.add(step(Action.RELEASE_LAND, Set.of(CLEARED), LAND_RELEASED, INSPECTOR));
  }

  /**
   * Mark, fence and monitor (minefields): from the statuses in {@code before} (mines going into the
   * ground) and every status after emplacement up to cleared.
   */
  private static void protection(List<Step> t, EnumSet<Status> before) {
    EnumSet<Status> from = EnumSet.copyOf(before);
    from.addAll(EnumSet.of(EMPLACED, BREACHED, DAMAGED, CLEARANCE_IN_PROGRESS, CLEARED));
    t.add(new Step(Action.MARK, from, null, Set.of(ENGINEER)));
    t.add(new Step(Action.FENCE, from, null, Set.of(ENGINEER)));
    t.add(new Step(Action.MONITOR, from, null, Set.of(INSPECTOR, ENGINEER)));
  }

  private static Step step(Action a, Set<Status> from, Status to, Role... roles) {
    return new Step(a, from, to, Set.of(roles));
  }
}
