package lt.skydas.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Actor;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;
import lt.skydas.registry.Territory;
import lt.skydas.registry.store.JdbcStore;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Option;

/**
 * {@code skydas registry}: the authoritative record of what is planned, built and cleared, on an
 * embedded GeoPackage (default) or PostGIS, with a hash-chained audit trail.
 */
/**
 * Options shared by the {@code skydas registry} subcommands: the store, who acts, which records.
 */
final class RegistryOptions {
  private RegistryOptions() {}

  /** Where the registry is and which territory it covers. */
  static final class Db {
    @Option(
        names = "--db",
        paramLabel = "FILE|URL",
        description =
            "Registry: a .gpkg file or a jdbc:postgresql:// URL (default: $SKYDAS_REGISTRY or registry.gpkg).")
    String db;

    @Option(
        names = "--countries",
        paramLabel = "FILE",
        description =
            "Countries layer for the border check (default: the shipped data/baltic/countries.geojson.gz).")
    Path countries;

    @Option(
        names = "--home",
        paramLabel = "ISO",
        defaultValue = "LT",
        description = "Home country ISO code (default LT).")
    String home;

    String location() {
      if (db != null) {
        return db;
      }
      String env = System.getenv("SKYDAS_REGISTRY");
      return env != null && !env.isBlank() ? env : "registry.gpkg";
    }

    /** The record, or a not-found problem naming it. */
    static RegistryRecord require(Registry r, String id) {
      return r.find(id)
          .orElseThrow(
              () ->
                  new SkydasProblem(
                      ProblemCode.NOT_FOUND, "no record '" + id + "' in the registry"));
    }

    Registry open(boolean create) {
      Path c =
          countries != null
              ? countries
              : RegionStore.shippedLayers().resolve("countries.geojson.gz");
      Territory t = Territory.load(c, home.toUpperCase(Locale.ROOT));
      return new Registry(
          JdbcStore.open(location(), create), ObstacleCatalog.defaults(), t, Clock.systemUTC());
    }
  }

  /**
   * Who acts, authenticated (issue 18): as an account of the registry with its password (a prompt,
   * or {@code --password-stdin}) or an API token ({@code --token}, {@code $SKYDAS_TOKEN}); the
   * audit records that account and its role. {@code --single-user} is the explicit mode for a
   * private GeoPackage without accounts: the event's actor is then {@code single-user:$USER}.
   */
  static final class Who {
    @Option(
        names = "--role",
        paramLabel = "ROLE",
        description =
            "Role acted in: planner, engineer, inspector, admin. With an account, it must be the account's (default: the account's); required with --single-user.")
    String role;

    @Option(
        names = "--user",
        paramLabel = "NAME",
        description = "The account to act as (default: $USER).")
    String user;

    @Option(
        names = "--password-stdin",
        description = "Read the account's password from the first line of standard input.")
    boolean passwordStdin;

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description = "An API token of the account (from POST /api/login; default $SKYDAS_TOKEN).")
    String token;

    @Option(
        names = "--single-user",
        description =
            "A private GeoPackage with no accounts: act as --user (default $USER) in --role, unauthenticated; every event's actor is single-user:NAME.")
    boolean singleUser;

