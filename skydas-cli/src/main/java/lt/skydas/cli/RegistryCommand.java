package lt.skydas.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Action;
import lt.skydas.registry.Activity;
import lt.skydas.registry.AuditEvent;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.VerifyReport;
import lt.skydas.registry.exchange.RegistryExchange;
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
      "The registry of obstacles, minefields, sensor sites and depots: lifecycle, CCW Amended Protocol II records, audit.",
      "Storage: --db FILE.gpkg (embedded GeoPackage, the default registry.gpkg) or",
      "--db jdbc:postgresql://host:port/db?user=...&password=... (PostGIS)."
    },
    subcommands = {
      RegistryCommand.Init.class,
      RegistryCommand.Import.class,
      RegistryDepotsCommand.class,
      RegistryNeighboursCommand.class,
      RegistryWorksCommand.class,
      RegistryPolicyCommand.class,
      RegistryCommand.Export.class,
      RegistryTakCommand.class,
      RegistryCommand.ListCmd.class,
      RegistryCommand.Show.class,
      RegistryCommand.Transition.class,
      RegistryEditCommands.Update.class,
      RegistryEditCommands.Record.class,
      RegistryCommand.Verify.class,
      RegistrySigning.Keygen.class,
      RegistrySigning.CheckpointCmd.class,
      RegistryBackupCommands.Backup.class,
      RegistryBackupCommands.Restore.class,
      RegistryCommand.History.class,
      RegistrySheetCommand.class,
      RegistryInspectionsCommand.class
    })
