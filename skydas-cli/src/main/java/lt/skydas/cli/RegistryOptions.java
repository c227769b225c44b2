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

  /** Who acts. */
  static final class Who {
    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "Role acted in: planner, engineer, inspector, admin.")
    String role;

    @Option(
        names = "--user",
        paramLabel = "NAME",
        description = "Name recorded in the audit trail (default: $USER).")
    String user;

    Actor actor() {
      String u = user != null ? user : System.getenv().getOrDefault("USER", "unknown");
      return new Actor(u, Role.parse(role));
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