    /** The authenticated actor, or a problem saying how to authenticate. */
    Actor actor(Registry r) {
      String me = System.getenv().getOrDefault("USER", "unknown");
      lt.skydas.server.auth.Accounts accounts = UserCommand.accounts(r);
      if (singleUser) {
        if (!r.store().isGeoPackage()) {
          throw new SkydasProblem(
              ProblemCode.USAGE,
              "--single-user is for a private GeoPackage file, not a server database");
        }
        if (!accounts.list().isEmpty()) {
          throw new SkydasProblem(
              ProblemCode.USAGE,
              "this registry has accounts: authenticate (--user with a password prompt,"
                  + " --password-stdin or --token) instead of --single-user");
        }
        if (role == null) {
          throw new SkydasProblem(ProblemCode.USAGE, "--single-user needs --role");
        }
        return new Actor("single-user:" + (user != null ? user : me), Role.parse(role));
      }
      String tok = token != null ? token : System.getenv("SKYDAS_TOKEN");
      lt.skydas.server.auth.Principal p;
      if (tok != null && !tok.isBlank()) {
        p =
            accounts
                .session(tok.strip(), false)
                .orElseThrow(
                    () ->
                        new SkydasProblem(
                            ProblemCode.UNAUTHENTICATED,
                            "the token is not a live session of an enabled account"));
      } else {
        String name = user != null ? user : me;
        char[] pw = password(name);
        var session =
            accounts
                .login(name, new String(pw))
                .orElseThrow(
                    () ->
                        new SkydasProblem(
                            ProblemCode.UNAUTHENTICATED,
                            "wrong user name or password for " + name));
        java.util.Arrays.fill(pw, '\0');
        accounts.logout(session.token()); // the command's session ends with it
        p = session.principal();
      }
      if (role != null && Role.parse(role) != p.role()) {
        throw new SkydasProblem(
            ProblemCode.FORBIDDEN,
            "account " + p.username() + " has the role " + p.role().id() + ", not " + role);
      }
      return p.actor();
    }

    private char[] password(String name) {
      if (passwordStdin) {
        try {
          String line =
              new java.io.BufferedReader(
                      new java.io.InputStreamReader(
                          System.in, java.nio.charset.StandardCharsets.UTF_8))
                  .readLine();
          if (line == null) {
            throw new SkydasProblem(ProblemCode.USAGE, "--password-stdin: standard input is empty");
          }
          return line.toCharArray();
        } catch (java.io.IOException e) {
          throw new SkydasProblem(ProblemCode.USAGE, "--password-stdin: " + e.getMessage());
        }
      }
      java.io.Console c = System.console();
      if (c == null) {
        throw new SkydasProblem(
            ProblemCode.UNAUTHENTICATED,
            "registry changes are made as an account: give --password-stdin or --token (no"
                + " terminal to ask for the password), or --single-user for a private file"
                + " without accounts");
      }
      char[] pw = c.readPassword("Password for %s: ", name);
      if (pw == null) {
        throw new SkydasProblem(ProblemCode.UNAUTHENTICATED, "no password given");
      }
      return pw;
    }
  }

  /** Which records. */
  static final class Filter {
    @Option(
        names = "--bbox",
        paramLabel = "W,S,E,N",
        description = "Only records meeting this WGS84 box.")
    String bbox;

    @Option(
        names = "--status",
        description =
            "Only records in this status (planned, approved, prepared, stocked, ordered, laid,"
                + " executed, emplaced, ...).")
    String status;

    @Option(names = "--kind", description = "obstacle, minefield, sensor, depot or shelter.")
    String kind;

    Envelope bbox() {
      if (bbox == null) {
        return null;
      }
      String[] p = bbox.split(",");
      try {
        if (p.length != 4) {
          throw new NumberFormatException();
        }
        double w = Double.parseDouble(p[0]), s = Double.parseDouble(p[1]);
        double e = Double.parseDouble(p[2]), n = Double.parseDouble(p[3]);
        if (!(w <= e && s <= n)) {
          throw new NumberFormatException();
        }
        return new Envelope(w, e, s, n);
      } catch (NumberFormatException ex) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "--bbox " + bbox + ": give W,S,E,N in degrees with W <= E and S <= N");
      }
    }

    Status status() {
      if (status == null) {
        return null;
      }
      Status s = Status.parse(status);
      if (s == null) {
        throw new SkydasProblem(ProblemCode.USAGE, "--status " + status + ": unknown status");
      }
      return s;
    }

    RecordKind kind() {
      if (kind == null) {
        return null;
      }
      try {
        return RecordKind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "--kind " + kind + ": obstacle, minefield, sensor, depot or shelter");
      }
    }
  }
}
