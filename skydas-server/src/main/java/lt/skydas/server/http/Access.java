package lt.skydas.server.http;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import lt.skydas.registry.Role;

/**
 * Who may call a route: anyone, any logged-in user, or users of some roles. Domain rules (which
 * role may take which lifecycle action) are checked again by the registry itself.
 */
public record Access(boolean login, Set<Role> roles) {
  public static final Access PUBLIC = new Access(false, Set.of());
  public static final Access ANY_USER = new Access(true, EnumSet.allOf(Role.class));

  public static Access roles(Role first, Role... more) {
    return new Access(true, EnumSet.of(first, more));
  }

  public boolean allows(Role r) {
    return !login || roles.contains(r);
  }

  public String describe() {
    if (!login) {
      return "public";
    }
    if (roles.size() == Role.values().length) {
      return "any user";
    }
    return roles.stream().map(Role::id).sorted().collect(Collectors.joining(", "));
  }
}
