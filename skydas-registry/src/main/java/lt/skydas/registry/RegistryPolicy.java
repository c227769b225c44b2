package lt.skydas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.PolicyFile;

/**
 * The humanitarian policy the registry owns (docs/policy.md): versioned, set only by an admin with
 * a reason, each version an audit event (entity {@value #ENTITY}, action {@code set_policy}). The
 * newest version is in force; before the first, the built-in default. A refused change stores
 * nothing and leaves the old policy in force. Obtained from {@link Registry#policy()}.
 */
public final class RegistryPolicy {
  /** The audit entity id of the policy. */
  public static final String ENTITY = "policy";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final RegistryStore store;
  private final Catalogs catalogs;
  private final Clock clock;

  public RegistryPolicy(RegistryStore store, Catalogs catalogs, Clock clock) {
    this.store = store;
    this.catalogs = catalogs;
    this.clock = clock;
  }

  /** The policy in force; its source names the registry version. */
  public PlanPolicy current() {
    return store.read(this::current);
  }

  PlanPolicy current(Connection c) throws SQLException {
    Optional<StoredPolicy> s = store.policies().current(c);
    return s.isEmpty()
        ? PlanPolicy.DEFAULT.withSource("built-in default (the registry has none set)")
        : parse(s.get());
  }

  /** The stored version in force, or empty before the first is set. */
  public Optional<StoredPolicy> stored() {
    return store.read(c -> store.policies().current(c));
  }

  /** Every version, oldest first, from the audit trail. */
  public List<StoredPolicy> history() {
    List<StoredPolicy> out = new ArrayList<>();
    for (AuditEvent e : store.read(c -> store.audit().events(c, ENTITY))) {
      try {
        JsonNode n = JSON.readTree(e.after());
        out.add(
            new StoredPolicy(
                n.path("version").asLong(),
                e.at(),
                e.actor(),
                n.path("reason").asText(null),
                e.after()));
      } catch (java.io.IOException x) {
        throw new IllegalStateException(x);
      }
    }
    return out;
  }

  /**
   * Sets a new version from {@code policy} (a policy file's JSON). Refused, storing nothing: an
   * actor who is not an admin, a blank reason, or a policy {@link PolicyFile} refuses (an unknown
   * member or obstacle kind, a buffer below the floor without {@code buffer_override_reason} …).
   *
   * @param where the file or request the policy came from, for messages
   */
  public StoredPolicy set(Actor actor, JsonNode policy, String reason, String where) {
    if (actor.role() != Role.ADMIN) {
      throw RegistryProblems.forbidden(actor, "set the humanitarian policy (admin)");
    }
    if (reason == null || reason.isBlank()) {
      throw SkydasProblem.badInput(
          where, "reason", "say why the policy changes (it goes into the audit trail)");
    }
    if (reason.length() > 500) {
      throw SkydasProblem.badInput(where, "reason", "is over 500 characters");
    }
    PlanPolicy p = PolicyFile.parse(policy, where, catalogs.obstacles(), "registry");
    return store.write(
        c -> {
          long version = store.policies().current(c).map(StoredPolicy::version).orElse(0L) + 1;
          Instant now = clock.instant();
          String doc = canonical(p, version, reason.strip());
          String before = store.policies().current(c).map(StoredPolicy::doc).orElse(null);
          StoredPolicy s = new StoredPolicy(version, now, actor.name(), reason.strip(), doc);
          store.policies().insert(c, s);
          store.audit().appendNext(c, now, actor, ENTITY, ENTITY, "set_policy", before, doc);
          return s;
        });
  }

  /** The stored policy's canonical JSON: the policy, its version and the reason. */
  static String canonical(PlanPolicy p, long version, String reason) {
    ObjectNode o = PolicyFile.toJson(p);
    o.remove("source");
    o.put("version", version);
    o.put("reason", reason);
    return o.toString();
  }

  private PlanPolicy parse(StoredPolicy s) {
    try {
      ObjectNode n = (ObjectNode) JSON.readTree(s.doc());
      n.remove("reason");
      return PolicyFile.parse(
          n,
          "registry policy version " + s.version(),
          catalogs.obstacles(),
          "registry version " + s.version());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
