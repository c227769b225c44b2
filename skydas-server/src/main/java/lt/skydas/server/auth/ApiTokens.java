package lt.skydas.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import lt.skydas.registry.Actor;
import lt.skydas.registry.RegistryStore;
import lt.skydas.registry.Role;
import lt.skydas.registry.TokenAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens an admin issues for a GIS client (QGIS, GDAL, a script; issue 19): named, read-only
 * (the bearer reads as a viewer and may not change anything), with an expiry (at most a year), and
 * revocable. The secret ({@code skt_} and 43 URL-safe characters) is shown once; the store keeps
 * its SHA-256, and each row carries an HMAC under the session key over every column, so a row
 * inserted or un-revoked outside Skydas is refused. Issuing and revoking are audit events (entity
 * {@code api-token}). Thread-safe (the store serialises writes).
 */
public final class ApiTokens {
  private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);

  public static final String PREFIX = "skt_";
  public static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._()-]{1,60}");
  public static final Duration MAX_TTL = Duration.ofDays(366);

  /** A token as listed (never its secret). */
  public record Token(
      String id,
      String name,
      String scope,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt) {
    public boolean live(Instant now) {
      return revokedAt == null && now.isBefore(expiresAt);
    }
  }

  /** A token just issued, with its secret (shown once). */
  public record Issued(Token token, String secret) {}

  private final RegistryStore store;
  private final Clock clock;
  private final byte[] key;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(RegistryStore store, Clock clock, byte[] key) {
    this.store = store;
    this.clock = clock;
    this.key = key.clone();
  }

  /** Issues a read-only token named {@code name}, live for {@code ttl} (1 day to a year). */
  public Issued issue(Actor admin, String name, Duration ttl) {
    if (admin.role() != Role.ADMIN) {
      throw new SkydasProblem(ProblemCode.FORBIDDEN, "only an admin issues API tokens");
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, "a token's name is 1 to 60 letters, digits, spaces or ._()-");
    }
    if (ttl.compareTo(Duration.ofDays(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "a token lives from 1 to 366 days");
    }
    byte[] b = new byte[32];
    random.nextBytes(b);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    byte[] idb = new byte[6];
    random.nextBytes(idb);
    Instant now = clock.instant();
    Token t =
        new Token(
            "tok-" + HexFormat.of().formatHex(idb),
            name,
            "read",
            admin.name(),
            now,
            now.plus(ttl),
            null);
    String hash = Accounts.sha256(secret);
    store.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO skydas_api_token (id, name, token_hash, scope, created_by,"
                      + " created_at, expires_at, revoked_at, mac) VALUES (?, ?, ?, ?, ?, ?, ?,"
                      + " NULL, ?)")) {
            p.setString(1, t.id());
            p.setString(2, t.name());
            p.setString(3, hash);
            p.setString(4, t.scope());
            p.setString(5, t.createdBy());
            p.setString(6, t.createdAt().toString());
            p.setString(7, t.expiresAt().toString());
            p.setString(8, mac(t, hash));
            p.executeUpdate();
          }
          audit(c, admin, t, "issue", null);
          return null;
        });
    return new Issued(t, secret);
  }

  /** Every token, newest first. */
  public List<Token> list() {
    return store.read(
        c -> {
          List<Token> out = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT id, name, scope, created_by, created_at, expires_at, revoked_at"
                          + " FROM skydas_api_token ORDER BY created_at DESC, id");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.add(token(rs));
            }
          }
          return out;
        });
  }

  /** Revokes a token (at once: the next request with it is a 401). */
  public Token revoke(Actor admin, String id) {
    if (admin.role() != Role.ADMIN) {
      throw new SkydasProblem(ProblemCode.FORBIDDEN, "only an admin revokes API tokens");
    }
    return store.write(
        c -> {
          Token t = find(c, id);
          if (t == null) {
            throw new SkydasProblem(ProblemCode.NOT_FOUND, "no API token '" + id + "'");
          }
          if (t.revokedAt() != null) {
            return t;
          }
          Token r =
              new Token(
                  t.id(),
                  t.name(),
                  t.scope(),
                  t.createdBy(),
                  t.createdAt(),
                  t.expiresAt(),
                  clock.instant());
          String hash;
          try (PreparedStatement p =
              c.prepareStatement("SELECT token_hash FROM skydas_api_token WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              hash = rs.getString(1);
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE skydas_api_token SET revoked_at = ?, mac = ? WHERE id = ?")) {
            p.setString(1, r.revokedAt().toString());
            p.setString(2, mac(r, hash));
            p.setString(3, id);
            p.executeUpdate();
          }
          audit(c, admin, r, "revoke", t);
          return r;
        });
  }

  /** The read-only principal of a live token's secret, if it is one. */
  public Optional<Principal> principal(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    String hash = Accounts.sha256(secret);
    Instant now = clock.instant();
    return store.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT id, name, scope, created_by, created_at, expires_at, revoked_at, mac"
                      + " FROM skydas_api_token WHERE token_hash = ?")) {
            p.setString(1, hash);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Principal>empty();
              }
              Token t = token(rs);
              if (!Accounts.same(rs.getString(8), mac(t, hash))) {
                LOG.error(
                    "API token {} without a valid MAC: changed outside Skydas; refused", t.id());
                return Optional.<Principal>empty();
              }
              if (!t.live(now) || !t.scope().equals("read")) {
                return Optional.<Principal>empty();
              }
              return Optional.of(
                  new Principal("token:" + t.name(), Role.VIEWER, null, false, true));
            }
          }
        });
  }

  private static Token find(Connection c, String id) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT id, name, scope, created_by, created_at, expires_at, revoked_at"
                + " FROM skydas_api_token WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? token(rs) : null;
      }
    }
  }

  private static Token token(ResultSet rs) throws SQLException {
    String revoked = rs.getString(7);
    return new Token(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Instant.parse(rs.getString(5)),
        Instant.parse(rs.getString(6)),
        revoked == null ? null : Instant.parse(revoked));
  }

  private void audit(Connection c, Actor admin, Token t, String action, Token before)
      throws SQLException {
    store
        .audit()
        .appendNext(
            c,
            clock.instant(),
            admin,
            TokenAudit.ENTITY,
            TokenAudit.entityId(t.id()),
            action,
            before == null ? null : TokenAudit.doc(row(before)),
            TokenAudit.doc(row(t)));
  }

  private static TokenAudit.Row row(Token t) {
    return new TokenAudit.Row(
        t.id(),
        t.name(),
        t.scope(),
        t.expiresAt().toString(),
        t.revokedAt() == null ? null : t.revokedAt().toString());
  }

  private String mac(Token t, String hash) {
    try {
      javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
      m.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      String msg =
          String.join(
              "\n",
              "api-token",
              t.id(),
              t.name(),
              hash,
              t.scope(),
              t.createdBy(),
              t.createdAt().toString(),
              t.expiresAt().toString(),
              t.revokedAt() == null ? "-" : t.revokedAt().toString());
      return HexFormat.of().formatHex(m.doFinal(msg.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
