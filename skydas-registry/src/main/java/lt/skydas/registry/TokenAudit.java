package lt.skydas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API tokens of {@code skydas serve} in the audit chain (issue 19): each issue and revocation is an
 * event of entity {@value #ENTITY} whose state is {@link #doc} (never the secret or its hash), so
 * {@code registry verify} names a token row inserted, changed or deleted outside Skydas. Stateless.
 */
public final class TokenAudit {
  private TokenAudit() {}

  public static final String ENTITY = "api-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A token row as stored (times as ISO text; revokedAt null while live). */
  public record Row(String id, String name, String scope, String expiresAt, String revokedAt) {}

  /** The chain's entity id of a token: {@code api-token:<id>}. */
  public static String entityId(String id) {
    return ENTITY + ":" + id;
  }

  /** The canonical JSON of a token's audited state. */
  public static String doc(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", r.name());
    m.put("scope", r.scope());
    m.put("expires_at", r.expiresAt());
    m.put("revoked_at", r.revokedAt());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