final class RegistryCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Create the registry (or bring its schema up to date).")
  static final class Init implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;

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
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Who who;
    @Mixin CopySigning.Check check;

    @Parameters(paramLabel = "FILE", description = "File to import.")
    Path file;

    @Option(
        names = "--format",
        description = "geojson, geopackage, kml or csv (default: from the file name).")
    RegistryExchange.Format format;

    @Override
    public Integer call() {
      RegistryExchange.Format f = format != null ? format : RegistryExchange.fromPath(file);
      check.verifyIfAsked(file); // a second site takes only a copy whose signature holds
      List<RecordDraft> drafts = RegistryExchange.read(file, f);
      try (Registry r = db.open(false)) {
        List<RegistryRecord> stored =
            r.importAll(who.actor(r), drafts, file.getFileName().toString());
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
          "Export records as GeoJSON, GeoPackage, KML/KMZ, CSV (spreadsheet-safe unless --raw), a TAK data package of Cursor-on-Target events, or a GICHD-shaped mine-action handover.")
  static final class Export implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Filter filter;
    @Mixin CopySigning.Sign sign;

    @Parameters(paramLabel = "FILE", description = "File to write (replaced atomically).")
    Path file;

    @Option(
        names = "--format",
        description =
            "geojson, geopackage, kml, csv, cot or gichd (default: from the file name: .geojson,"
                + " .gpkg, .kml or .kmz, .csv, .zip for a TAK data package, .cot for one record,"
                + " .gichd.json).")
    RegistryExchange.Format format;

    @Option(
        names = "--raw",
        description =
            "CSV only: write the values exactly (no byte order mark, formula cells not defused)"
                + " instead of safe to open in Excel or LibreOffice.")
    boolean raw;

    @Option(
        names = "--profile",
        description =
            "GeoPackage only: dgiwg writes the DGIWG GeoPackage profile (metadata, WGS 84 in WKT"
                + " 2), validated before it is written (default: standard).")
    String profile;

    @Override
    public Integer call() {
      RegistryExchange.Format f = format != null ? format : RegistryExchange.fromPath(file);
      boolean dgiwg = profile != null && !profile.equalsIgnoreCase("standard");
      if (dgiwg && !profile.equalsIgnoreCase("dgiwg")) {
        throw new lt.skydas.core.problem.SkydasProblem(
            lt.skydas.core.problem.ProblemCode.USAGE,
            "--profile: '" + profile + "' is not standard or dgiwg",
            java.util.Map.of());
      }
      if (dgiwg && f != RegistryExchange.Format.GEOPACKAGE) {
        throw new lt.skydas.core.problem.SkydasProblem(
            lt.skydas.core.problem.ProblemCode.USAGE,
            "--profile dgiwg applies to GeoPackage exports only, not "
                + f.name().toLowerCase(Locale.ROOT),
            java.util.Map.of());
      }
      if (raw && f != RegistryExchange.Format.CSV) {
        throw new lt.skydas.core.problem.SkydasProblem(
            lt.skydas.core.problem.ProblemCode.USAGE,
            "--raw applies to CSV exports only, not " + f.name().toLowerCase(Locale.ROOT),
            java.util.Map.of());
      }
      try (Registry r = db.open(false)) {
        List<RegistryRecord> rs =
            r.list(filter.bbox(), filter.status(), filter.kind(), Integer.MAX_VALUE, 0);
        if (f == RegistryExchange.Format.GICHD) {
          java.util.Map<String, List<Activity>> acts = new java.util.LinkedHashMap<>();
          for (RegistryRecord x : rs) {
            acts.put(x.id(), r.activities(x.id()));
          }
          RegistryExchange.writeGichd(rs, acts, file);
        } else if (dgiwg) {
          RegistryExchange.writeDgiwg(rs, file, java.time.Clock.systemUTC());
        } else {
          RegistryExchange.write(rs, file, f, java.time.Clock.systemUTC(), raw);
        }
        System.out.printf(
            Locale.ROOT,
            "Exported %d records to %s (%s)%n",
            rs.size(),
            file,
            f.name().toLowerCase(Locale.ROOT) + (dgiwg ? ", DGIWG profile" : ""));
        sign.signIfAsked(r, file, rs.size());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List records.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Filter filter;

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
    @Mixin RegistryOptions.Db db;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(
        names = "--role",
        description = "Also list the lifecycle actions this role may take now.")
    String role;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        RegistryRecord x = RegistryOptions.Db.require(r, id);
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
                  + r.offer(x, Role.parse(role)).actions().stream().map(Action::id).toList());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "transition",
      mixinStandardHelpOptions = true,
      description = {
        "Apply a lifecycle action of the record's employment. Permanent: approve, start_construction, emplace.",
        "Reserved: approve, prepare, order (admin), execute, stand_down. Crisis-laid: approve, prepare, stock,",
        "order (admin), lay, stand_down, emplace (needs the complete Amended Protocol II record). Then all:",
        "report_breach, report_damage, repair, start_clearance, complete_clearance, release_land; for",
        "minefields also mark, fence, monitor."
      })
  static final class Transition implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Who who;

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
        long v = version != null ? version : RegistryOptions.Db.require(r, id).version();
        RegistryRecord x = r.transition(who.actor(r), id, v, a);
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
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check the audit chain and every record against it; exit 9 naming every edited, deleted, inserted or reordered event.")
  static final class Verify implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin RegistrySigning.Trust signed;

    @Override
    public Integer call() {
      lt.skydas.registry.ChainTrust trust = signed.trust();
      try (Registry r = db.open(false)) {
        VerifyReport v = trust == null ? r.verify() : r.verify(trust);
        if (v.ok()) {
          System.out.printf(
              Locale.ROOT,
              "Audit chain intact: %d events, %d records, %d activities; head %s%n",
              v.events(),
              v.records(),
              v.activities(),
              v.headHash());
          if (trust == null) {
            System.out.println(
                "Unsigned check: a chain rewritten consistently from its first event would pass;"
                    + " verify against signed checkpoints (--public-key, --checkpoints) to rule"
                    + " that out.");
          } else if (v.lastCheckpoint() == null) {
            System.out.println("No signed checkpoint in " + trust.source() + " yet.");
          } else {
            System.out.printf(
                Locale.ROOT,
                "Signed: %d checkpoint(s) of %s hold; the latest at seq %d (%s); %d event(s)"
                    + " since, not yet signed%n",
                v.checkpoints(),
                trust.source(),
                v.lastCheckpoint().seq(),
                v.lastCheckpoint().at(),
                v.unsignedEvents());
          }
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
    @Mixin RegistryOptions.Db db;

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
