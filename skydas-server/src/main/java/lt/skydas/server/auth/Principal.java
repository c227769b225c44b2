package lt.skydas.server.auth;

import lt.skydas.registry.Actor;
import lt.skydas.registry.Role;

/**
 * An authenticated caller: user, role, the session's CSRF token, and whether the credentials came
 * from the session cookie (then unsafe requests must carry the CSRF token) or a bearer header.
 */
public record Principal(String username, Role role, String csrf, boolean viaCookie) {
  public Actor actor() {
    return new Actor(username, role);
  }
}
