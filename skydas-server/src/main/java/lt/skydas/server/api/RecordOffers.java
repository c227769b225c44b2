package lt.skydas.server.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lt.skydas.registry.Action;
import lt.skydas.registry.ActivityKind;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;

/**
 * What a caller of some role may do with a record now, sent with the record so that clients render
 * the offer and never repeat the rules: the lifecycle actions come from the registry's {@link
 * Action} table; the edits and activities offered follow the registry's ownership of records
 * (planned ones by planners and admins, minefields under construction by engineers) and the roles
 * of each {@link ActivityKind}. The registry checks every write again.
 *
 * @param actions ids of the lifecycle actions the role may take ({@code approve}, {@code emplace}
 *     …)
 * @param edits {@code details} and {@code geometry} for a planned record the role may plan; {@code
 *     as_laid} for a minefield under construction and an engineer
 * @param activities ids of the activity kinds the role records, once something is built
 */
record RecordOffers(List<String> actions, List<String> edits, List<String> activities) {
  private static final Set<Role> PLANNERS = EnumSet.of(Role.PLANNER, Role.ADMIN);
  private static final Set<Status> NOTHING_BUILT = EnumSet.of(Status.PLANNED, Status.APPROVED);

  RecordOffers {
    actions = List.copyOf(actions);
    edits = List.copyOf(edits);
    activities = List.copyOf(activities);
  }

  /** The offer for this record to a caller of this role. */
  static RecordOffers of(RegistryRecord r, Role role) {
    List<String> actions = new ArrayList<>();
    for (Action a : Action.offered(r.status(), r.kind(), role)) {
      actions.add(a.id());
    }
    List<String> edits = new ArrayList<>();
    if (PLANNERS.contains(role) && r.status() == Status.PLANNED) {
      edits.add("details");
      edits.add("geometry");
    }
    if (r.kind() == RecordKind.MINEFIELD
        && role == Role.ENGINEER
        && r.status() == Status.UNDER_CONSTRUCTION) {
      edits.add("as_laid");
    }
    List<String> activities = new ArrayList<>();
    if (!NOTHING_BUILT.contains(r.status())) {
      for (ActivityKind k : ActivityKind.values()) {
        if (k.roles().contains(role)) {
          activities.add(k.id());
        }
      }
    }
    return new RecordOffers(actions, edits, activities);
  }
}
