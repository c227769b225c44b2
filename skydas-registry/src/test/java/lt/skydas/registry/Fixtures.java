package lt.skydas.registry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.MinefieldData.AntiHandling;
import lt.skydas.registry.MinefieldData.Fencing;
import lt.skydas.registry.MinefieldData.MineLot;
import lt.skydas.registry.MinefieldData.MineRow;
import lt.skydas.registry.MinefieldData.Monitoring;
import lt.skydas.registry.MinefieldData.ReferencePoint;
import lt.skydas.registry.MinefieldData.SelfDestruct;
import lt.skydas.registry.MinefieldData.WarningSigns;
import lt.skydas.registry.store.JdbcStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Shared test data: the shipped territory, catalog, and records inside central Lithuania. */
final class Fixtures {
  static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
  static final Territory LT =
      Territory.withoutCivilianGround(Path.of("../data/baltic/countries.geojson.gz"), "LT");
  static final ObstacleCatalog CATALOG = ObstacleCatalog.defaults();
  static final Actor PLANNER = new Actor("ona", Role.PLANNER);
  static final Actor ENGINEER = new Actor("jonas", Role.ENGINEER);
  static final Actor INSPECTOR = new Actor("ieva", Role.INSPECTOR);
  static final Actor ADMIN = new Actor("admin", Role.ADMIN);
  static final Actor VIEWER = new Actor("petras", Role.VIEWER);

  private Fixtures() {}

  /** A clock that advances one second on every reading, from 2027-01-01. */
  static Clock ticking() {
    return new Clock() {
      long t = Instant.parse("2027-01-01T00:00:00Z").getEpochSecond();

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public synchronized Instant instant() {
        return Instant.ofEpochSecond(t++);
      }
    };
  }

  static Registry open(Path dir) {
    return open(dir.resolve("registry.gpkg").toString());
  }

  static Registry open(String location) {
    return new Registry(JdbcStore.open(location, true), CATALOG, LT, ticking());
  }

  /** A square of {@code size} degrees with its south-west corner at (lon, lat). */
  static Geometry square(double lon, double lat, double size) {
    return GF.createPolygon(
        new Coordinate[] {
          new Coordinate(lon, lat),
          new Coordinate(lon + size, lat),
          new Coordinate(lon + size, lat + size),
          new Coordinate(lon, lat + size),
          new Coordinate(lon, lat)
        });
  }

  static Geometry line(double lon, double lat, double dLon) {
    return GF.createLineString(
        new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + dLon, lat + 0.001)});
  }

  static Geometry point(double lon, double lat) {
    return GF.createPoint(new Coordinate(lon, lat));
  }

  /** A complete AT minefield record for a square at (lon, lat). */
  static MinefieldData completeAt(double lon, double lat) {
    return new MinefieldData(
        List.of(
            new ReferencePoint("RP1", lon - 0.001, lat - 0.001, "survey pillar 17"),
            new ReferencePoint("RP2", lon + 0.006, lat - 0.001, "bridge abutment")),
        List.of(
            new MineRow(
                "A",
                List.of(List.of(lon + 0.001, lat + 0.002), List.of(lon + 0.004, lat + 0.002)),
                40,
                "TM-62")),
        List.of(),
        List.of(
            new MineLot(
                "TM-62",
                "AT",
                40,
                "pressure MVCh-62",
                365.0,
                true,
                "PL",
                "2024-03",
                "BZE-24-0317")),
        "mechanical",
        "2027-05-03T08:00:00Z",
        "2027-05-03T16:30:00Z",
        new AntiHandling(false, null),
        new SelfDestruct(false, null, null),
        new WarningSigns("triangle", 24, 50.0, List.of("en", "lt"), 28.0, 20.0, "red"),
        null,
        null);
  }

  /** A complete AP minefield record (fenced and monitored data given). */
  static MinefieldData completeAp(double lon, double lat) {
    MinefieldData m = completeAt(lon, lat);
    return new MinefieldData(
        m.referencePoints(),
        m.rows(),
        m.mines(),
        List.of(
            new MineLot(
                "PMN-4", "AP", 120, "pressure", 3650.0, true, "DE", "2023-11", "AP-23-1142")),
        "hand",
        m.laidFrom(),
        m.laidTo(),
        m.antiHandling(),
        m.selfDestruct(),
        m.warningSigns(),
        new Fencing("two-strand wire on posts", 1200.0),
        new Monitoring("Engineer Battalion, 2nd company", "patrol twice daily"));
  }
}
