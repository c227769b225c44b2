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
import lt.skydas.registry.RegistryStore;
import lt.skydas.registry.Role;

/**
 * Users and sessions in the registry's database (tables {@code skydas_user}, {@code
 * skydas_session}, migration V2). Session tokens are 256 random bits; only their SHA-256 is stored,
 * so a copy of the database does not log anyone in. Sessions expire after {@code ttl} and are
 * removed on logout and when the user is disabled. Thread-safe (the store serialises access).
 */
public final class Accounts {
  public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

  private final RegistryStore store;
  private final Clock clock;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();

  /** A user as listed (never with the hash). */
  public record User(String username, Role role, Instant createdAt, boolean disabled) {}

  /** A new session: the token for the client (shown once) and its CSRF token. */
  public record Session(String token, String csrf, Principal principal, Instant expiresAt) {}

  public Accounts(RegistryStore store, Clock clock, Duration ttl) {
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** Creates a user; the name must be new and the password strong enough. */
  public User create(String username, String password, Role role) {
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

  /** Enables or disables a user; disabling ends the user's sessions. */
  public void setDisabled(String username, boolean disabled) {
    store.write(
        c -> {
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
          return null;
        });
  }

  /** Checks the password; on success opens a session. Empty when the credentials are wrong. */
  public Optional<Session> login(String username, String password) {
    record Row(String hash, Role role, boolean disabled) {}
    Optional<Row> row =
        username == null || password == null
            ? Optional.empty()
            : store.read(
                c -> {
                  try (PreparedStatement p =
                      c.prepareStatement(
                          "SELECT password_hash, role, disabled FROM skydas_user WHERE username = ?")) {
                    p.setString(1, username);
                    try (ResultSet rs = p.executeQuery()) {
                      return rs.next()
                          ? Optional.of(
                              new Row(
                                  rs.getString(1), Role.parse(rs.getString(2)), rs.getInt(3) != 0))
                          : Optional.empty();
                    }
                  }
                });
    boolean ok =
        Passwords.verify(password == null ? "" : password, row.map(Row::hash).orElse(null));
    if (!ok || row.get().disabled()) {
      return Optional.empty();
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
                  "INSERT INTO skydas_session (token_hash, username, csrf, created_at, expires_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, sha256(token));
            p.setString(2, username);
            p.setString(3, csrf);
            p.setString(4, now.toString());
            p.setString(5, expires.toString());
            p.executeUpdate();
          }
          return null;
        });
    return Optional.of(
        new Session(token, csrf, new Principal(username, row.get().role(), csrf, true), expires));
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
                  "SELECT u.username, u.role, s.csrf FROM skydas_session s JOIN skydas_user u"
                      + " ON u.username = s.username WHERE s.token_hash = ? AND s.expires_at > ?"
                      + " AND u.disabled = 0")) {
            p.setString(1, h);
            p.setString(2, now);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new Principal(
                          rs.getString(1), Role.parse(rs.getString(2)), rs.getString(3), viaCookie))
                  : Optional.empty();
            }
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
