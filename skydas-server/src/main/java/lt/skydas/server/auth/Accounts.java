package lt.skydas.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.AccountAudit;
import lt.skydas.registry.Actor;
import lt.skydas.registry.AuditEvent;
import lt.skydas.registry.RegistryStore;
import lt.skydas.registry.Role;

/**
 * Users and sessions in the registry's database (tables {@code skydas_user}, {@code
 * skydas_session}, migrations V2 and V6). Session tokens are 256 random bits; only their SHA-256 is
 * stored, so a copy of the database does not log anyone in. Sessions expire after {@code ttl} and
 * are removed on logout and when the user is disabled.
 *
 * <p>Against an insider with write access to the database (issue 18, finding 5): every account
 * creation, disabling and enabling is an event in the registry's audit chain ({@link
 * AccountAudit}), and a login or a session whose account row differs from its audited state (a role
 * raised by SQL) is refused and logged; each session row carries an HMAC under a key held outside
 * the database (the server's {@code session.key}), so a row inserted with a chosen token's hash
 * opens nothing. Thread-safe (the store serialises access).
 */
public final class Accounts {
  public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

  private final RegistryStore store;
  private final Clock clock;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();
  private final byte[] sessionKey;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Accounts.class);

  /** Who acts when no one is named (account changes from code paths without a caller). */
  public static final Actor SYSTEM = new Actor("skydas", Role.ADMIN);

  /** A user as listed (never with the hash). */
  public record User(String username, Role role, Instant createdAt, boolean disabled) {}

  /** A new session: the token for the client (shown once) and its CSRF token. */
  public record Session(String token, String csrf, Principal principal, Instant expiresAt) {}

  /** With a session key of its own (sessions end when this instance goes). */
  public Accounts(RegistryStore store, Clock clock, Duration ttl) {
    this(store, clock, ttl, null);
  }

  /**
   * @param sessionKey the key session rows are authenticated with (at least 32 bytes; see {@link
   *     #sessionKey(java.nio.file.Path)}), null for a fresh random one
   */
  public Accounts(RegistryStore store, Clock clock, Duration ttl, byte[] sessionKey) {
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
    if (sessionKey == null) {
      sessionKey = new byte[32];
      random.nextBytes(sessionKey);
    }
    if (sessionKey.length < 32) {
      throw new IllegalArgumentException("a session key needs at least 32 bytes");
    }
    this.sessionKey = sessionKey.clone();
    adoptUnaudited();
  }

  /**
   * The session key in {@code file}, created (32 random bytes, mode 0600) if missing. Keep it out
   * of the database and out of backups others read.
   */
  public static byte[] sessionKey(java.nio.file.Path file) {
    try {
      if (!java.nio.file.Files.exists(file)) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        lt.skydas.registry.PrivateFiles.create(file, HexFormat.of().formatHex(k));
      }
      String hex = java.nio.file.Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (!hex.matches("[0-9a-f]{64,}")) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT, file + ": not a session key (64 or more hex digits)");
      }
      return HexFormat.of().parseHex(hex);
    } catch (java.io.IOException e) {
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED, file + ": cannot read or create the session key: " + e);
    }
  }

  /**
   * Accounts from before their changes were audited get one {@code adopt} event each, once: when
   * the chain holds no account event at all.
   */
  private void adoptUnaudited() {
    store.write(
        c -> {
          try (PreparedStatement p =
                  c.prepareStatement("SELECT 1 FROM audit_events WHERE entity = ? LIMIT 1");
              PreparedStatement users =
                  c.prepareStatement(
                      "SELECT username, role, disabled FROM skydas_user ORDER BY username")) {
            p.setString(1, AccountAudit.ENTITY);
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                return null;
              }
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = users.executeQuery()) {
              while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
              }
            }
            for (String[] r : rows) {
              audit(
                  c,
                  SYSTEM,
                  r[0],
                  "adopt",
                  null,
                  AccountAudit.doc(r[0], Role.parse(r[1]), !"0".equals(r[2])));
            }
          }
          return null;
        });
  }

  /** Appends an account event to the chain, in the caller's transaction. */
  private void audit(
      java.sql.Connection c,
      Actor actor,
      String username,
      String action,
      String before,
      String after)
      throws java.sql.SQLException {
    store
        .audit()
        .appendNext(
            c,
            clock.instant(),
            actor,
            AccountAudit.ENTITY,
            AccountAudit.entityId(username),
            action,
            before,
            after);
  }

  /** The account's state as the audit chain has it, null if it has none. */
  private AccountAudit.State audited(java.sql.Connection c, String username)
      throws java.sql.SQLException {
    List<AuditEvent> es = store.audit().events(c, AccountAudit.entityId(username));
    return es.isEmpty() ? null : AccountAudit.parse(es.get(es.size() - 1).after());
  }

  /** Whether the row's role and disabled flag are what the chain says (else logged). */
  private static boolean asAudited(
      AccountAudit.State audited, String username, Role role, boolean disabled) {
    if (audited != null && audited.role() == role && audited.disabled() == disabled) {
      return true;
    }
    LOG.error(
        "account {}: its row (role {}{}) differs from the audit chain ({}): changed outside"
            + " Skydas; refused. Run `skydas registry verify`.",
        username,
        role == null ? "?" : role.id(),
        disabled ? ", disabled" : "",
        audited == null
            ? "no event"
            : audited.role().id() + (audited.disabled() ? ", disabled" : ""));
    return false;
  }

  /** Creates a user as {@link #SYSTEM}. */
  public User create(String username, String password, Role role) {
    return create(SYSTEM, username, password, role);
  }

  /**
   * Creates a user; the name must be new and the password strong enough. Audited as {@code actor}'s
   * {@code create}.
   */
  public User create(Actor actor, String username, String password, Role role) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT,
          "user name must be 2-64 characters: a lower-case letter, then letters, digits, '.', '_' or '-'");
    }
    String weak = Passwords.weakness(password, username);
    if (weak != null) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "password for " + username + ": " + weak);
    }
    String hash = Passwords.hash(password);
    Instant now = clock.instant();
    return store.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT 1 FROM skydas_user WHERE username = ?")) {
            p.setString(1, username);
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                throw new SkydasProblem(
                    ProblemCode.CONFLICT, "user " + username + " already exists");
              }
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO skydas_user (username, role, password_hash, created_at, disabled)"
                      + " VALUES (?, ?, ?, ?, 0)")) {
            p.setString(1, username);
            p.setString(2, role.id());
            p.setString(3, hash);
            p.setString(4, now.toString());
            p.executeUpdate();
          }
          audit(c, actor, username, "create", null, AccountAudit.doc(username, role, false));
          return new User(username, role, now, false);
        });
  }

  public List<User> list() {
    return store.read(
        c -> {
          List<User> out = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT username, role, created_at, disabled FROM skydas_user ORDER BY username");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new User(
                      rs.getString(1),
                      Role.parse(rs.getString(2)),
                      Instant.parse(rs.getString(3)),
                      rs.getInt(4) != 0));
            }
          }
          return out;
        });
  }

  public long countAdmins() {
    return list().stream().filter(u -> u.role() == Role.ADMIN && !u.disabled()).count();
  }

  /** Enables or disables a user as {@link #SYSTEM}. */
  public void setDisabled(String username, boolean disabled) {
    setDisabled(SYSTEM, username, disabled);
  }

  /**
   * Enables or disables a user; disabling ends the user's sessions. Audited as {@code actor}'s
   * {@code disable} or {@code enable}.
   */
  public void setDisabled(Actor actor, String username, boolean disabled) {
    store.write(
        c -> {
          Role role = null;
          boolean was = false;
          try (PreparedStatement p =
              c.prepareStatement("SELECT role, disabled FROM skydas_user WHERE username = ?")) {
            p.setString(1, username);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                throw new SkydasProblem(ProblemCode.NOT_FOUND, "no user " + username);
              }
              role = Role.parse(rs.getString(1));
              was = rs.getInt(2) != 0;
            }
          }
          if (!asAudited(audited(c, username), username, role, was)) {
            throw new SkydasProblem(
                ProblemCode.TAMPERED,
                "account " + username + " was changed outside Skydas; run skydas registry verify");
          }
          try (PreparedStatement p =
              c.prepareStatement("UPDATE skydas_user SET disabled = ? WHERE username = ?")) {
            p.setInt(1, disabled ? 1 : 0);
            p.setString(2, username);
            if (p.executeUpdate() == 0) {
              throw new SkydasProblem(ProblemCode.NOT_FOUND, "no user " + username);
            }
          }
          if (disabled) {
            try (PreparedStatement p =
                c.prepareStatement("DELETE FROM skydas_session WHERE username = ?")) {
              p.setString(1, username);
              p.executeUpdate();
            }
          }
          audit(
              c,
              actor,
              username,
              disabled ? "disable" : "enable",
              AccountAudit.doc(username, role, was),
              AccountAudit.doc(username, role, disabled));
          return null;
        });
  }

  /** Checks the password; on success opens a session. Empty when the credentials are wrong. */
  public Optional<Session> login(String username, String password) {
    record Row(String hash, Role role, boolean disabled, boolean asAudited) {}
    Optional<Row> row =
        username == null || password == null
            ? Optional.empty()
            : store.read(
                c -> {
                  try (PreparedStatement p =
                      c.prepareStatement(
                          "SELECT password_hash, role, disabled FROM skydas_user WHERE username = ?")) {
                    p.setString(1, username);
                    Row found = null;
                    try (ResultSet rs = p.executeQuery()) {
                      if (rs.next()) {
                        Role role;
                        try {
                          role = Role.parse(rs.getString(2));
                        } catch (RuntimeException e) {
                          role = null;
                        }
                        found = new Row(rs.getString(1), role, rs.getInt(3) != 0, false);
                      }
                    }
                    if (found == null) {
                      return Optional.<Row>empty();
                    }
                    return Optional.of(
                        new Row(
                            found.hash(),
                            found.role(),
                            found.disabled(),
                            asAudited(
                                audited(c, username), username, found.role(), found.disabled())));
                  }
                });
    boolean ok =
        Passwords.verify(password == null ? "" : password, row.map(Row::hash).orElse(null));
    if (!ok || row.get().disabled()) {
      return Optional.empty();
    }
    if (!row.get().asAudited()) {
      throw new SkydasProblem(
          ProblemCode.TAMPERED,
          "account "
              + username
              + " was changed outside Skydas and is locked until an admin checks it"
              + " (skydas registry verify)");
    }
    String token = randomToken();
    String csrf = randomToken();
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    store.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM skydas_session WHERE expires_at < ?")) {
            p.setString(1, now.toString());
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO skydas_session"
                      + " (token_hash, username, csrf, created_at, expires_at, mac)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            String th = sha256(token);
            p.setString(1, th);
            p.setString(2, username);
            p.setString(3, csrf);
            p.setString(4, now.toString());
            p.setString(5, expires.toString());
            p.setString(6, mac(th, username, csrf, expires.toString()));
            p.executeUpdate();
          }
          return null;
        });
    return Optional.of(
        new Session(token, csrf, new Principal(username, row.get().role(), csrf, true), expires));
  }

  /** The API tokens, MAC'd with the same session key. */
  public ApiTokens tokens() {
    return new ApiTokens(store, clock, sessionKey);
  }

  /** The session's principal, if the token names a live session of an enabled user. */
  public Optional<Principal> session(String token, boolean viaCookie) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    String h = sha256(token);
    String now = clock.instant().toString();
    return store.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT u.username, u.role, s.csrf, s.expires_at, s.mac, u.disabled"
                      + " FROM skydas_session s JOIN skydas_user u"
                      + " ON u.username = s.username WHERE s.token_hash = ? AND s.expires_at > ?"
                      + " AND u.disabled = 0")) {
            p.setString(1, h);
            p.setString(2, now);
            String username;
            Role role;
            String csrf;
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Principal>empty();
              }
              username = rs.getString(1);
              csrf = rs.getString(3);
              String mac = rs.getString(5);
              if (mac == null || !same(mac, mac(h, username, csrf, rs.getString(4)))) {
                LOG.error(
                    "a session of {} without a valid MAC: inserted or changed outside Skydas;"
                        + " refused",
                    username);
                return Optional.<Principal>empty();
              }
              try {
                role = Role.parse(rs.getString(2));
              } catch (RuntimeException e) {
                role = null;
              }
            }
            if (!asAudited(audited(c, username), username, role, false)) {
              return Optional.<Principal>empty();
            }
            return Optional.of(new Principal(username, role, csrf, viaCookie));
          }
        });
  }

  public void logout(String token) {
    if (token == null) {
      return;
    }
    store.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM skydas_session WHERE token_hash = ?")) {
            p.setString(1, sha256(token));
            p.executeUpdate();
          }
          return null;
        });
  }

  /** The session row's HMAC-SHA256 under the session key (hex). */
  private String mac(String tokenHash, String username, String csrf, String expiresAt) {
    try {
      javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
      m.init(new javax.crypto.spec.SecretKeySpec(sessionKey, "HmacSHA256"));
      String msg = tokenHash + "\n" + username + "\n" + csrf + "\n" + expiresAt;
      return HexFormat.of().formatHex(m.doFinal(msg.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String randomToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of two tokens. */
  public static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
