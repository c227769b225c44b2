package lt.skydas.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accounts of {@code skydas serve} in the audit chain (issue 18, finding 5): every creation,
 * disabling and enabling is an event of entity {@value #ENTITY} whose state is {@link #doc}, so
 * {@code registry verify} names an account row changed outside Skydas ({@code UPDATE skydas_user
 * SET role='admin'}) and the server refuses its sessions. The password hash is not in the trail.
 * Stateless.
 */
public final class AccountAudit {
  private AccountAudit() {}

  public static final String ENTITY = "account";

  private static final Pattern DOC =
      Pattern.compile(
          "\\{\"username\":\"([a-z][a-z0-9._-]{1,63})\",\"role\":\"([a-z]+)\",\"disabled\":(true|false)\\}");

  /** The audited state of one account. */
  public record State(String username, Role role, boolean disabled) {}

  /** The chain's entity id of an account: {@code account:<name>}. */
  public static String entityId(String username) {
    return ENTITY + ":" + username;
  }

  /** The canonical JSON of an account's audited state (user names need no escaping). */
  public static String doc(String username, Role role, boolean disabled) {
    return "{\"username\":\""
        + username
        + "\",\"role\":\""
        + role.id()
        + "\",\"disabled\":"
        + disabled
        + "}";
  }

  /** The state in a doc, or null if it is not one. */
  public static State parse(String doc) {
    if (doc == null) {
      return null;
    }
    Matcher m = DOC.matcher(doc);
    if (!m.matches()) {
      return null;
    }
    Role r;
    try {
      r = Role.parse(m.group(2));
    } catch (RuntimeException e) {
      return null;
    }
    return new State(m.group(1), r, Boolean.parseBoolean(m.group(3)));
  }
}
