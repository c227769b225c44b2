package lt.skydas.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.emplace.Forces;
import lt.skydas.emplace.ForcesReader;
import lt.skydas.plan.ObstacleType;
import lt.skydas.registry.Catalogs;
import lt.skydas.registry.DepotData;
import lt.skydas.registry.Lifecycle;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Status;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code skydas registry import-depots}: one depot record per depot of a forces file (the file
 * {@code skydas emplace --forces} reads; the shipped Lithuanian defaults without one), with its id,
 * name, point and stock. All or nothing, like {@code registry import}: a depot id already in the
 * registry refuses the whole file, naming every such id.
 */
@Command(
    name = "import-depots",
    mixinStandardHelpOptions = true,
    description = {
      "Register the depots of a forces file (as for emplace --forces) as depot records: id, name, point, stock.",
      "All or nothing; a depot id already in the registry refuses the file."
    })
final class RegistryDepotsCommand implements Callable<Integer> {
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  @Mixin RegistryOptions.Db db;
  @Mixin RegistryOptions.Who who;

  @Option(
      names = "--forces",
      paramLabel = "FILE",
      description = "Forces file (default: the shipped forces-lithuania.json).")
  Path forcesFile;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description =
          "Status of every depot: planned, approved, prepared or stocked (default: stocked if it"
              + " holds anything, else prepared; other than planned needs --role admin).")
  String status;

  @Override
  public Integer call() {
    Status given = status();
    try (Registry r = db.open(false)) {
      int epsg = r.territory().crs().epsg();
      ForcesReader reader = new ForcesReader(teamTypes(r), (x, y) -> true, epsg);
      Forces forces = forcesFile == null ? reader.defaults() : reader.read(forcesFile);
      String source =
          forcesFile == null ? "forces-lithuania.json" : forcesFile.getFileName().toString();
      refuseRegistered(r, forces, source);
      List<RegistryRecord> stored =
          r.importAll(who.actor(r), drafts(forces, given, source, epsg), source);
      System.out.printf(
          Locale.ROOT,
          "Registered %d depots from %s into %s%n",
          stored.size(),
          forcesFile == null ? "the shipped forces-lithuania.json" : forcesFile,
          r.store().describe());
    }
    return 0;
  }

  /**
   * One draft per depot: its id and name, its point back in WGS84 (rounded to 1e-7 degrees, about 1
   * cm: the forces file's positions went through the map CRS), its stock, the status given or the
   * one its stock implies. The registry checks the rest (territory, stock kinds).
   */
  static List<RecordDraft> drafts(Forces forces, Status status, String source, int epsg) {
    List<RecordDraft> out = new ArrayList<>();
    Coordinate ll = new Coordinate();
    for (Forces.Depot d : forces.depots()) {
      Crs.of(epsg).toWgs84(d.x(), d.y(), ll);
      DepotData data = new DepotData(d.stock(), null);
      Status s = status != null ? status : data.total() > 0 ? Status.STOCKED : Status.PREPARED;
      out.add(
          RecordDraft.builder()
              .withId(d.id())
              .withType(Catalogs.DEPOT)
              .withName(d.name())
              .withStatus(s)
              .withGeometry(WGS84.createPoint(new Coordinate(round7(ll.x), round7(ll.y))))
              .withDepot(data)
              .withWhere(source + " depot \"" + d.id() + "\"")
              .build());
    }
    return out;
  }

  /** Refused (all or nothing) if any depot id is a record already, naming each. */
  private static void refuseRegistered(Registry r, Forces forces, String source) {
    List<String> taken = new ArrayList<>();
    for (Forces.Depot d : forces.depots()) {
      if (r.find(d.id()).isPresent()) {
        taken.add(d.id());
      }
    }
    if (!taken.isEmpty()) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT,
          source
              + ": nothing imported: "
              + (taken.size() == 1 ? "depot " : "depots ")
              + String.join(", ", taken)
              + (taken.size() == 1 ? " is" : " are")
              + " already in the registry (change a registered depot's stock with"
              + " `skydas registry update`)");
    }
  }

  private Status status() {
    if (status == null) {
      return null;
    }
    Status s = Status.parse(status);
    if (s == null || !Lifecycle.depot().has(s)) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "--status "
              + status
              + ": not a depot status (one of "
              + String.join(", ", Lifecycle.depot().statuses().stream().map(Status::id).toList())
              + ")");
    }
    return s;
  }

  private static Set<String> teamTypes(Registry r) {
    Set<String> out = new HashSet<>();
    for (ObstacleType t : r.catalog().listTypes()) {
      out.addAll(t.emplacement().workH_perUnit().keySet());
    }
    return out;
  }

  private static double round7(double v) {
    return BigDecimal.valueOf(v).setScale(7, RoundingMode.HALF_EVEN).doubleValue();
  }
}
