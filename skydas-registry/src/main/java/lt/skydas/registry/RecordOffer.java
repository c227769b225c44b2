package lt.skydas.registry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller of some role may do with a record now, computed from the same rules the registry
 * enforces when the caller tries (so a client renders the offer and never repeats the rules, and
 * nothing is offered that the registry would refuse for role or status): the lifecycle {@link
 * Action}s, the edits, and the {@link ActivityKind}s that may be recorded.
 *
 * <p>Each list is in its enum's order.
 *
 * @param actions lifecycle actions the role may take from the record's status ({@link
 *     Lifecycle#offered})
 * @param edits what the role may edit: {@link Edit#DETAILS} and {@link Edit#GEOMETRY} of a planned
 *     record it may edit, {@link Edit#AS_LAID} of a minefield under construction or laid it may
 *     edit, {@link Edit#STOCK} of a depot it may edit, {@link Edit#SHELTER} of a shelter it may
 *     edit
 * @param activities kinds of activity the role may record on the record in its status
 */
public record RecordOffer(List<Action> actions, List<Edit> edits, List<ActivityKind> activities) {
  /** What can be edited through {@link Registry#update}. */
  public enum Edit {
    /** Name, year and notes. */
    DETAILS,
    /** The geometry. */
    GEOMETRY,
    /** The minefield's as-laid record (CCW Amended Protocol II Technical Annex). */
    AS_LAID,
    /** A depot's stock and storage note (a stock change is an edit). */
    STOCK,
    /** A shelter's capacity, protection and access (after an inspection). */
    SHELTER;

    /** Lower-case id for the wire ({@code as_laid}). */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public RecordOffer {
    actions = List.copyOf(actions);
    edits = List.copyOf(edits);
    activities = List.copyOf(activities);
  }

  /**
   * The offer of record {@code r}, following lifecycle {@code lc} (its type's: {@link
   * Registry#offer}), to a caller of {@code role}.
   */
  public static RecordOffer of(RegistryRecord r, Lifecycle lc, Role role) {
    Set<Edit> edits = EnumSet.noneOf(Edit.class);
    if (Registry.mayEdit(role, r.status())) {
      if (r.status() == Status.PLANNED) {
        edits.add(Edit.DETAILS);
        edits.add(Edit.GEOMETRY);
      }
      if (r.kind() == RecordKind.MINEFIELD
          && (r.status() == Status.UNDER_CONSTRUCTION || r.status() == Status.LAID)) {
        edits.add(Edit.AS_LAID);
      }
      if (r.kind() == RecordKind.DEPOT) {
        edits.add(Edit.STOCK);
      }
      if (r.kind() == RecordKind.SHELTER) {
        edits.add(Edit.SHELTER);
      }
    }
    List<ActivityKind> activities = new ArrayList<>();
    for (ActivityKind k : ActivityKind.values()) {
      if (k.roles().contains(role) && ActivityChecks.statusProblem(k, r.status()) == null) {
        activities.add(k);
      }
    }
    return new RecordOffer(
        List.copyOf(lc.offered(r.status(), r.kind(), role)), List.copyOf(edits), activities);
  }
}
