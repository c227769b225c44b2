package lt.skydas.registry;

import java.util.Objects;

/**
 * The person (or system) making a change, with the role they act in. Immutable.
 *
 * @param name who, as recorded in the audit trail (a user name, at most 200 characters)
 * @param role the role the change is checked against
 */
public record Actor(String name, Role role) {
  public Actor {
    Objects.requireNonNull(role, "role");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("actor name is empty");
    }
    name = Text.clean(name, 200, "actor");
  }
}
