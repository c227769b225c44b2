package lt.skydas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Activity;
import lt.skydas.registry.ActivityKind;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.exchange.RegistryExchange;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skydas registry}: the authoritative record of what is planned, built and cleared, on an
 * embedded GeoPackage (default) or PostGIS, with a hash-chained audit trail.
 */
/** {@code skydas registry update} and {@code record}: edit a record's data, log an activity. */
final class RegistryEditCommands {
  private RegistryEditCommands() {}

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Edit a record's data from a GeoJSON file holding one feature (as export writes it):",
        "name, notes, year, geometry, the minefield record, a depot's stock. Its status is ignored: that moves by transition."
      })
  static final class Update implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Who who;

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
        RegistryRecord cur = RegistryOptions.Db.require(r, id);
        long v = version != null ? version : cur.version();
        // the file's status (an export carries one) is ignored: status moves only by transition
        RegistryRecord x =
            r.update(
                who.actor(r),
                id,
                v,
                d.toBuilder()
                    .withId(null)
                    .withStatus(null)
                    .withProtection(null, null, null)
                    .build());
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
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Who who;

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
          g = lt.skydas.core.geo.WktText.read(geometry);
        } catch (ParseException e) {
          throw new SkydasProblem(ProblemCode.BAD_INPUT, "--geometry: not WKT: " + e.getMessage());
        }
      }
      try (Registry r = db.open(false)) {
        Activity a = r.addActivity(who.actor(r), id, k, g, m);
        System.out.printf(Locale.ROOT, "%s: %s recorded (%s)%n", id, k.id(), a.id());
      }
      return 0;
    }
  }
}
