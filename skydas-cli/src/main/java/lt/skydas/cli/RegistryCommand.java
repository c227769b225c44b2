package lt.skydas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Action;
import lt.skydas.registry.Activity;
import lt.skydas.registry.ActivityKind;
import lt.skydas.registry.Actor;
import lt.skydas.registry.AuditEvent;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;
import lt.skydas.registry.Territory;
import lt.skydas.registry.VerifyReport;
import lt.skydas.registry.exchange.RegistryExchange;
import lt.skydas.registry.store.JdbcStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skydas registry}: the authoritative record of what is planned, built and cleared, on an
 * embedded GeoPackage (default) or PostGIS, with a hash-chained audit trail.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = {
      "The registry of obstacles and minefields: lifecycle, CCW Amended Protocol II records, audit.",
      "Storage: --db FILE.gpkg (embedded GeoPackage, the default registry.gpkg) or",
      "--db jdbc:postgresql://host:port/db?user=...&password=... (PostGIS)."
    },
    subcommands = {
      RegistryCommand.Init.class,
      RegistryCommand.Import.class,
      RegistryCommand.Export.class,
      RegistryCommand.ListCmd.class,
      RegistryCommand.Show.class,
      RegistryCommand.Transition.class,
      RegistryCommand.Update.class,
      RegistryCommand.Record.class,
      RegistryCommand.Verify.class,
      RegistryCommand.History.class
    })
