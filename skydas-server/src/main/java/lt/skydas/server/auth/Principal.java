package lt.skydas.server.auth;

import lt.skydas.registry.Actor;
import lt.skydas.registry.Role;

/**
 * An authenticated caller: user, role, the session's CSRF token, whether the credentials came from
 * the session cookie (then unsafe requests must carry the CSRF token) or a bearer header, and
 * whether they are a read-only API token ({@link ApiTokens}: no unsafe request at all).
 */
public record Principal(
    String username, Role role, String csrf, boolean viaCookie, boolean readOnly) {
  /** A user's session. */
  public Principal(String username, Role role, String csrf, boolean viaCookie) {
    this(username, role, csrf, viaCookie, false);
  }

  public Actor actor() {
    return new Actor(username, role);
  }
}
