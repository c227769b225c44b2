package lt.skydas.registry.exchange;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Actor;
import lt.skydas.registry.DepotData;
import lt.skydas.registry.MinefieldData;
import lt.skydas.registry.MinefieldData.AntiHandling;
import lt.skydas.registry.MinefieldData.MineLot;
import lt.skydas.registry.MinefieldData.MineRow;
import lt.skydas.registry.MinefieldData.ReferencePoint;
import lt.skydas.registry.MinefieldData.SelfDestruct;
import lt.skydas.registry.MinefieldData.WarningSigns;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;
import lt.skydas.registry.Territory;
import lt.skydas.registry.TestDrafts;
import lt.skydas.registry.store.JdbcStore;
import org.locationtech.jts.geom.Geometry;

/** A small registry east of Vilnius with hostile strings in it, shared by the exchange tests. */
final class ExchangeFixtures {
  static final Actor ADMIN = new Actor("admin", Role.ADMIN);
  static final Actor INSPECTOR = new Actor("inspector", Role.INSPECTOR);

  /** Strings that must survive every format exactly. */
  static final String SQL = "'; DROP TABLE records; --";

  static final String MARKUP = "<script>alert(\"x\")</script> ]]> & &amp; \"quoted\" 'single'";
  static final String LITHUANIAN = "Šalčininkų rajonas, Eišiškės – ąčęėįšųūž";

  private static Territory territory;

  private ExchangeFixtures() {}

  static synchronized Territory territory() {
    if (territory == null) {
      territory =
          Territory.withoutCivilianGround(Path.of("../data/baltic/countries.geojson.gz"), "LT");
    }
    return territory;
  }

  static Registry registry(Path dir, String name) {
    return new Registry(
        JdbcStore.open(dir.resolve(name).toString(), true),
        ObstacleCatalog.defaults(),
        territory(),
        Clock.systemUTC());
  }

  static Geometry wkt(String wkt) {
    return RecordCodec.geometry(wkt);
  }

  /** A square polygon of side {@code d} degrees with its south-west corner at lon, lat. */
  static Geometry square(double lon, double lat, double d) {
    return wkt(
        String.format(
            java.util.Locale.ROOT,
            "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
            lon,
            lat,
            lon + d,
            lat,
            lon + d,
            lat + d,
            lon,
            lat + d,
            lon,
            lat));
  }

  /** A complete CCW record for an AT minefield with its SW corner at lon, lat. */
  static MinefieldData minefield(double lon, double lat, String refName) {
    return new MinefieldData(
        List.of(
            new ReferencePoint(refName, lon - 0.001, lat - 0.001, "road junction " + MARKUP),
            new ReferencePoint("RP2", lon + 0.011, lat - 0.001, LITHUANIAN)),
        List.of(
            new MineRow(
                "A",
                List.of(List.of(lon + 0.001, lat + 0.002), List.of(lon + 0.009, lat + 0.002)),
                40,
                "TM-62M")),
        List.of(),
        List.of(
            new MineLot(
                "TM-62M",
                "AT",
                40,
                "MVCh-62 pressure",
                365.0,
                null,
                "PL",
                "2024-03",
                "BZE-24-0318")),
        "mechanical",
        "2027-05-03T08:00:00Z",
        "2027-05-03T16:30:00Z",
        new AntiHandling(false, null),
        new SelfDestruct(false, null, null),
        new WarningSigns("triangle", 24, 50.0, List.of("lt", "en"), 28.0, 20.0, "red"),
        null,
        null);
  }

  static RecordDraft minefieldDraft(String id, Status s, double lon, double lat, String name) {
    return RecordDraft.builder()
        .withId(id)
        .withType("at_minefield")
        .withName(name)
        .withStatus(s)
        .withGeometry(square(lon, lat, 0.01))
        .withProtection(true, false, false)
        .withMinefield(minefield(lon, lat, name == null ? "RP1" : name))
        .withYear(2)
        .withNotes(MARKUP + "\nsecond line")
        .build();
  }

  /** Drafts of every kind of record, geometry and status, with hostile strings. */
  static List<RecordDraft> drafts() {
    return List.of(
        minefieldDraft("mf-1", Status.EMPLACED, 25.60, 54.60, LITHUANIAN),
        minefieldDraft("mf-2", Status.CLEARED, 25.64, 54.60, "Cleared \"field\""),
        minefieldDraft("mf-3", Status.LAND_RELEASED, 25.68, 54.60, SQL),
        minefieldDraft("mf-4", Status.PLANNED, 25.72, 54.60, null),
        TestDrafts.obstacle("ditch-1")
            .withType("at_ditch")
            .withName(SQL)
            .withGeometry(wkt("LINESTRING (25.61 54.65, 25.625 54.655, 25.64 54.652)"))
            .withYear(1)
            .withNotes(MARKUP)
            .build(),
        TestDrafts.obstacle("bunker:7")
            .withType("bunker")
            .withName(LITHUANIAN)
            .withStatus(Status.APPROVED)
            .withGeometry(wkt("POINT (25.7012345678901 54.7)"))
            .build(),
        TestDrafts.obstacle("teeth-2")
            .withName(MARKUP)
            .withStatus(Status.EMPLACED)
            .withGeometry(
                wkt("MULTILINESTRING ((25.5 54.5, 25.51 54.505), (25.52 54.51, 25.53 54.512))"))
            .withYear(3)
            .withNotes(LITHUANIAN)
            .build(),
        TestDrafts.obstacle("bridge-3")
            .withType("bridge_demolition")
            .withName(LITHUANIAN)
            .withStatus(Status.EXECUTED)
            .withGeometry(wkt("POINT (25.655 54.705)"))
            .withYear(1)
            .build(),
        TestDrafts.obstacle("rcp-4")
            .withType("road_control_point")
            .withStatus(Status.PREPARED)
            .withGeometry(wkt("POINT (25.675 54.715)"))
            .build(),
        TestDrafts.sensor("cuas-1", 25.66, 54.68)
            .withName(MARKUP)
            .withStatus(Status.EMPLACED)
            .withSiting(7.5, 292.5)
            .build(),
        RecordDraft.planned(
                "fence-1",
                "fibre_fence_sensor",
                wkt("LINESTRING (25.62 54.69, 25.63 54.691, 25.64 54.693)"))
            .toBuilder()
            .withName(LITHUANIAN)
            .withYear(2)
            .build(),
        TestDrafts.depot("depot-1", 25.69, 54.72)
            .withName(LITHUANIAN)
            .withStatus(Status.STOCKED)
            .withDepot(
                new DepotData(Map.of("at_mines", 1500.0, "demolition_charges", 12.5), MARKUP))
            .build());
  }

  static List<RegistryRecord> stored(Registry r) {
    return r.importAll(ADMIN, drafts(), "fixtures");
  }

  /** A draft without its {@code where} label and with the geometry replaced by its WKT. */
  static Object comparable(RecordDraft d) {
    return List.of(d.withWhere(null).withGeometry(null), RecordCodec.wkt(d.geometry()));
  }
}