final class RegistryCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

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

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Create the registry (or bring its schema up to date).")
  static final class Init implements Callable<Integer> {
    @Mixin Db db;

    @Override
    public Integer call() {
      try (Registry r = db.open(true)) {
        VerifyReport v = r.verify();
        System.out.printf(
            Locale.ROOT,
            "Registry ready: %s (schema %d, %d records, %d audit events)%n",
            r.store().describe(),
            r.store().schemaVersion(),
            v.records(),
            v.events());
      }
      return 0;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import records from GeoJSON, GeoPackage, KML or CSV (a plan from optimize imports as planned records).",
        "All or nothing: every problem of every record is reported and nothing is stored."
      })
  static final class Import implements Callable<Integer> {
    @Mixin Db db;
    @Mixin Who who;

    @Parameters(paramLabel = "FILE", description = "File to import.")
    Path file;

    @Option(
        names = "--format",
        description = "geojson, geopackage, kml or csv (default: from the file name).")
    RegistryExchange.Format format;

    @Override
    public Integer call() {
      RegistryExchange.Format f = format != null ? format : RegistryExchange.fromPath(file);
      List<RecordDraft> drafts = RegistryExchange.read(file, f);
      try (Registry r = db.open(false)) {
        List<RegistryRecord> stored =
            r.importAll(who.actor(), drafts, file.getFileName().toString());
        System.out.printf(
            Locale.ROOT,
            "Imported %d records from %s into %s%n",
            stored.size(),
            file,
            r.store().describe());
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Export records as GeoJSON, GeoPackage, KML, CSV, Cursor-on-Target XML (TAK) or a GICHD-shaped mine-action handover.")
  static final class Export implements Callable<Integer> {
    @Mixin Db db;
    @Mixin Filter filter;

    @Parameters(paramLabel = "FILE", description = "File to write (replaced atomically).")
    Path file;

    @Option(
        names = "--format",
        description = "geojson, geopackage, kml, csv, cot or gichd (default: from the file name).")
    RegistryExchange.Format format;

    @Override
    public Integer call() {
      RegistryExchange.Format f = format != null ? format : RegistryExchange.fromPath(file);
      try (Registry r = db.open(false)) {
        List<RegistryRecord> rs =
            r.list(filter.bbox(), filter.status(), filter.kind(), Integer.MAX_VALUE, 0);
        if (f == RegistryExchange.Format.GICHD) {
          java.util.Map<String, List<Activity>> acts = new java.util.LinkedHashMap<>();
          for (RegistryRecord x : rs) {
            acts.put(x.id(), r.activities(x.id()));
          }
          RegistryExchange.writeGichd(rs, acts, file);
        } else {
          RegistryExchange.write(rs, file, f);
        }
        System.out.printf(
            Locale.ROOT,
            "Exported %d records to %s (%s)%n",
            rs.size(),
            file,
            f.name().toLowerCase(Locale.ROOT));
      }
      return 0;
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
            "Only records in this status (planned, approved, under_construction, emplaced, ...).")
    String status;

    @Option(names = "--kind", description = "obstacle or minefield.")
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
        throw new SkydasProblem(ProblemCode.USAGE, "--kind " + kind + ": obstacle or minefield");
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List records.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin Db db;
    @Mixin Filter filter;

    @Option(
        names = "--limit",
        defaultValue = "100",
        description = "At most this many (default 100).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Skip this many first.")
    int offset;

    @Override
    public Integer call() {
      if (limit < 1 || offset < 0) {
        throw new SkydasProblem(ProblemCode.USAGE, "--limit must be >= 1 and --offset >= 0");
      }
      try (Registry r = db.open(false)) {
        List<RegistryRecord> rs =
            r.list(filter.bbox(), filter.status(), filter.kind(), limit, offset);
        System.out.printf(
            Locale.ROOT, "%-28s %-18s %-22s %4s %s%n", "id", "type", "status", "ver", "name");
        for (RegistryRecord x : rs) {
          System.out.printf(
              Locale.ROOT,
              "%-28s %-18s %-22s %4d %s%n",
              x.id(),
              x.type(),
              x.status().id(),
              x.version(),
              x.name() == null ? "" : x.name());
        }
        System.out.printf(Locale.ROOT, "%d record(s) shown%n", rs.size());
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show one record as JSON, its activities and the actions a role may take.")
  static final class Show implements Callable<Integer> {
    @Mixin Db db;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(
        names = "--role",
        description = "Also list the lifecycle actions this role may take now.")
    String role;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        RegistryRecord x =
            r.find(id)
                .orElseThrow(
                    () ->
                        new SkydasProblem(
                            ProblemCode.NOT_FOUND, "no record '" + id + "' in the registry"));
        System.out.println(RecordCodec.toTree(x).toPrettyString());
        for (Activity a : r.activities(id)) {
          System.out.println(
              "activity " + a.kind().id() + " " + a.at() + " by " + a.actor() + ": " + a.data());
        }
        if (role != null) {
          System.out.println(
              "actions for "
                  + role
                  + ": "
                  + Action.offered(x.status(), x.kind(), Role.parse(role)).stream()
                      .map(Action::id)
                      .toList());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "transition",
      mixinStandardHelpOptions = true,
      description = {
        "Apply a lifecycle action: approve, start_construction, emplace, report_breach, report_damage, repair,",
        "start_clearance, complete_clearance, release_land; for minefields also mark, fence, monitor."
      })
  static final class Transition implements Callable<Integer> {
    @Mixin Db db;
    @Mixin Who who;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "ACTION")
    String action;

    @Option(
        names = "--version",
        paramLabel = "N",
        description =
            "The version you saw; refused if the record changed since (default: the current one).")
    Long version;

    @Override
    public Integer call() {
      Action a = Action.parse(action);
      if (a == null) {
        throw new SkydasProblem(
            ProblemCode.USAGE, "unknown action '" + action + "' (one of " + Action.ids() + ")");
      }
      try (Registry r = db.open(false)) {
        long v =
            version != null
                ? version
                : r.find(id)
                    .orElseThrow(
                        () ->
                            new SkydasProblem(
                                ProblemCode.NOT_FOUND, "no record '" + id + "' in the registry"))
                    .version();
        RegistryRecord x = r.transition(who.actor(), id, v, a);
        System.out.printf(
            Locale.ROOT,
            "%s: %s, version %d%n",
            x.id(),
            x.status().id()
                + (x.kind() == RecordKind.MINEFIELD
                    ? " (marked "
                        + x.marked()
                        + ", fenced "
                        + x.fenced()
                        + ", monitored "
                        + x.monitored()
                        + ")"
                    : ""),
            x.version());
      }
      return 0;
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Edit a record's data from a GeoJSON file holding one feature (as export writes it):",
        "name, notes, year, geometry, the minefield record. Its status is ignored: that moves by transition."
      })
  static final class Update implements Callable<Integer> {
    @Mixin Db db;
    @Mixin Who who;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "FILE", description = "GeoJSON with one feature.")
    Path file;

    @Option(
        names = "--version",
        paramLabel = "N",
        description =
            "The version you edited; refused if the record changed since (default: the current one).")
    Long version;

    @Override
    public Integer call() {
      List<RecordDraft> drafts = RegistryExchange.read(file, RegistryExchange.Format.GEOJSON);
      if (drafts.size() != 1) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT,
            file + ": holds " + drafts.size() + " features; give exactly one");
      }
      RecordDraft d = drafts.get(0);
      try (Registry r = db.open(false)) {
        RegistryRecord cur =
            r.find(id)
                .orElseThrow(
                    () ->
                        new SkydasProblem(
                            ProblemCode.NOT_FOUND, "no record '" + id + "' in the registry"));
        long v = version != null ? version : cur.version();
        // the file's status (an export carries one) is ignored: status moves only by transition
        RegistryRecord x =
            r.update(
                who.actor(),
                id,
                v,
                new RecordDraft(
                    null,
                    d.type(),
                    d.name(),
                    null,
                    d.geometry(),
                    null,
                    null,
                    null,
                    d.minefield(),
                    d.year(),
                    d.notes(),
                    d.where()));
        System.out.printf(Locale.ROOT, "%s: updated, version %d%n", x.id(), x.version());
      }
      return 0;
    }
  }

  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      description = {
        "Record an inspection, incident, clearance_task or land_release against a record.",
        "--data is a JSON object, e.g. '{\"date\": \"2028-04-01\", \"organisation\": \"KASP\", \"findings\": \"ok\"}'."
      })
  static final class Record implements Callable<Integer> {
    @Mixin Db db;
    @Mixin Who who;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(
        index = "1",
        paramLabel = "KIND",
        description = "inspection, incident, clearance_task or land_release.")
    String kind;

    @Option(
        names = "--data",
        required = true,
        paramLabel = "JSON",
        description = "The fields, as a JSON object (or @FILE).")
    String data;

    @Option(
        names = "--geometry",
        paramLabel = "WKT",
        description = "WGS84 geometry as WKT (a land release needs its polygon).")
    String geometry;

    @Override
    public Integer call() throws Exception {
      ActivityKind k = ActivityKind.parse(kind);
      if (k == null) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "unknown activity '" + kind + "' (inspection, incident, clearance_task, land_release)");
      }
      String json = data.startsWith("@") ? Files.readString(Path.of(data.substring(1))) : data;
      Map<String, Object> m;
      try {
        m = RecordCodec.JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
      } catch (JsonProcessingException e) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT, "--data: not a JSON object: " + e.getOriginalMessage());
      }
      Geometry g = null;
      if (geometry != null) {
        try {
          g = new WKTReader(new GeometryFactory(new PrecisionModel(), 4326)).read(geometry);
        } catch (ParseException e) {
          throw new SkydasProblem(ProblemCode.BAD_INPUT, "--geometry: not WKT: " + e.getMessage());
        }
      }
      try (Registry r = db.open(false)) {
        Activity a = r.addActivity(who.actor(), id, k, g, m);
        System.out.printf(Locale.ROOT, "%s: %s recorded (%s)%n", id, k.id(), a.id());
      }
      return 0;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check the audit chain and every record against it; exit 9 naming every edited, deleted, inserted or reordered event.")
  static final class Verify implements Callable<Integer> {
    @Mixin Db db;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        VerifyReport v = r.verify();
        if (v.ok()) {
          System.out.printf(
              Locale.ROOT,
              "Audit chain intact: %d events, %d records, %d activities; head %s%n",
              v.events(),
              v.records(),
              v.activities(),
              v.headHash());
          return 0;
        }
        for (String p : v.problems()) {
          System.out.println("TAMPERED: " + p);
        }
        throw new SkydasProblem(
            ProblemCode.TAMPERED,
            r.store().describe()
                + ": audit check failed: "
                + v.problems().size()
                + " problem(s), first: "
                + v.problems().get(0));
      }
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "The audit trail of a record, or its state at a past time.")
  static final class History implements Callable<Integer> {
    @Mixin Db db;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(
        names = "--at",
        paramLabel = "TIME",
        description =
            "Print the record as it stood at this ISO 8601 instant (2027-05-03T12:00:00Z).")
    String at;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        if (at != null) {
          Instant t;
          try {
            t = Instant.parse(at);
          } catch (DateTimeParseException e) {
            throw new SkydasProblem(
                ProblemCode.USAGE,
                "--at " + at + ": not an ISO 8601 instant (2027-05-03T12:00:00Z)");
          }
          RegistryRecord x =
              r.stateAt(id, t)
                  .orElseThrow(
                      () ->
                          new SkydasProblem(
                              ProblemCode.NOT_FOUND, "record '" + id + "' did not exist at " + at));
          System.out.println(RecordCodec.toTree(x).toPrettyString());
          return 0;
        }
        List<AuditEvent> h = r.history(id);
        if (h.isEmpty()) {
          throw new SkydasProblem(ProblemCode.NOT_FOUND, "no audit events for '" + id + "'");
        }
        for (AuditEvent e : h) {
          String status =
              e.after() == null
                  ? ""
                  : RecordCodec.JSON.readTree(e.after()).path("status").asText("");
          System.out.printf(
              Locale.ROOT,
              "%6d %s %-20s %-10s %-20s %s%n",
              e.seq(),
              e.at(),
              e.action(),
              e.role(),
              e.actor(),
              status);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return 0;
    }
  }
}
